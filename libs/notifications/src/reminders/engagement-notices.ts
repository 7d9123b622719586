// What notifications an engagement's changes cause: reminders before it starts (delayed jobs
// through the outbox, checked again when they fire) and pickup/drop-off news for the family.
// Engagements belong to libs/matching, which depends on notifications: matching reads them and
// gives notifications their notices through the ENGAGEMENT_NOTICES port below.
import { JOBS, OutboxMessage, outboxJob, romeDayTime, writeOutbox } from '@prossimo/platform';
import { EntityManager } from 'typeorm';
import { deskContact } from '../templates/desk-contact';
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

/** Reads an engagement's notice; `lock` takes a share lock so that a concurrent change waits. */
export interface EngagementNoticeSource {
  load(manager: EntityManager, engagementId: string, lock?: boolean): Promise<EngagementNotice | undefined>;
}

/**
 * Injection token of the EngagementNoticeSource: matching, which owns the engagements, provides it
 * from a global module that each app's root module imports (as identity's OTP_SENDER).
 */
export const ENGAGEMENT_NOTICES = Symbol('ENGAGEMENT_NOTICES');

/**
 * The notice of an engagement, from the engagement's facts (helperName: the volunteer's name,
 * empty for an organisation) and the need's side, as matching reads them.
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
