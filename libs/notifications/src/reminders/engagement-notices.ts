// What notifications an engagement's changes cause: reminders before it starts (delayed jobs
// through the outbox, checked again when they fire) and pickup/drop-off news for the family.
// Engagements belong to libs/matching; this reads them with SQL so that notifications does not
// depend on matching (matching depends on notifications).
import { JOBS, OutboxMessage, outboxJob, romeDayTime, writeOutbox } from '@prossimo/platform';
import { EntityManager } from 'typeorm';
import { deskContact, deskOfComuneSql } from '../templates/desk-contact';
import { LocalisedText, NotificationParams, rideTime, rideWhen, startTime } from '../templates/ride-times';

export type ReminderKind = 'day_before' | 'hour_before';

/** How long before the engagement starts each reminder goes out. */
export const REMINDER_OFFSETS_MS: Record<ReminderKind, number> = {
  day_before: 24 * 3600_000,
  hour_before: 3600_000,
};

export const REMINDER_EVENTS = {
  day_before: 'reminder_day_before',
  hour_before: 'reminder_hour_before',
} as const;

/** Notifications produced by reminders carry this ref, so a change withdraws the held ones. */
export function reminderRef(engagementId: string): string {
  return `engagement:${engagementId}:reminders`;
}

export interface EngagementNotice {
  id: string;
  status: string;
  startsAt: Date;
  helperUserId: string;
  helperName: string;
  citizenUserIds: string[];
  citizenName: string;
  summary: string;
  comuneName: string;
  /** Who to call to change it: the territory's desk, or the Comune (desk-contact.ts). */
  contact: LocalisedText;
  /** Where the helper goes: the pickup place of a ride, otherwise the Comune. */
  place: string;
  /** Where a ride ends: home again with a return trip, otherwise the destination. */
  dropOffPlace: string | null;
  isRide: boolean;
  /** A ride's appointment at the destination (startsAt is then the pickup). */
  appointmentAt: Date | null;
}

/** What a notice says about the need (alias n) and its people, as NeedNoticeRow names them. */
const NEED_NOTICE_COLUMNS = `CASE WHEN n.source = 'citizen' THEN n.author_user_id END AS author_user_id,
  b.user_id AS beneficiary_user_id, coalesce(cu.display_name, '') AS citizen_name,
  n.description, c.name AS comune_name, n.details->'ride' AS ride, desk.desk_phone, desk.desk_hours`;

/** The tables NEED_NOTICE_COLUMNS reads, joined to the need `n`. */
const NEED_NOTICE_JOINS = `JOIN comuni c ON c.istat = n.comune_istat
  ${deskOfComuneSql('n.comune_istat')}
  LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
  LEFT JOIN users cu ON cu.id = coalesce(b.user_id, n.author_user_id)`;

/** The need's side of an engagement notice. */
export interface NeedNoticeRow {
  author_user_id: string | null;
  beneficiary_user_id: string | null;
  citizen_name: string | null;
  description: string;
  comune_name: string;
  desk_phone: string | null;
  desk_hours: string | null;
  ride: {
    pickupPlace?: string;
    destinationPlace?: string;
    returnTripWanted?: boolean;
    appointmentAt?: string;
  } | null;
}

interface EngagementRow extends NeedNoticeRow {
  id: string;
  status: string;
  starts_at: Date;
  helper_user_id: string;
  helper_name: string | null;
}

/** Loads what the notices say; `lock` takes a share lock so a concurrent change waits for us. */
export async function loadEngagementNotice(
  manager: EntityManager,
  engagementId: string,
  lock = false,
): Promise<EngagementNotice | undefined> {
  const [row]: EngagementRow[] = await manager.query(
    `SELECT e.id, e.status, lower(e.during) AS starts_at, e.helper_user_id, v.display_name AS helper_name,
            ${NEED_NOTICE_COLUMNS}
       FROM engagements e
       JOIN needs n ON n.id = e.need_id
       ${NEED_NOTICE_JOINS}
       LEFT JOIN volunteer_profiles v ON v.id = e.volunteer_id
      WHERE e.id = $1 ${lock ? 'FOR SHARE OF e' : ''}`,
    [engagementId],
  );
  if (!row) return undefined;
  return noticeOf(
    {
      id: row.id,
      status: row.status,
      startsAt: row.starts_at,
      helperUserId: row.helper_user_id,
      helperName: row.helper_name ?? '',
    },
    row,
  );
}

/**
 * SQL for a caller's read statement before it creates an engagement for the need whose id is
 * `needId` (SQL): the need's side of the notice, as a JSON NeedNoticeRow (noticeOf).
 */
export function needNoticeSql(needId: string): string {
  return `(SELECT row_to_json(r) FROM (
      SELECT ${NEED_NOTICE_COLUMNS} FROM needs n ${NEED_NOTICE_JOINS} WHERE n.id = ${needId}) r)`;
}

/**
 * The notice of an engagement, from the engagement's facts (helperName: the volunteer's name,
 * empty for an organisation) and the need's side (loadEngagementNotice, or needNoticeSql read by
 * the caller that is creating the engagement).
 */
export function noticeOf(
  engagement: Pick<EngagementNotice, 'id' | 'status' | 'startsAt' | 'helperUserId' | 'helperName'>,
  need: NeedNoticeRow,
): EngagementNotice {
  const citizens = new Set<string>();
  if (need.author_user_id) citizens.add(need.author_user_id);
  if (need.beneficiary_user_id) citizens.add(need.beneficiary_user_id);
  const ride = need.ride;
  return {
    ...engagement,
    citizenUserIds: [...citizens],
    citizenName: need.citizen_name ?? '',
    summary: need.description,
    comuneName: need.comune_name,
    contact: deskContact({ comuneName: need.comune_name, phone: need.desk_phone, hours: need.desk_hours }),
    place: ride?.pickupPlace ?? need.comune_name,
    dropOffPlace: ride ? ((ride.returnTripWanted ? ride.pickupPlace : ride.destinationPlace) ?? null) : null,
    isRide: !!ride,
    appointmentAt: ride?.appointmentAt ? new Date(ride.appointmentAt) : null,
  };
}

/**
 * The delayed reminder jobs of a confirmed engagement, written in the transaction that confirmed
 * (or rescheduled) it: the relay turns each outbox row into a BullMQ job delayed until its time,
 * kept by Redis (or PostgreSQL) across restarts. A reminder whose time has passed is skipped.
 */
export async function scheduleReminders(
  manager: EntityManager,
  engagement: EngagementNotice,
): Promise<number> {
  const jobs = reminderJobs(engagement);
  // All of them in one INSERT.
  await writeOutbox(manager, jobs);
  return jobs.length;
}

/** scheduleReminders' jobs, for a caller that writes them with its own statement (writeOutboxIn). */
export function reminderJobs(engagement: EngagementNotice): OutboxMessage[] {
  const now = Date.now();
  return (Object.keys(REMINDER_OFFSETS_MS) as ReminderKind[])
    .map((kind) => ({ kind, at: new Date(engagement.startsAt.getTime() - REMINDER_OFFSETS_MS[kind]) }))
    .filter((reminder) => reminder.at.getTime() > now)
    .map((reminder) =>
      outboxJob(
        JOBS.engagementReminder,
        { engagementId: engagement.id, kind: reminder.kind, startsAt: engagement.startsAt.toISOString() },
        reminder.at,
      ),
    );
}

/** When an engagement is: a ride's pickup and appointment, named; otherwise its start. */
export function engagementWhen(engagement: EngagementNotice): NotificationParams[string] {
  return engagement.appointmentAt
    ? rideWhen(engagement.startsAt, engagement.appointmentAt)
    : romeDayTime(engagement.startsAt);
}

/** engagementWhen without the day (reminders say "tomorrow" or "in one hour"). */
export function engagementTime(engagement: EngagementNotice): NotificationParams[string] {
  return engagement.appointmentAt
    ? rideTime(engagement.startsAt, engagement.appointmentAt)
    : startTime(engagement.startsAt);
}
