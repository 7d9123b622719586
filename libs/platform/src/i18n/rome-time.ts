// Dates and times as messages say them: Italian style, on the Europe/Rome clock whatever the
// server's zone. Built once: an Intl.DateTimeFormat costs far more to build than to use.
const ROME_TIME = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const ROME_DAY = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  day: '2-digit',
  month: '2-digit',
});
const ROME_DAY_TIME = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "HH:MM" in Italian time. */
export function romeTime(at: Date): string {
  return ROME_TIME.format(at);
}

/** "DD/MM" in Italian time. */
export function romeDay(at: Date): string {
  return ROME_DAY.format(at);
}

/** "DD/MM HH:MM" in Italian time. */
export function romeDayTime(at: Date): string {
  return ROME_DAY_TIME.format(at).replace(',', '');
}
