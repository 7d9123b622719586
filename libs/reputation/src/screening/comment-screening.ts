// Screening of review comments and replies before they go public. A comment that insults or
// exposes personal data (a phone number, an e-mail address, health details: special-category
// data under GDPR art. 9) is held for a moderator, whatever the territory's moderation mode.
// Screening only holds: a moderator decides, so a false positive costs a delay, never a loss.

import { Profanity } from '@2toad/profanity';

export type HeldReason = 'insult' | 'phone' | 'email' | 'health';

// The Italian and English word lists of @2toad/profanity, without words that are ordinary
// Italian in a review of help received (e.g. "battere" a key, "pesce", "regina", "tirare").
const NOT_INSULTS_IN_CONTEXT = [
  'anale',
  'bagnarsi',
  'balle',
  'battere',
  'biga',
  'cadavere',
  'cozza',
  'fava',
  'mannaggia',
  'monta',
  'montare',
  'nave scuola',
  'patacca',
  'pesce',
  'pipì',
  'pisello',
  'pompa',
  'porca miseria',
  'quaglia',
  'regina',
  'sbattere',
  'sbattersi',
  'sega',
  'spagnola',
  'tirare',
  'vacca',
  'vangare',
];

// Insults aimed at a person that the vulgarity lists do not carry.
const PERSONAL_INSULTS = [
  'idiota',
  'idioti',
  'stupido',
  'stupida',
  'cretino',
  'cretina',
  'deficiente',
  'deficienti',
  'scemo',
  'scema',
  'imbecilli',
  'ladro',
  'ladra',
  'truffatore',
  'truffatrice',
  'bastardo',
  'bastarda',
  'schifoso',
  'schifosa',
  'ritardato',
  'ritardata',
  'incompetente',
  'buono a nulla',
  'delinquente',
];

const profanity = new Profanity({ languages: ['it', 'en'], wholeWord: true, unicodeWordBoundaries: true });
profanity.removeWords(NOT_INSULTS_IN_CONTEXT);
profanity.addWords(PERSONAL_INSULTS);

const EMAIL =
  /[\p{L}\p{N}._%+-]+\s*(?:@|\(at\)|\[at\]|\schiocciola\s)\s*[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/iu;

// Italian numbers (mobiles start with 3, landlines with 0; 6 to 11 digits) with an optional
// +39/0039 prefix and single spaces, dots or dashes between digits; or any +international number.
// Dates ("12.05.2024") and prices do not start with 0/3 and nine digits, so they pass.
const ITALIAN_PHONE = /(?<![\p{N}])(?:(?:\+|00)\s?39[\s.-]?)?[03](?:[\s.-]?\p{N}){8,10}(?![\p{N}])/u;
const INTERNATIONAL_PHONE = /(?<![\p{N}\p{L}])\+\s?\p{N}(?:[\s.-]?\p{N}){7,14}(?![\p{N}])/u;

// Stems of conditions, treatments and other health details (Italian and English). Places such
// as "ospedale" or "visita" are not health details by themselves: rides go there every day.
const HEALTH_STEMS = [
  'tumor',
  'cancr',
  'cancer',
  'oncolog',
  'chemio',
  'chemo',
  'radioterap',
  'dialisi',
  'dialys',
  'diabet',
  'alzheimer',
  'demenz',
  'dementia',
  'parkinson',
  'ictus',
  'infart',
  'hiv',
  'aids',
  'sieropositiv',
  'epatit',
  'hepatitis',
  'depress',
  'schizofren',
  'schizophren',
  'bipolar',
  'psichiatr',
  'psychiatr',
  'psicofarmac',
  'antidepress',
  'sclerosi',
  'sclerosis',
  'cardiopat',
  'insulin',
  'pacemaker',
  'incontinen',
  'catetere',
  'catheter',
  'stomia',
  'autism',
  'autistic',
  'epiless',
  'epilep',
  'gravidanz',
  'incinta',
  'pregnan',
  'aborto',
  'abortion',
  'tossicodipend',
  'alcolism',
  'alcolist',
  'alcoholi',
  'cirrosi',
  'leucemi',
  'leukaem',
  'leukem',
  'metastas',
  'disabilit',
  'disabled',
  'invalidit',
  'handicap',
  'malattia',
  'disease',
  'diagnos',
];
const HEALTH = new RegExp(`(?<![\\p{L}])(?:${HEALTH_STEMS.join('|')})\\p{L}*`, 'iu');

/** Why a text must be held for a moderator; empty when it may follow the territory's mode. */
export function screenComment(text: string): HeldReason[] {
  const normalized = text.normalize('NFC');
  const reasons: HeldReason[] = [];
  if (profanity.exists(normalized)) reasons.push('insult');
  if (ITALIAN_PHONE.test(normalized) || INTERNATIONAL_PHONE.test(normalized)) reasons.push('phone');
  if (EMAIL.test(normalized)) reasons.push('email');
  if (HEALTH.test(normalized)) reasons.push('health');
  return reasons;
}
