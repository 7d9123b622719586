// What matching needs to know about a need, shared by the engine, the API and the proposal writer.
import { LocalisedText, rideWhen } from '@prossimo/notifications';
import { DomainError, romeDayTime } from '@prossimo/platform';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { engagementSlot } from './engagements/engagement-rules';

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

/**
 * Loads a need with what matching needs; callers take the locks they need first, or pass `lock`
 * to lock the need row (FOR NO KEY UPDATE) in the same statement.
 */
export async function loadNeedForMatching(
  manager: EntityManager,
  needId: string,
  lock = false,
): Promise<NeedForMatching | undefined> {
  const [row]: NeedForMatching[] = await manager.query(
    `SELECT ${NEED_FOR_MATCHING_SELECT} WHERE n.id = $1 ${lock ? 'FOR NO KEY UPDATE OF n' : ''}`,
    [needId],
  );
  return row;
}

/**
 * The need of one proposal (what loadNeedForMatching reads), locked FOR NO KEY UPDATE:
 * `proposalCondition` picks the proposal (alias mp). For a caller that reads more in the same
 * statement, as a MATERIALIZED part, so that the need is locked before anything the caller locks
 * after it. The row is the latest version of the need, re-read after waiting for its lock.
 */
export function lockedNeedOfProposalSql(proposalCondition: string): string {
  return `SELECT ${NEED_FOR_MATCHING_SELECT}
      WHERE n.id = (SELECT mp.need_id FROM match_proposals mp WHERE ${proposalCondition}) FOR NO KEY UPDATE OF n`;
}

const NEED_FOR_MATCHING_SELECT = `n.id, n.status, n.source, n.category, n.description, n.comune_istat AS "comuneIstat",
       c.name AS "comuneName", n.lat, n.lon, n.max_distance_km AS "maxDistanceKm", n.language, n.urgency,
       n.window_start AS "windowStart", n.window_end AS "windowEnd", n.details,
       n.author_user_id AS "authorUserId", au.display_name AS "authorName",
       n.beneficiary_id AS "beneficiaryId", b.user_id AS "beneficiaryUserId"
  FROM needs n JOIN comuni c ON c.istat = n.comune_istat
  LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
  LEFT JOIN users au ON au.id = n.author_user_id`;

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

/** The need's id and Comune, for the caller's access check; NEED_NOT_FOUND otherwise. */
export async function findNeed(
  manager: EntityManager,
  needId: string,
  field: string,
): Promise<{ id: string; comuneIstat: string }> {
  if (!isUUID(needId)) throw new DomainError('NEED_NOT_FOUND', { field });
  const [row]: { id: string; comuneIstat: string }[] = await manager.query(
    `SELECT id, comune_istat AS "comuneIstat" FROM needs WHERE id = $1`,
    [needId],
  );
  if (!row) throw new DomainError('NEED_NOT_FOUND', { field });
  return row;
}
