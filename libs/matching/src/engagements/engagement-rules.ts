// Pure rules of engagements: the time a helper is busy for a need, and which status may follow which.

export enum EngagementStatus {
  /** The helper accepted; the territory wants the citizen (or an operator) to confirm first. */
  AWAITING_CONFIRMATION = 'awaiting_confirmation',
  CONFIRMED = 'confirmed',
  IN_PROGRESS = 'in_progress',
  COMPLETED = 'completed',
  CANCELLED = 'cancelled',
  NO_SHOW = 'no_show',
}

export const ENGAGEMENT_TRANSITIONS: Record<EngagementStatus, readonly EngagementStatus[]> = {
  // Declined by the citizen (or the helper withdraws) before confirmation: cancelled.
  [EngagementStatus.AWAITING_CONFIRMATION]: [EngagementStatus.CONFIRMED, EngagementStatus.CANCELLED],
  [EngagementStatus.CONFIRMED]: [
    EngagementStatus.IN_PROGRESS,
    EngagementStatus.CANCELLED,
    EngagementStatus.NO_SHOW,
  ],
  [EngagementStatus.IN_PROGRESS]: [EngagementStatus.COMPLETED, EngagementStatus.CANCELLED],
  [EngagementStatus.COMPLETED]: [],
  [EngagementStatus.CANCELLED]: [],
  [EngagementStatus.NO_SHOW]: [],
};

/** Statuses that hold the helper's time (the database's exclusion constraint uses the same list). */
export const LIVE_ENGAGEMENT_STATUSES: readonly EngagementStatus[] = [
  EngagementStatus.AWAITING_CONFIRMATION,
  EngagementStatus.CONFIRMED,
  EngagementStatus.IN_PROGRESS,
];

export function canEngagementTransition(from: EngagementStatus, to: EngagementStatus): boolean {
  return ENGAGEMENT_TRANSITIONS[from].includes(to);
}

export interface RideTimes {
  appointmentAt: Date;
  returnAt: Date | null;
}

export interface SlotInput {
  windowStart: Date;
  windowEnd: Date;
  ride: RideTimes | null;
  rideBufferMinutes: number;
}

/** When the helper picks the person up: the buffer before the appointment, for the drive. */
export function ridePickupAt(appointmentAt: Date, rideBufferMinutes: number): Date {
  return new Date(appointmentAt.getTime() - rideBufferMinutes * 60_000);
}

/**
 * When the helper is busy. A ride occupies the driver from the buffer before the appointment
 * (pickup and drive) to the buffer after the return (or after the appointment when there is no
 * return), not the whole window the citizen gave: so a driver can take several rides a day as
 * long as they do not overlap. Any other need takes its whole window.
 */
export function engagementSlot(input: SlotInput): { start: Date; end: Date } {
  if (!input.ride) return { start: input.windowStart, end: input.windowEnd };
  const buffer = input.rideBufferMinutes * 60_000;
  const last = input.ride.returnAt ?? input.ride.appointmentAt;
  return {
    start: ridePickupAt(input.ride.appointmentAt, input.rideBufferMinutes),
    end: new Date(Math.max(last.getTime() + buffer, input.ride.appointmentAt.getTime() + 60_000)),
  };
}

/** The earliest a helper may start: `leadMinutes` before the slot, not days before it happens. */
export function earliestStart(slotStart: Date, leadMinutes: number): Date {
  return new Date(slotStart.getTime() - leadMinutes * 60_000);
}

/**
 * The most hours a helper may log: the slot's length plus a margin (a ride that ran late), in
 * quarter hours, never more than a day. What counts in the Comune's indicators stays believable.
 */
export function maxLoggedHours(slot: { start: Date; end: Date }, marginMinutes: number): number {
  const minutes = (slot.end.getTime() - slot.start.getTime()) / 60_000 + marginMinutes;
  return Math.min(24, Math.max(0.25, Math.floor(minutes / 15) / 4));
}
