/** The queues, in one place. */
export const QUEUE_NAMES = [
  'notifications',
  'io',
  'matching',
  'reputation',
  'maintenance',
  'privacy',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** A job of the map: its queue, its name and (as a type only) its payload. */
export interface JobSpec<Q extends QueueName = QueueName, N extends string = string, P = unknown> {
  readonly queue: Q;
  readonly name: N;
  /** Never set at run time: it carries the payload type. */
  readonly payload?: P;
}

/** The payload type of a job (a type marker: the value is never read). */
interface PayloadType<P> {
  readonly type?: P;
}
const payload = <P>(): PayloadType<P> => ({});
const job = <Q extends QueueName, N extends string, P>(
  queue: Q,
  name: N,
  _payload: PayloadType<P>,
): JobSpec<Q, N, P> => ({ queue, name });

type Empty = Record<string, never>;

/**
 * Every job, declared once: its queue, its name (the only place the name is spelled) and its
 * payload. Producers write them with writeOutbox(outboxJob(JOBS.x, payload)); processors handle
 * them with @OnJob(JOBS.x). Payloads carry ids only: never personal or health data, never secrets.
 */
export const JOBS = {
  deliverNotification: job('notifications', 'deliver', payload<{ notificationId: string }>()),
  /** A reminder before an engagement; startsAt is the start it was scheduled for (a time, not personal). */
  engagementReminder: job(
    'notifications',
    'reminder',
    payload<{ engagementId: string; kind: 'day_before' | 'hour_before'; startsAt: string }>(),
  ),
  /** A targeted call to action was published: tell the volunteers who fit it (within the caps). */
  notifyCallVolunteers: job('notifications', 'notify-call-volunteers', payload<{ callId: string }>()),
  /** App IO: its own queue, so that BullMQ's limiter holds IO's rate limit without slowing SMS. */
  deliverIoMessage: job('io', 'deliver', payload<{ notificationId: string }>()),
  /** Reads an accepted IO message's delivery status from IO. */
  ioMessageStatus: job('io', 'status', payload<{ notificationId: string }>()),

  matchNeed: job('matching', 'match-need', payload<{ needId: string }>()),
  expireProposal: job('matching', 'expire-proposal', payload<{ proposalId: string }>()),
  /** A volunteer's availability, profile or own offer changed: look again at open needs nearby. */
  matchNearVolunteer: job('matching', 'match-near-volunteer', payload<{ volunteerId: string }>()),
  /** An organisation's service offer changed: look again at open needs in its area. */
  matchNearServiceOffer: job('matching', 'match-near-service-offer', payload<{ serviceOfferId: string }>()),
  /** Repeatable: open needs with no pending proposal are matched again. */
  sweepUnmatched: job('matching', 'sweep-unmatched', payload<Empty>()),
  /** A shared-care need opened: look for neighbours to share a carer with. */
  formCareGroups: job('matching', 'form-care-groups', payload<{ needId: string }>()),
  /** A shared-care need closed (cancelled, expired, rejected): its household leaves its group. */
  leaveCareGroupOnNeedClosed: job(
    'matching',
    'leave-care-group-on-need-closed',
    payload<{ needId: string }>(),
  ),
  /** An operator (or the schedule) asked for an optimal assignment of a territory's open needs. */
  assignBatch: job('matching', 'assign-batch', payload<{ runId: string }>()),
  /** Repeatable: starts the scheduled batch runs of the territories that opted in. */
  scheduleBatchAssignments: job('matching', 'schedule-batch-assignments', payload<Empty>()),

  updateReviewAggregates: job('reputation', 'update-aggregates', payload<{ reviewId: string }>()),
  remindReview: job('reputation', 'remind-review', payload<{ engagementId: string }>()),

  /** Retention: expired exports, sensitive notes of closed needs, old codes, sessions, notifications. */
  purge: job('maintenance', 'purge', payload<Empty>()),
  expireNeeds: job('maintenance', 'expire-needs', payload<Empty>()),
  /**
   * Recompute indicator snapshots: one ambito's, or (null or none: the schedule) every ambito's and the platform's.
   * requestedAt (database time of an on-demand request) lets a snapshot computed since stand in.
   */
  refreshIndicatorSnapshots: job(
    'maintenance',
    'refresh-indicator-snapshots',
    payload<{ territoryId?: string | null; requestedAt?: string }>(),
  ),
  /** Repeatable: outbox work whose job the queue no longer holds is enqueued again. */
  reconcileOutbox: job('maintenance', 'reconcile-outbox', payload<Empty>()),

  buildExport: job('privacy', 'build-export', payload<{ exportId: string }>()),
} as const;

export type AnyJob = (typeof JOBS)[keyof typeof JOBS];
export type PayloadOf<J> = J extends JobSpec<QueueName, string, infer P> ? P : never;
/** The jobs that can run with no payload: the only ones a scheduler may register. */
export type RepeatableJob = {
  [K in keyof typeof JOBS]: Empty extends PayloadOf<(typeof JOBS)[K]> ? (typeof JOBS)[K] : never;
}[keyof typeof JOBS];
