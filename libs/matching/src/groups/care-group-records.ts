// Database steps shared by the worker (forming groups) and the API (confirming, leaving).
import { NotificationsService } from '@prossimo/notifications';
import { recordStatusChange } from '@prossimo/platform';
import { NeedLifecycleService, NeedStatus } from '@prossimo/requests';
import { EntityManager } from 'typeorm';
import { PriceBand } from '../pricing/shared-price';
import { HouseholdQuote, quoteGroup } from './care-grouping';
import { CareGroupMemberStatus, CareGroupStatus } from './care-groups.types';

export const CARE_GROUP_HISTORY_ENTITY = 'care_group';
export const CARE_GROUP_MEMBER_HISTORY_ENTITY = 'care_group_member';

export type CareGroupEvent =
  'care_group_quote' | 'care_group_repriced' | 'care_group_confirmed' | 'care_group_dissolved';

export interface LockedCareGroup {
  id: string;
  status: CareGroupStatus;
  comuneIstat: string;
  weeklyMinutes: number;
  bands: PriceBand[];
  organisationName: string;
}

export interface LiveMember {
  id: string;
  needId: string;
  status: CareGroupMemberStatus;
  priceCentsPerHour: number;
  individualPriceCentsPerHour: number;
}

const euro = new Intl.NumberFormat('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "5,00 EUR": the same in both languages, GSM-7 only. */
export function formatEuro(cents: number): string {
  return `${euro.format(cents / 100)} EUR`;
}

/** Locks the group row; the offer's bands come with it (the group keeps its offer's prices). */
export async function lockCareGroup(
  manager: EntityManager,
  groupId: string,
): Promise<LockedCareGroup | undefined> {
  const [row]: LockedCareGroup[] = await manager.query(
    `SELECT g.id, g.status, g.comune_istat::text AS "comuneIstat", g.weekly_minutes AS "weeklyMinutes",
            o.price_bands AS bands, org.name AS "organisationName"
       FROM care_groups g JOIN service_offers o ON o.id = g.offer_id JOIN organisations org ON org.id = g.organisation_id
      WHERE g.id = $1 FOR UPDATE OF g`,
    [groupId],
  );
  return row;
}

export async function liveMembers(manager: EntityManager, groupId: string): Promise<LiveMember[]> {
  return manager.query(
    `SELECT id, need_id AS "needId", status, price_cents_per_hour AS "priceCentsPerHour",
            individual_price_cents_per_hour AS "individualPriceCentsPerHour"
       FROM care_group_members WHERE group_id = $1 AND left_at IS NULL ORDER BY joined_at, need_id`,
    [groupId],
  );
}

/** The people a household's need is for: the citizen author and the beneficiary's own account. */
export async function householdUserIds(manager: EntityManager, needId: string): Promise<string[]> {
  const [row]: { authorUserId: string | null; source: string; beneficiaryUserId: string | null }[] =
    await manager.query(
      `SELECT n.author_user_id AS "authorUserId", n.source, b.user_id AS "beneficiaryUserId"
         FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id WHERE n.id = $1`,
      [needId],
    );
  if (!row) return [];
  const ids = new Set<string>();
  if (row.source === 'citizen' && row.authorUserId) ids.add(row.authorUserId);
  if (row.beneficiaryUserId) ids.add(row.beneficiaryUserId);
  return [...ids];
}

/** Writes new quotes for the live members (same order as `quotes`). */
export async function storeQuotes(
  manager: EntityManager,
  groupId: string,
  quotes: readonly HouseholdQuote[],
): Promise<void> {
  for (const quote of quotes) {
    await manager.query(
      `UPDATE care_group_members SET price_cents_per_hour = $3, individual_price_cents_per_hour = $4,
              weekly_cents = $5, individual_weekly_cents = $6, updated_at = now()
        WHERE group_id = $1 AND need_id = $2 AND left_at IS NULL`,
      quoteParams(groupId, quote),
    );
  }
}

/** $1..$6 of the member queries: group, need, then the four amounts of the quote. */
export function quoteParams(groupId: string, quote: HouseholdQuote): (string | number)[] {
  return [
    groupId,
    quote.householdId,
    quote.priceCentsPerHour,
    quote.individualPriceCentsPerHour,
    quote.weeklyCents,
    quote.individualWeeklyCents,
  ];
}

/** Tells every person of each household about the group, with their own quote. */
export async function notifyHouseholds(
  manager: EntityManager,
  notifications: NotificationsService,
  group: { id: string; organisationName: string },
  event: CareGroupEvent,
  quotes: readonly HouseholdQuote[],
  households = quotes.length,
): Promise<void> {
  for (const quote of quotes) {
    for (const userId of await householdUserIds(manager, quote.householdId)) {
      await notifications.notifyUser(manager, {
        userId,
        event,
        params: {
          organisation: group.organisationName,
          households,
          price: formatEuro(quote.priceCentsPerHour),
          saving: formatEuro(quote.individualPriceCentsPerHour - quote.priceCentsPerHour),
        },
        ref: `care_group:${group.id}`,
      });
    }
  }
}

/** Quotes of the live members as stored (for notifications that do not change prices). */
export function storedQuotes(members: readonly LiveMember[]): HouseholdQuote[] {
  return members.map((member) => ({
    householdId: member.needId,
    priceCentsPerHour: member.priceCentsPerHour,
    individualPriceCentsPerHour: member.individualPriceCentsPerHour,
    weeklyCents: 0,
    individualWeeklyCents: 0,
  }));
}

export async function setGroupStatus(
  manager: EntityManager,
  group: { id: string; status: CareGroupStatus },
  to: CareGroupStatus,
  actorUserId: string | null,
  reason: string,
): Promise<void> {
  await manager.query(
    `UPDATE care_groups SET status = $2, updated_at = now(),
            confirmed_at = CASE WHEN $2 = 'confirmed' THEN now() ELSE confirmed_at END,
            dissolved_at = CASE WHEN $2 = 'dissolved' THEN now() ELSE dissolved_at END
      WHERE id = $1`,
    [group.id, to],
  );
  await recordStatusChange(manager, {
    entityType: CARE_GROUP_HISTORY_ENTITY,
    entityId: group.id,
    from: group.status,
    to,
    actorUserId,
    reason,
  });
}

export async function setMemberStatus(
  manager: EntityManager,
  member: { id: string; status: CareGroupMemberStatus },
  to: CareGroupMemberStatus,
  actorUserId: string | null,
  reason: string | null,
  leftReason: 'left' | 'group_dissolved' | 'need_closed' | null = null,
): Promise<void> {
  await manager.query(
    `UPDATE care_group_members SET status = $2, updated_at = now(),
            confirmed_at = CASE WHEN $2 = 'confirmed' THEN now() ELSE confirmed_at END,
            left_at = CASE WHEN $2 = 'left' THEN now() ELSE left_at END, left_reason = $3
      WHERE id = $1`,
    [member.id, to, leftReason],
  );
  await recordStatusChange(manager, {
    entityType: CARE_GROUP_MEMBER_HISTORY_ENTITY,
    entityId: member.id,
    from: member.status,
    to,
    actorUserId,
    reason,
  });
}

/**
 * Every live household confirmed: the group starts and each household's need is matched.
 * Returns whether it happened.
 */
export async function confirmGroupIfComplete(
  manager: EntityManager,
  lifecycle: NeedLifecycleService,
  notifications: NotificationsService,
  group: LockedCareGroup,
  actorUserId: string | null,
): Promise<boolean> {
  if (group.status !== CareGroupStatus.PROPOSED) return false;
  const members = await liveMembers(manager, group.id);
  if (members.length < 2 || members.some((m) => m.status !== CareGroupMemberStatus.CONFIRMED)) return false;
  await setGroupStatus(manager, group, CareGroupStatus.CONFIRMED, actorUserId, 'every household confirmed');
  for (const member of members) {
    await lifecycle.transition(manager, member.needId, NeedStatus.MATCHED, actorUserId, 'shared carer group');
  }
  await notifyHouseholds(manager, notifications, group, 'care_group_confirmed', storedQuotes(members));
  return true;
}

/** A need that was matched through the group goes back on the market. */
export async function reopenIfMatched(
  manager: EntityManager,
  lifecycle: NeedLifecycleService,
  needId: string,
  actorUserId: string | null,
  reason: string,
): Promise<void> {
  const [need]: { status: string }[] = await manager.query(`SELECT status FROM needs WHERE id = $1`, [
    needId,
  ]);
  if (need?.status === NeedStatus.MATCHED) {
    await lifecycle.transition(manager, needId, NeedStatus.OPEN, actorUserId, reason);
  }
}

/** New quotes for the live households after the group's size changed. */
export function requote(group: LockedCareGroup, members: readonly LiveMember[]): HouseholdQuote[] {
  return quoteGroup(
    group.bands,
    members.map((member) => member.needId),
    group.weeklyMinutes,
  );
}

/**
 * A household is no longer in the group (it left, or its need closed): its membership ends, a
 * need matched through the group reopens, and the rest are re-priced on the band for their new
 * size and told; with one household left the group dissolves. The caller holds the group's lock.
 */
export async function removeHousehold(
  manager: EntityManager,
  lifecycle: NeedLifecycleService,
  notifications: NotificationsService,
  group: LockedCareGroup,
  member: { id: string; needId: string; status: CareGroupMemberStatus },
  departure: { actorUserId: string | null; reason: string; leftReason: 'left' | 'need_closed' },
): Promise<void> {
  const { actorUserId, reason } = departure;
  await setMemberStatus(
    manager,
    member,
    CareGroupMemberStatus.LEFT,
    actorUserId,
    reason,
    departure.leftReason,
  );
  await reopenIfMatched(manager, lifecycle, member.needId, actorUserId, 'left the shared carer group');

  const remaining = await liveMembers(manager, group.id);
  if (remaining.length < 2) {
    await setGroupStatus(manager, group, CareGroupStatus.DISSOLVED, actorUserId, 'fewer than two households');
    for (const other of remaining) {
      await setMemberStatus(
        manager,
        other,
        CareGroupMemberStatus.LEFT,
        null,
        'group dissolved',
        'group_dissolved',
      );
      await reopenIfMatched(manager, lifecycle, other.needId, null, 'shared carer group dissolved');
    }
    await notifyHouseholds(manager, notifications, group, 'care_group_dissolved', storedQuotes(remaining));
    return;
  }
  const quotes = requote(group, remaining);
  await storeQuotes(manager, group.id, quotes);
  await notifyHouseholds(manager, notifications, group, 'care_group_repriced', quotes);
  // The one who had not yet confirmed may have been the one leaving.
  await confirmGroupIfComplete(manager, lifecycle, notifications, group, actorUserId);
}
