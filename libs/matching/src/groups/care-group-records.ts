// Steps shared by the worker (forming groups) and the API (confirming, leaving); the SQL is in
// CareGroupsRepository, passed first as `rows`.
import { NotificationsService } from '@prossimo/notifications';
import { recordStatusChange } from '@prossimo/platform';
import { NeedLifecycleService, NeedStatus } from '@prossimo/requests';
import { EntityManager } from 'typeorm';
import { HouseholdQuote, quoteGroup } from './care-grouping';
import { CareGroupsRepository, LiveMember, LockedCareGroup } from './care-groups.repository';
import { CareGroupMemberStatus, CareGroupStatus } from './care-groups.types';

export type { LiveMember, LockedCareGroup } from './care-groups.repository';

export const CARE_GROUP_HISTORY_ENTITY = 'care_group';
export const CARE_GROUP_MEMBER_HISTORY_ENTITY = 'care_group_member';

export type CareGroupEvent =
  'care_group_quote' | 'care_group_repriced' | 'care_group_confirmed' | 'care_group_dissolved';

const euro = new Intl.NumberFormat('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "5,00 EUR": the same in both languages, GSM-7 only. */
export function formatEuro(cents: number): string {
  return `${euro.format(cents / 100)} EUR`;
}

/** The people a household's need is for: the citizen author and the beneficiary's own account. */
export async function householdUserIds(
  rows: CareGroupsRepository,
  manager: EntityManager,
  needId: string,
): Promise<string[]> {
  const row = await rows.findHouseholdPeople(manager, needId);
  if (!row) return [];
  const ids = new Set<string>();
  if (row.source === 'citizen' && row.authorUserId) ids.add(row.authorUserId);
  if (row.beneficiaryUserId) ids.add(row.beneficiaryUserId);
  return [...ids];
}

/** Writes new quotes for the live members (same order as `quotes`). */
export async function storeQuotes(
  rows: CareGroupsRepository,
  manager: EntityManager,
  groupId: string,
  quotes: readonly HouseholdQuote[],
): Promise<void> {
  for (const quote of quotes) await rows.updateQuote(manager, groupId, quote);
}

/** Tells every person of each household about the group, with their own quote. */
export async function notifyHouseholds(
  rows: CareGroupsRepository,
  manager: EntityManager,
  notifications: NotificationsService,
  group: { id: string; organisationName: string },
  event: CareGroupEvent,
  quotes: readonly HouseholdQuote[],
  households = quotes.length,
): Promise<void> {
  for (const quote of quotes) {
    for (const userId of await householdUserIds(rows, manager, quote.householdId)) {
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
  rows: CareGroupsRepository,
  manager: EntityManager,
  group: { id: string; status: CareGroupStatus },
  to: CareGroupStatus,
  actorUserId: string | null,
  reason: string,
): Promise<void> {
  await rows.updateGroupStatus(manager, group.id, to);
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
  rows: CareGroupsRepository,
  manager: EntityManager,
  member: { id: string; status: CareGroupMemberStatus },
  to: CareGroupMemberStatus,
  actorUserId: string | null,
  reason: string | null,
  leftReason: 'left' | 'group_dissolved' | 'need_closed' | null = null,
): Promise<void> {
  await rows.updateMemberStatus(manager, member.id, to, leftReason);
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
  rows: CareGroupsRepository,
  manager: EntityManager,
  lifecycle: NeedLifecycleService,
  notifications: NotificationsService,
  group: LockedCareGroup,
  actorUserId: string | null,
): Promise<boolean> {
  if (group.status !== CareGroupStatus.PROPOSED) return false;
  const members = await rows.liveMembers(manager, group.id);
  if (members.length < 2 || members.some((m) => m.status !== CareGroupMemberStatus.CONFIRMED)) return false;
  await setGroupStatus(
    rows,
    manager,
    group,
    CareGroupStatus.CONFIRMED,
    actorUserId,
    'every household confirmed',
  );
  for (const member of members) {
    await lifecycle.transition(manager, member.needId, NeedStatus.MATCHED, actorUserId, 'shared carer group');
  }
  await notifyHouseholds(rows, manager, notifications, group, 'care_group_confirmed', storedQuotes(members));
  return true;
}

/** A need that was matched through the group goes back on the market. */
export async function reopenIfMatched(
  rows: CareGroupsRepository,
  manager: EntityManager,
  lifecycle: NeedLifecycleService,
  needId: string,
  actorUserId: string | null,
  reason: string,
): Promise<void> {
  if ((await rows.findNeedStatus(manager, needId)) === NeedStatus.MATCHED) {
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
  rows: CareGroupsRepository,
  manager: EntityManager,
  lifecycle: NeedLifecycleService,
  notifications: NotificationsService,
  group: LockedCareGroup,
  member: { id: string; needId: string; status: CareGroupMemberStatus },
  departure: { actorUserId: string | null; reason: string; leftReason: 'left' | 'need_closed' },
): Promise<void> {
  const { actorUserId, reason } = departure;
  await setMemberStatus(
    rows,
    manager,
    member,
    CareGroupMemberStatus.LEFT,
    actorUserId,
    reason,
    departure.leftReason,
  );
  await reopenIfMatched(rows, manager, lifecycle, member.needId, actorUserId, 'left the shared carer group');

  const remaining = await rows.liveMembers(manager, group.id);
  if (remaining.length < 2) {
    await setGroupStatus(
      rows,
      manager,
      group,
      CareGroupStatus.DISSOLVED,
      actorUserId,
      'fewer than two households',
    );
    for (const other of remaining) {
      await setMemberStatus(
        rows,
        manager,
        other,
        CareGroupMemberStatus.LEFT,
        null,
        'group dissolved',
        'group_dissolved',
      );
      await reopenIfMatched(rows, manager, lifecycle, other.needId, null, 'shared carer group dissolved');
    }
    await notifyHouseholds(
      rows,
      manager,
      notifications,
      group,
      'care_group_dissolved',
      storedQuotes(remaining),
    );
    return;
  }
  const quotes = requote(group, remaining);
  await storeQuotes(rows, manager, group.id, quotes);
  await notifyHouseholds(rows, manager, notifications, group, 'care_group_repriced', quotes);
  // The one who had not yet confirmed may have been the one leaving.
  await confirmGroupIfComplete(rows, manager, lifecycle, notifications, group, actorUserId);
}
