// The organisation's sections and their addresses, with no imports: "La mia area" links into them
// without loading the sections' code.

export const SECTIONS = ['members', 'offers', 'requests', 'reviews', 'calls', 'careGroups'] as const;
export type Section = (typeof SECTIONS)[number];

/** The Italian path of each section, under /ente/:organisationId/. */
export const SECTION_PATHS: Record<Section, string> = {
  members: 'membri',
  offers: 'offerte',
  requests: 'richieste',
  reviews: 'recensioni',
  calls: 'chiamate',
  careGroups: 'badanti-condivise',
};

export const organisationPath = (organisationId: string, section: Section) =>
  `/ente/${organisationId}/${SECTION_PATHS[section]}`;
