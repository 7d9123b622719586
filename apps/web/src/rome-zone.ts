// The zone alone, for the main bundle's formatters: rome-time's arithmetic stays in the pages' chunks.

/** The zone of every date and time the app shows or reads: the help happens in Italy. */
export const ROME_TIME_ZONE = 'Europe/Rome';
