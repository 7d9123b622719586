/** The citizen pages' addresses (Italian, like the rest of the app's). */
export const CITIZEN_PATHS = {
  needs: '/richieste',
  newNeed: '/richieste/nuova',
  need: (id: string) => `/richieste/${id}`,
  needSent: (id: string) => `/richieste/${id}/inviata`,
  careGroups: '/badante-condivisa',
  reviews: '/recensioni',
  writeReview: (engagementId: string) => `/recensioni/scrivi/${engagementId}`,
  notifications: '/notifiche',
  preferences: '/preferenze',
  myData: '/i-miei-dati',
  accountDeleted: '/account-cancellato',
} as const;
