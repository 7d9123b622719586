/** Every queue and the jobs it carries, in one place. Payloads carry ids only: never personal data. */
export interface JobPayloads {
  notifications: {
    deliver: { notificationId: string };
    /** A reminder before an engagement; startsAt is the start it was scheduled for (a time, not personal). */
    reminder: { engagementId: string; kind: 'day_before' | 'hour_before'; startsAt: string };
    /** A targeted call to action was published: tell the volunteers who fit it (within the caps). */
    'notify-call-volunteers': { callId: string };
  };
  /** App IO: its own queue, so that BullMQ's limiter holds IO's rate limit without slowing SMS. */
  io: {
    deliver: { notificationId: string };
    /** Reads an accepted message's delivery status from IO. */
    status: { notificationId: string };
  };
  matching: {
    'match-need': { needId: string };
    'expire-proposal': { proposalId: string };
    /** A volunteer's availability, profile or own offer changed: look again at open needs nearby. */
    'match-near-volunteer': { volunteerId: string };
    /** An organisation's service offer changed: look again at open needs in its area. */
    'match-near-service-offer': { serviceOfferId: string };
    /** Repeatable: open needs with no pending proposal are matched again. */
    'sweep-unmatched': Record<string, never>;
    /** A shared-care need opened: look for neighbours to share a carer with. */
    'form-care-groups': { needId: string };
    /** A shared-care need closed (cancelled, expired, rejected): its household leaves its group. */
    'leave-care-group-on-need-closed': { needId: string };
    /** An operator asked for an optimal assignment of a territory's open needs. */
    'assign-batch': { runId: string };
  };
  reputation: {
    'update-aggregates': { reviewId: string };
    'remind-review': { engagementId: string };
  };
  maintenance: {
    /** Retention: expired exports, sensitive notes of closed needs, old codes, sessions, notifications. */
    purge: Record<string, never>;
    'expire-needs': Record<string, never>;
    /**
     * Recompute indicator snapshots: one ambito's, or (null) every ambito's and the platform's.
     * requestedAt (database time of an on-demand request) lets a snapshot computed since stand in.
     */
    'refresh-indicator-snapshots': { territoryId: string | null; requestedAt?: string };
    /** Repeatable: outbox work whose job the queue no longer holds is enqueued again. */
    'reconcile-outbox': Record<string, never>;
  };
  privacy: {
    'build-export': { exportId: string };
  };
}

export type QueueName = keyof JobPayloads;
export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = JobPayloads[Q][N];

export const QUEUE_NAMES: readonly QueueName[] = [
  'notifications',
  'io',
  'matching',
  'reputation',
  'maintenance',
  'privacy',
];
