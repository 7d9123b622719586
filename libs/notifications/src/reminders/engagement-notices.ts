// What notifications an engagement's changes cause: reminders before it starts (delayed jobs
// through the outbox, checked again when they fire) and pickup/drop-off news for the family.
// Engagements belong to libs/matching; this reads them with SQL so that notifications does not
// depend on matching (matching depends on notifications).
import { JOBS, outboxJob, romeDayTime, writeOutbox } from '@prossimo/platform';
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

interface EngagementRow {
  id: string;
  status: string;
  starts_at: Date;
  helper_user_id: string;
  helper_name: string | null;
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

/** Loads what the notices say; `lock` takes a share lock so a concurrent change waits for us. */
export async function loadEngagementNotice(
  manager: EntityManager,
  engagementId: string,
  lock = false,
): Promise<EngagementNotice | undefined> {
  const [row]: EngagementRow[] = await manager.query(
    `SELECT e.id, e.status, lower(e.during) AS starts_at, e.helper_user_id, v.display_name AS helper_name,
            CASE WHEN n.source = 'citizen' THEN n.author_user_id END AS author_user_id,
            b.user_id AS beneficiary_user_id, coalesce(cu.display_name, '') AS citizen_name,
            n.description, c.name AS comune_name, n.details->'ride' AS ride, desk.desk_phone, desk.desk_hours
       FROM engagements e
       JOIN needs n ON n.id = e.need_id
       JOIN comuni c ON c.istat = n.comune_istat
       ${deskOfComuneSql('n.comune_istat')}
       LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
       LEFT JOIN volunteer_profiles v ON v.id = e.volunteer_id
       LEFT JOIN users cu ON cu.id = coalesce(b.user_id, n.author_user_id)
      WHERE e.id = $1 ${lock ? 'FOR SHARE OF e' : ''}`,
    [engagementId],
  );
  if (!row) return undefined;
  const citizens = new Set<string>();
  if (row.author_user_id) citizens.add(row.author_user_id);
  if (row.beneficiary_user_id) citizens.add(row.beneficiary_user_id);
  const ride = row.ride;
  return {
    id: row.id,
    status: row.status,
    startsAt: row.starts_at,
    helperUserId: row.helper_user_id,
    helperName: row.helper_name ?? '',
    citizenUserIds: [...citizens],
    citizenName: row.citizen_name ?? '',
    summary: row.description,
    comuneName: row.comune_name,
    contact: deskContact({ comuneName: row.comune_name, phone: row.desk_phone, hours: row.desk_hours }),
    place: ride?.pickupPlace ?? row.comune_name,
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
  const now = Date.now();
  const due = (Object.keys(REMINDER_OFFSETS_MS) as ReminderKind[])
    .map((kind) => ({ kind, at: new Date(engagement.startsAt.getTime() - REMINDER_OFFSETS_MS[kind]) }))
    .filter((reminder) => reminder.at.getTime() > now);
  // All of them in one INSERT.
  await writeOutbox(
    manager,
    due.map((reminder) =>
      outboxJob(
        JOBS.engagementReminder,
        { engagementId: engagement.id, kind: reminder.kind, startsAt: engagement.startsAt.toISOString() },
        reminder.at,
      ),
    ),
  );
  return due.length;
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
