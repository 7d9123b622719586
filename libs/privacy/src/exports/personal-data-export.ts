import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { FieldCipher, PersonalDataExportHandlers, PersonalDataExportStep } from '@prossimo/platform';
import { EntityManager } from 'typeorm';
import { PersonalDataExportRepository } from './personal-data-export.repository';

type Row = Record<string, unknown>;

/**
 * The libraries that hold personal data, each exporting its own tables (PersonalDataExportHandlers),
 * in the order they run: an area may use what the areas before it found (identity the account's
 * phone, requests the needs, matching the engagements). Checked at boot: a copy that silently
 * skipped one would not be the person's whole data.
 */
export const EXPORT_AREAS = [
  'identity',
  'notifications',
  'requests',
  'matching',
  'community',
  'reputation',
  'directory',
  'moderation',
];

/** The privacy library's own sections: consents, the exports themselves, the audit entries. */
const PRIVACY_SECTIONS = ['consents', 'dataExports', 'auditEntries', 'otherRecords'];
const PRIVACY_TABLES = ['consents', 'personal_data_exports', 'account_erasures'];

/** The document's sections, in their order (format prossimo-personal-data/1). */
export const EXPORT_LAYOUT = [
  'account',
  'roles',
  'consents',
  'notificationPreferences',
  'needs',
  'needStatusHistory',
  'engagements',
  'careGroupMemberships',
  'reviewsWritten',
  'reviewsReceived',
  'reviewRepliesWritten',
  'proposalsReceived',
  'volunteerProfile',
  'availability',
  'volunteerOffers',
  'joinRequests',
  'callAnswers',
  'engagementMessagesSent',
  'callMessagesSent',
  'organisationsCreated',
  'reportsFiled',
  'blockedHelpers',
  'notifications',
  'dataExports',
  'auditEntries',
  'otherRecords',
];

/** Columns never copied by the generic section: secrets, and columns naming who acted on others' data. */
const SKIPPED_COLUMN = /(hash|hmac|token|secret|_encrypted$)/;
const ACTOR_COLUMN = /(_by_user_id|^actor_user_id|^granted_by)/;

/**
 * Everything Prossimo holds about one person, as plain JSON: each library's part (account, needs
 * with the decrypted address and notes, engagements, volunteering, notifications, reviews...), the
 * consents, exports and audit entries about them, and rows of any other table that refers to them.
 * Other people appear only as ids.
 */
@Injectable()
export class PersonalDataExport implements OnApplicationBootstrap {
  constructor(
    private readonly handlers: PersonalDataExportHandlers,
    private readonly cipher: FieldCipher,
    private readonly rows: PersonalDataExportRepository,
  ) {}

  /**
   * Once every module has registered its handlers (onModuleInit): refuses to boot when an area has
   * no handler, or the handlers' sections do not fill the document's layout.
   */
  onApplicationBootstrap(): void {
    const missing = EXPORT_AREAS.filter((area) => !this.handlers.handler(area));
    if (missing.length) throw new Error(`Personal data export handlers missing for: ${missing.join(', ')}`);
    const filled = [
      ...PRIVACY_SECTIONS,
      ...EXPORT_AREAS.flatMap((area) => this.handlers.handler(area)!.sections),
    ];
    const unfilled = EXPORT_LAYOUT.filter((section) => !filled.includes(section));
    const unknown = filled.filter(
      (section, index) => !EXPORT_LAYOUT.includes(section) || filled.indexOf(section) !== index,
    );
    if (unfilled.length || unknown.length)
      throw new Error(
        `Personal data export sections: none fills ${unfilled.join(', ') || '-'}; ` +
          `unknown or twice: ${unknown.join(', ') || '-'}`,
      );
  }

  async collect(manager: EntityManager, userId: string): Promise<Record<string, unknown>> {
    const found: Record<string, string[]> = {};
    const sections: Record<string, unknown> = {};
    const step: PersonalDataExportStep = { manager, userId, found, decrypt: (value) => this.decrypt(value) };
    for (const area of EXPORT_AREAS) {
      const part = await this.handlers.handler(area)!.collect(step);
      Object.assign(sections, part.sections);
      Object.assign(found, part.found);
    }
    const generatedAt = new Date().toISOString();
    Object.assign(sections, await this.privacySections(manager, userId, found));
    const document: Record<string, unknown> = { format: 'prossimo-personal-data/1', generatedAt };
    for (const section of EXPORT_LAYOUT) document[section] = sections[section];
    return document;
  }

  /** The privacy library's own tables, the audit entries about the person and the generic rest. */
  private async privacySections(
    manager: EntityManager,
    userId: string,
    found: Record<string, string[]>,
  ): Promise<Record<string, unknown>> {
    const consents = await this.rows.findConsentsOf(manager, userId);
    const dataExports = await this.rows.findExportsOf(manager, userId);
    const auditEntries = await this.rows.findAuditEntries(manager, userId, {
      needIds: found.need ?? [],
      engagementIds: found.engagement ?? [],
      exportIds: dataExports.map((row) => row.id),
    });
    return { consents, dataExports, auditEntries, otherRecords: await this.otherRecords(manager, userId) };
  }

  /**
   * Rows of tables no area covers (a library added later) that point at the person, read
   * generically from the schema so that the copy stays complete.
   */
  private async otherRecords(manager: EntityManager, userId: string): Promise<Record<string, Row[]>> {
    const covered = new Set([
      ...PRIVACY_TABLES,
      ...EXPORT_AREAS.flatMap((area) => this.handlers.handler(area)!.tables),
    ]);
    const links = await this.rows.findLinksToUsers(manager);
    const result: Record<string, Row[]> = {};
    for (const link of links) {
      if (covered.has(link.table_name) || ACTOR_COLUMN.test(link.column_name)) continue;
      const columns = await this.rows.findColumnsOf(manager, link.table_name);
      const kept = columns.map((column) => column.column_name).filter((name) => !SKIPPED_COLUMN.test(name));
      const rows = await this.rows.findRowsOf(manager, link.table_name, link.column_name, kept, userId);
      if (rows.length) result[`${link.table_name}.${link.column_name}`] = rows;
    }
    return result;
  }

  private decrypt(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    try {
      return this.cipher.decrypt(value);
    } catch {
      // A value encrypted under a retired key cannot be shown; the rest of the copy still can.
      return null;
    }
  }
}
