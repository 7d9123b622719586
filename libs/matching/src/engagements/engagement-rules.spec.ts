import fc from 'fast-check';
import {
  canEngagementTransition,
  earliestStart,
  EngagementStatus,
  engagementSlot,
  maxLoggedHours,
} from './engagement-rules';

const t = (minutes: number) => new Date(Date.UTC(2026, 0, 10, 8, 0) + minutes * 60_000);

describe('engagement rules', () => {
  it('a ride occupies the driver from the buffer before the appointment to the buffer after the return', () => {
    const slot = engagementSlot({
      windowStart: t(0),
      windowEnd: t(480),
      ride: { appointmentAt: t(120), returnAt: t(240) },
      rideBufferMinutes: 30,
    });
    expect(slot).toEqual({ start: t(90), end: t(270) });
  });

  it('a one-way ride ends one buffer after the appointment; other needs take their whole window', () => {
    expect(
      engagementSlot({
        windowStart: t(0),
        windowEnd: t(480),
        ride: { appointmentAt: t(120), returnAt: null },
        rideBufferMinutes: 20,
      }),
    ).toEqual({ start: t(100), end: t(140) });
    expect(
      engagementSlot({ windowStart: t(0), windowEnd: t(60), ride: null, rideBufferMinutes: 30 }),
    ).toEqual({
      start: t(0),
      end: t(60),
    });
  });

  it('property: the slot is never empty and always contains the appointment', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.option(fc.nat(600)), fc.nat(240), (appointment, back, buffer) => {
        const ride = {
          appointmentAt: t(appointment),
          returnAt: back === null ? null : t(appointment + back),
        };
        const slot = engagementSlot({
          windowStart: t(0),
          windowEnd: t(2000),
          ride,
          rideBufferMinutes: buffer,
        });
        expect(slot.end.getTime()).toBeGreaterThan(slot.start.getTime());
        expect(slot.start.getTime()).toBeLessThanOrEqual(ride.appointmentAt.getTime());
        expect(slot.end.getTime()).toBeGreaterThan(ride.appointmentAt.getTime());
      }),
    );
  });

  it('the lifecycle goes confirmed → in progress → completed; terminal statuses have no way out', () => {
    expect(canEngagementTransition(EngagementStatus.CONFIRMED, EngagementStatus.IN_PROGRESS)).toBe(true);
    expect(canEngagementTransition(EngagementStatus.IN_PROGRESS, EngagementStatus.COMPLETED)).toBe(true);
    expect(canEngagementTransition(EngagementStatus.CONFIRMED, EngagementStatus.COMPLETED)).toBe(false);
    expect(canEngagementTransition(EngagementStatus.IN_PROGRESS, EngagementStatus.NO_SHOW)).toBe(false);
    for (const status of [EngagementStatus.COMPLETED, EngagementStatus.CANCELLED, EngagementStatus.NO_SHOW]) {
      for (const to of Object.values(EngagementStatus))
        expect(canEngagementTransition(status, to)).toBe(false);
    }
  });

  it('an engagement awaiting confirmation is confirmed or cancelled, never started before', () => {
    const waiting = EngagementStatus.AWAITING_CONFIRMATION;
    expect(canEngagementTransition(waiting, EngagementStatus.CONFIRMED)).toBe(true);
    expect(canEngagementTransition(waiting, EngagementStatus.CANCELLED)).toBe(true);
    expect(canEngagementTransition(waiting, EngagementStatus.IN_PROGRESS)).toBe(false);
    expect(canEngagementTransition(waiting, EngagementStatus.NO_SHOW)).toBe(false);
    expect(canEngagementTransition(EngagementStatus.CONFIRMED, waiting)).toBe(false);
  });

  it('may start from the lead before its slot, not earlier', () => {
    expect(earliestStart(t(120), 120)).toEqual(t(0));
    expect(earliestStart(t(120), 0)).toEqual(t(120));
  });

  it('logs at most the slot and the margin, in quarter hours, within a day', () => {
    expect(maxLoggedHours({ start: t(0), end: t(210) }, 60)).toBe(4.5);
    expect(maxLoggedHours({ start: t(0), end: t(50) }, 0)).toBe(0.75);
    expect(maxLoggedHours({ start: t(0), end: t(5) }, 0)).toBe(0.25);
    expect(maxLoggedHours({ start: t(0), end: t(3 * 24 * 60) }, 60)).toBe(24);
  });
});
