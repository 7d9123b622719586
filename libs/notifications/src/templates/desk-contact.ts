import { registerMessages } from '@prossimo/platform';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { LocalisedText } from './ride-times';

// Who to call to change or cancel: the territory's desk with its number (and hours), or the
// Comune when the territory has not given one. The templates read "Per cambiare {contact}.".
registerMessages({
  'notification.contact.desk_hours': {
    it: 'chiama lo sportello al {phone} ({hours})',
    en: 'call the desk on {phone} ({hours})',
  },
  'notification.contact.desk': { it: 'chiama lo sportello al {phone}', en: 'call the desk on {phone}' },
  'notification.contact.comune': {
    it: 'rivolgiti al Comune di {comune}',
    en: 'contact the Comune of {comune}',
  },
});

export interface Desk {
  comuneName: string;
  /** E.164, or null when the territory has not set it. */
  phone: string | null;
  hours: string | null;
}

/** The contact phrase of a desk: its number as people dial it in Italy ("0173 316000"). */
export function deskContact(desk: Desk): LocalisedText {
  if (!desk.phone) return { key: 'notification.contact.comune', params: { comune: desk.comuneName } };
  const phone = parsePhoneNumberFromString(desk.phone)?.formatNational() ?? desk.phone;
  return desk.hours
    ? { key: 'notification.contact.desk_hours', params: { phone, hours: desk.hours } }
    : { key: 'notification.contact.desk', params: { phone } };
}
