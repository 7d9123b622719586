/** The volunteer area's addresses (Italian, like the rest of the app's). */
export const VOLUNTEER_PATHS = {
  home: '/volontario',
  profile: '/volontario/profilo',
  availability: '/volontario/disponibilita',
  proposals: '/volontario/proposte',
  engagements: '/volontario/impegni',
  engagement: (id: string) => `/volontario/impegni/${id}`,
  reviews: '/volontario/recensioni',
  calls: '/volontario/chiamate',
} as const;
