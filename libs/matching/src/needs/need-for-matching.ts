// What matching needs to know about a need, shared by the engine, the API and the proposal writer.
import { LocalisedText, rideWhen } from '@prossimo/notifications';
import { romeDayTime } from '@prossimo/platform';
import { engagementSlot } from '../engagements/engagement-rules';

export const PROPOSAL_HISTORY_ENTITY = 'match_proposal';
export const ENGAGEMENT_HISTORY_ENTITY = 'engagement';

export interface NeedForMatching {
  id: string;
  status: string;
  source: string;
  category: string;
  description: string;
  comuneIstat: string;
  comuneName: string;
  lat: number;
  lon: number;
  maxDistanceKm: number | null;
  language: string;
  urgency: string;
  windowStart: Date | null;
  windowEnd: Date | null;
  details: {
    ride?: { appointmentAt: string; returnAt: string | null; wheelchair: boolean; passengers: number };
  };
  authorUserId: string | null;
  authorName: string | null;
  beneficiaryId: string | null;
  beneficiaryUserId: string | null;
}

/** "24/12 10:30" in Rome time: the same in Italian and English, short enough for an SMS. */
export function formatWhen(date: Date | null): string {
  if (!date) return '-';
  return romeDayTime(date);
}

/**
 * When a need is, as messages say it: a ride's pickup (the engagement's start) and appointment,
 * each named, so that everyone reads the same two times; otherwise the window's start.
 */
export function whenOf(need: NeedForMatching, rideBufferMinutes: number): string | LocalisedText {
  const ride = need.details.ride;
  if (!ride) return formatWhen(need.windowStart);
  const appointmentAt = new Date(ride.appointmentAt);
  return rideWhen(slotOf(need, rideBufferMinutes)?.start ?? appointmentAt, appointmentAt);
}

export function slotOf(need: NeedForMatching, rideBufferMinutes: number): { start: Date; end: Date } | null {
  if (!need.windowStart || !need.windowEnd) return null;
  const ride = need.details.ride;
  return engagementSlot({
    windowStart: need.windowStart,
    windowEnd: need.windowEnd,
    ride: ride
      ? {
          appointmentAt: new Date(ride.appointmentAt),
          returnAt: ride.returnAt ? new Date(ride.returnAt) : null,
        }
      : null,
    rideBufferMinutes,
  });
}

/** The people a need is for (and who may block helpers): the citizen author and the beneficiary. */
export function citizenUserIds(need: NeedForMatching): string[] {
  const ids = new Set<string>();
  if (need.source === 'citizen' && need.authorUserId) ids.add(need.authorUserId);
  if (need.beneficiaryUserId) ids.add(need.beneficiaryUserId);
  return [...ids];
}
