import { formatDate, formatDateTime, formatTime, toLocal } from '../datetime';

interface NeedLike {
  category: string;
  windowStart?: string | null;
  windowEnd?: string | null;
  details: {
    ride?: {
      destinationPlace: string;
      appointmentAt: string;
      returnTripWanted: boolean;
      returnAt?: string | null;
    } | null;
  };
}

/** What a need is, in a few words: "Passaggio per Ospedale, Verduno" or the category. */
export function needTitle(
  need: NeedLike,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const ride = need.details.ride;
  if (ride) return t('list.rideTo', { place: ride.destinationPlace });
  return t(`categories.${need.category}`);
}

/** When it is: the appointment of a ride, else the window ("7 dicembre 2026, 09:00–12:00"). */
export function needWhen(need: NeedLike, language: string): string {
  const ride = need.details.ride;
  if (ride) return formatDateTime(ride.appointmentAt, language);
  if (!need.windowStart || !need.windowEnd) return '';
  const start = toLocal(new Date(need.windowStart));
  const end = toLocal(new Date(need.windowEnd));
  const sameDay =
    start.date.year === end.date.year &&
    start.date.month === end.date.month &&
    start.date.day === end.date.day;
  if (sameDay) return `${formatDateTime(need.windowStart, language)}–${formatTime(end.time)}`;
  // A window ending at midnight ends on the day before.
  return `${formatDate(need.windowStart, language)} – ${formatDate(new Date(Date.parse(need.windowEnd) - 60000), language)}`;
}

export const ACTIVE_NEED_STATUSES = ['DRAFT', 'SUBMITTED', 'OPEN', 'MATCHED', 'IN_PROGRESS'];
