import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Written where free text about an erased person was. */
export const ERASED_TEXT = '[cancellato]';

/** What each library is told when an account is erased, inside the erasure's transaction. */
export interface AccountErasureStep {
  manager: EntityManager;
  userId: string;
  /** The account's mobile (E.164) as it was before the erasure, or null. */
  phone: string | null;
}

/** Erases what one library holds about the person in its own tables; returns counts for the record. */
export type AccountErasureHandler = (step: AccountErasureStep) => Promise<Record<string, number>>;

/**
 * The walls between the libraries hold for personal data too: each library erases what it holds
 * about a person in its own tables, registering its handler at boot (onModuleInit); the privacy
 * library orchestrates them inside one transaction. A handler touches only its own library's
 * tables (and what lower libraries export), so the handlers do not depend on each other's order.
 */
@Injectable()
export class AccountErasureHandlers {
  private readonly handlers = new Map<string, AccountErasureHandler>();

  register(area: string, handler: AccountErasureHandler): void {
    if (this.handlers.has(area))
      throw new Error(`An account erasure handler for ${area} is already registered`);
    this.handlers.set(area, handler);
  }

  /** The areas with a handler, sorted. */
  areas(): string[] {
    return [...this.handlers.keys()].sort();
  }

  /** Runs every handler, one after another in the areas' order, and merges their counts. */
  async eraseAccount(step: AccountErasureStep): Promise<Record<string, number>> {
    const summary: Record<string, number> = {};
    for (const area of this.areas()) {
      Object.assign(summary, await this.handlers.get(area)!(step));
    }
    return summary;
  }
}

/**
 * A library's account-erasure handler as a provider: it names its area and registers its `erase`
 * at boot. Subclasses touch only their own library's tables.
 */
@Injectable()
export abstract class AccountErasureArea implements OnModuleInit {
  abstract readonly area: string;

  // A property, not a constructor parameter: a subclass's constructor asks only for its own repositories.
  @Inject(AccountErasureHandlers)
  private readonly handlers!: AccountErasureHandlers;

  onModuleInit(): void {
    this.handlers.register(this.area, (step) => this.erase(step));
  }

  protected abstract erase(step: AccountErasureStep): Promise<Record<string, number>>;
}
