import { FieldCipher, PersonalDataExportHandlers, PersonalDataExportPart } from '@prossimo/platform';
import { EntityManager } from 'typeorm';
import { EXPORT_AREAS, EXPORT_LAYOUT, PersonalDataExport } from './personal-data-export';
import { PersonalDataExportRepository } from './personal-data-export.repository';

/** The sections each area fills today (the document's layout, format prossimo-personal-data/1). */
const SECTIONS: Record<string, string[]> = {
  identity: ['account', 'roles'],
  notifications: ['notificationPreferences', 'notifications'],
  requests: ['needs', 'needStatusHistory'],
  matching: [
    'engagements',
    'careGroupMemberships',
    'proposalsReceived',
    'engagementMessagesSent',
    'blockedHelpers',
  ],
  community: [
    'volunteerProfile',
    'availability',
    'volunteerOffers',
    'joinRequests',
    'callAnswers',
    'callMessagesSent',
  ],
  reputation: ['reviewsWritten', 'reviewsReceived', 'reviewRepliesWritten'],
  directory: ['organisationsCreated'],
  moderation: ['reportsFiled'],
};

const cipher = new FieldCipher(Buffer.alloc(32).toString('base64'));

function registry(areas: string[], sections = SECTIONS): PersonalDataExportHandlers {
  const handlers = new PersonalDataExportHandlers();
  for (const area of areas) {
    handlers.register(area, {
      sections: sections[area],
      tables: [],
      collect: async ({ found }): Promise<PersonalDataExportPart> => ({
        sections: Object.fromEntries(
          sections[area].map((section) => [section, { area, found: { ...found } }]),
        ),
        found: { [area]: [`${area}-id`] },
      }),
    });
  }
  return handlers;
}

describe('PersonalDataExport: each library exports its own tables, privacy orchestrates', () => {
  it('boots with a handler for every area', () => {
    expect(() =>
      new PersonalDataExport(
        registry(EXPORT_AREAS),
        cipher,
        new PersonalDataExportRepository(),
      ).onApplicationBootstrap(),
    ).not.toThrow();
  });

  it.each(EXPORT_AREAS)('refuses to boot when %s has no handler', (missing) => {
    const handlers = registry(EXPORT_AREAS.filter((area) => area !== missing));
    expect(() =>
      new PersonalDataExport(handlers, cipher, new PersonalDataExportRepository()).onApplicationBootstrap(),
    ).toThrow(`Personal data export handlers missing for: ${missing}`);
  });

  it('refuses to boot when a section of the document has no area, or two', () => {
    const without = { ...SECTIONS, directory: [] };
    expect(() =>
      new PersonalDataExport(
        registry(EXPORT_AREAS, without),
        cipher,
        new PersonalDataExportRepository(),
      ).onApplicationBootstrap(),
    ).toThrow('none fills organisationsCreated');
    const twice = { ...SECTIONS, moderation: ['reportsFiled', 'roles'] };
    expect(() =>
      new PersonalDataExport(
        registry(EXPORT_AREAS, twice),
        cipher,
        new PersonalDataExportRepository(),
      ).onApplicationBootstrap(),
    ).toThrow('unknown or twice: roles');
  });

  it('a second handler for the same area is refused', () => {
    const handlers = registry(['identity']);
    expect(() =>
      handlers.register('identity', { sections: [], tables: [], collect: async () => ({ sections: {} }) }),
    ).toThrow('already registered');
  });

  it('runs the areas in order, each seeing what the ones before found, and lays the sections out', async () => {
    const manager = { query: async () => [] } as unknown as EntityManager;
    const document = await new PersonalDataExport(
      registry(EXPORT_AREAS),
      cipher,
      new PersonalDataExportRepository(),
    ).collect(manager, 'u1');
    expect(Object.keys(document)).toEqual(['format', 'generatedAt', ...EXPORT_LAYOUT]);
    // Every area's sections are in the layout, with privacy's own: nothing left out, nothing added.
    expect([...EXPORT_LAYOUT].sort()).toEqual(
      [...Object.values(SECTIONS).flat(), 'consents', 'dataExports', 'auditEntries', 'otherRecords'].sort(),
    );
    expect(document.format).toBe('prossimo-personal-data/1');
    expect(document.engagements).toEqual({
      area: 'matching',
      found: { identity: ['identity-id'], notifications: ['notifications-id'], requests: ['requests-id'] },
    });
  });
});
