/** The volunteer area's addresses (Italian, like the rest of the app's). */
export const VOLUNTEER_PATHS = {
  home: '/volontariato',
  profile: '/volontariato/profilo',
  availability: '/volontariato/disponibilita',
  proposals: '/volontariato/proposte',
  engagements: '/volontariato/impegni',
  engagement: (id: string) => `/volontariato/impegni/${id}`,
  reviews: '/volontariato/recensioni',
  calls: '/volontariato/chiamate',
} as const;
