import { MessageParams, registerMessages } from '@prossimo/platform/rules';

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
      day: ROME_DAY.format(pickupAt),
      pickup: ROME_TIME.format(pickupAt),
      appointment: ROME_TIME.format(appointmentAt),
    },
  };
}

/** "at 10:30": a start time on a known day (reminders), beside rideTime. */
export function startTime(at: Date): LocalisedText {
  return { key: 'notification.time.start', params: { time: ROME_TIME.format(at) } };
}

/** "pickup 11:45, appointment 12:15": both times of a ride on a known day (reminders). */
export function rideTime(pickupAt: Date, appointmentAt: Date): LocalisedText {
  return {
    key: 'notification.time.ride',
    params: { pickup: ROME_TIME.format(pickupAt), appointment: ROME_TIME.format(appointmentAt) },
  };
}

export function isLocalisedText(value: unknown): value is LocalisedText {
  return typeof value === 'object' && value !== null && typeof (value as LocalisedText).key === 'string';
}

// Built once: an Intl.DateTimeFormat costs far more to build than to use.
const ROME_DAY = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  day: '2-digit',
  month: '2-digit',
});
const ROME_TIME = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
