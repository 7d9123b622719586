import { MessageParams, registerMessages, romeDay, romeTime } from '@prossimo/platform/rules';

/**
 * A message variable rendered in the recipient's language when the message is queued (the
 * caller does not know the language; notifyUser and notifyFamily do).
 */
export interface LocalisedText {
  key: string;
  params?: MessageParams;
}

export type NotificationParams = Record<string, string | number | LocalisedText>;

// A ride has two times, the pickup (when the helper comes) and the appointment (when the person
// must be there): every message names which is which, so that the person, the family contact and
// the helper read the same times. GSM-7 only (SMS).
registerMessages({
  'notification.when.ride': {
    it: '{day}: ritiro {pickup}, appuntamento {appointment}',
    en: '{day}: pickup {pickup}, appointment {appointment}',
  },
  'notification.time.start': { it: 'alle {time}', en: 'at {time}' },
  'notification.time.ride': {
    it: 'ritiro {pickup}, appuntamento {appointment}',
    en: 'pickup {pickup}, appointment {appointment}',
  },
});

/** "24/12: pickup 11:45, appointment 12:15": the day with both times of a ride. */
export function rideWhen(pickupAt: Date, appointmentAt: Date): LocalisedText {
  return {
    key: 'notification.when.ride',
    params: {
      day: romeDay(pickupAt),
      pickup: romeTime(pickupAt),
      appointment: romeTime(appointmentAt),
    },
  };
}

/** "at 10:30": a start time on a known day (reminders), beside rideTime. */
export function startTime(at: Date): LocalisedText {
  return { key: 'notification.time.start', params: { time: romeTime(at) } };
}

/** "pickup 11:45, appointment 12:15": both times of a ride on a known day (reminders). */
export function rideTime(pickupAt: Date, appointmentAt: Date): LocalisedText {
  return {
    key: 'notification.time.ride',
    params: { pickup: romeTime(pickupAt), appointment: romeTime(appointmentAt) },
  };
}

export function isLocalisedText(value: unknown): value is LocalisedText {
  return typeof value === 'object' && value !== null && typeof (value as LocalisedText).key === 'string';
}
