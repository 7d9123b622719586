import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * What earlier areas of an export found, for the areas after them: the account's `phone`, the
 * ids of the person's `need`s and `engagement`s. Kinds are strings so that no library names
 * another's types.
 */
export type PersonalDataFound = Readonly<Record<string, readonly string[]>>;

/** What each library is given to collect its part of "download my data", in the build's transaction. */
export interface PersonalDataExportStep {
  manager: EntityManager;
  userId: string;
  found: PersonalDataFound;
  /** Decrypts a column, or null (empty, or encrypted under a retired key: the rest of the copy still shows). */
  decrypt(value: unknown): string | null;
}

/** One library's part of the copy: its sections, and what it found for the areas after it. */
export interface PersonalDataExportPart {
  sections: Record<string, unknown>;
  found?: Record<string, string[]>;
}

/** One library's export handler; it reads only its own library's tables. */
export interface PersonalDataExportHandler {
  /** The sections of the document this area fills (the privacy library checks them at boot). */
  sections: readonly string[];
  /**
   * The tables of this area that refer to people: they are covered by the sections above (or
   * deliberately left out, like sessions), so the generic copy of unknown tables skips them.
   */
  tables: readonly string[];
  collect(step: PersonalDataExportStep): Promise<PersonalDataExportPart>;
}

/**
 * "Download my data" follows the walls between the libraries: each library collects what it holds
 * about a person from its own tables, registering its handler at boot (onModuleInit) from a small
 * module that both the api and the worker import; the privacy library runs them in order and
 * assembles the document.
 */
@Injectable()
export class PersonalDataExportHandlers {
  private readonly handlers = new Map<string, PersonalDataExportHandler>();

  register(area: string, handler: PersonalDataExportHandler): void {
    if (this.handlers.has(area))
      throw new Error(`A personal data export handler for ${area} is already registered`);
    this.handlers.set(area, handler);
  }

  /** The areas with a handler, sorted. */
  areas(): string[] {
    return [...this.handlers.keys()].sort();
  }

  handler(area: string): PersonalDataExportHandler | undefined {
    return this.handlers.get(area);
  }
}

/**
 * A library's export handler as a provider: it names its area, sections and tables, and registers
 * itself at boot. Subclasses read only their own library's tables.
 */
@Injectable()
export abstract class PersonalDataExportArea implements PersonalDataExportHandler, OnModuleInit {
  abstract readonly area: string;
  abstract readonly sections: readonly string[];
  abstract readonly tables: readonly string[];

  // A property, not a constructor parameter: a subclass's constructor asks only for its own repositories.
  @Inject(PersonalDataExportHandlers)
  private readonly handlers!: PersonalDataExportHandlers;

  onModuleInit(): void {
    this.handlers.register(this.area, this);
  }

  abstract collect(step: PersonalDataExportStep): Promise<PersonalDataExportPart>;

  /**
   * A row for the copy with its encrypted columns replaced by their text under readable names, e.g.
   * `{ text: 'body_encrypted' }`: no ciphertext goes into the document, and the readable columns
   * come after the others, in the order given.
   */
  protected decryptColumns(
    row: Readonly<Record<string, unknown>>,
    columns: Readonly<Record<string, string>>,
    decrypt: PersonalDataExportStep['decrypt'],
  ): Record<string, unknown> {
    const copy = { ...row };
    for (const encrypted of Object.values(columns)) delete copy[encrypted];
    for (const [readable, encrypted] of Object.entries(columns)) copy[readable] = decrypt(row[encrypted]);
    return copy;
  }
}
