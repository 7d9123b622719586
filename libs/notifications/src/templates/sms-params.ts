import { MessageParams } from '@prossimo/platform/rules';
import { GSM7_BASIC_TABLE, GSM7_EXTENSION_CHARACTERS } from '../sms/sms-segments';

/**
 * The longest value each SMS variable may take. Together with GSM-7 only templates this is what
 * keeps every SMS within two segments (the unit test renders each template at these lengths).
 */
export const SMS_PARAM_MAX_LENGTHS: Record<string, number> = {
  code: 8,
  minutes: 3,
  summary: 40,
  status: 12,
  reason: 80,
  citizen: 30,
  helper: 30,
  person: 30,
  who: 30,
  // A ride's day with its pickup and appointment times (ride-times.ts).
  when: 40,
  time: 36,
  place: 40,
  // The desk's phrase (desk-contact.ts): "chiama lo sportello al 0173 316000 (lun-ven 9-12)".
  contact: 70,
  link: 30,
  comune: 30,
  hours: 3,
  organisation: 40,
  decision: 12,
  price: 12,
  saving: 12,
  households: 2,
  role: 16,
  days: 2,
  // A relayed message: the words themselves (messages are at most 280 characters).
  text: 280,
};
const DEFAULT_MAX_LENGTH = 30;

const GSM = new Set([...GSM7_BASIC_TABLE, ...GSM7_EXTENSION_CHARACTERS]);

/**
 * Maps a value onto the GSM-7 alphabet: one foreign letter in a name would switch the whole
 * message to UCS-2 and more than double its cost. Accents the alphabet lacks are dropped
 * ("ć" → "c"), typographic quotes become plain ones, anything else becomes "?".
 */
export function toGsm7(text: string): string {
  const replacements: Record<string, string> = {
    '’': "'",
    '‘': "'",
    '“': '"',
    '”': '"',
    '–': '-',
    '…': '...',
  };
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (GSM.has(char)) out += char;
    else if (replacements[char]) out += replacements[char];
    else {
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += [...base].every((c) => GSM.has(c)) && base !== '' ? base : '?';
    }
  }
  return out;
}

/** Makes SMS variables safe to render: GSM-7 only, each cut to its maximum length. */
export function prepareSmsParams(params: MessageParams): MessageParams {
  const prepared: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    const max = SMS_PARAM_MAX_LENGTHS[name] ?? DEFAULT_MAX_LENGTH;
    const text = toGsm7(String(value));
    prepared[name] = text.length > max ? `${text.slice(0, max - 3)}...` : text;
  }
  return prepared;
}
