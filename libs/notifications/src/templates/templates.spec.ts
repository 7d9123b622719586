import { hasMessage, renderMessage, SUPPORTED_LANGUAGES } from '@prossimo/platform';
import { countSmsSegments } from '../sms/sms-segments';
import { prepareSmsParams, SMS_PARAM_MAX_LENGTHS, toGsm7 } from './sms-params';
import { NOTIFICATION_EVENTS } from './templates';

// Realistic long values (Italian names and places with accents), cut to each maximum by prepareSmsParams.
const WORST_CASE_SOURCE: Record<string, string> = {
  code: '48213977',
  minutes: '10',
  summary: 'Accompagnamento alla visita cardiologica all’ospedale San Lazzaro e ritorno a casa',
  status: 'pubblicato',
  reason:
    'Il testo contiene dati sanitari di un’altra persona e un numero di telefono privato: riscrivilo senza.',
  citizen: 'Maria Francesca Dell’Acqua Bianchi Ćosić',
  helper: 'Giovanni Battista Sant’Ambrogio Ferraris',
  person: 'Giuseppina Maddalena Cerruti Vignolo',
  who: 'Associazione Volontari Ambulanza Langhe Roero',
  when: 'giovedì 24/12: ritiro 11:45, appuntamento 12:15',
  time: 'ritiro alle 11:45, appuntamento alle 12:15',
  place: 'Ospedale Michele e Pietro Ferrero, Verduno, ingresso principale',
  contact: 'chiama lo sportello al 0173 316000 (lunedì-venerdì 8:30-12:30, giovedì 14-17)',
  link: 'https://prossimo.example.it/valuta/abc',
  comune: 'Castiglione Falletto d’Alba di Langa',
  hours: '168',
  organisation: 'Associazione di Volontariato «Mani Amiche» della Bassa Langa ODV',
  decision: 'respinta',
  price: '1.234,56 EUR',
  saving: '1.234,56 EUR',
  households: '12',
  role: 'amministratrice',
  days: '90',
  text: 'Buongiorno, sono la figlia della signora: arriviamo con dieci minuti di ritardo perché c’è traffico sulla statale. Ci aspetti al portone principale, quello con la rampa, e non si preoccupi per il parcheggio. Se cambia qualcosa le riscrivo qui. Grazie ancora per la disponibilità, a dopo! Buona giornata.',
};

/** A relayed message carries someone's own words (up to 280 characters): three segments at most. */
const SEGMENTS_ALLOWED: Record<string, number> = {
  engagement_message: 3,
  engagement_message_family: 3,
  call_message: 3,
};

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

describe('notification templates', () => {
  const rows: { key: string; language: string; encoding: string; units: number; segments: number }[] = [];

  afterAll(() => {
    // The encoding report the issue asks for, visible in the test output.
    process.stdout.write(
      'SMS templates at worst-case length:\n' +
        rows
          .map((r) => `  ${r.key} [${r.language}] ${r.encoding} ${r.units} units, ${r.segments} segment(s)`)
          .join('\n') +
        '\n',
    );
  });

  it('has an Italian and English SMS and in-app text for every event', () => {
    for (const event of NOTIFICATION_EVENTS) {
      expect(hasMessage(`notification.${event}.sms`)).toBe(true);
      expect(hasMessage(`notification.${event}.in_app`)).toBe(true);
    }
  });

  it('has an e-mail subject (one line) and body in Italian and English for every event', () => {
    for (const event of NOTIFICATION_EVENTS) {
      for (const language of SUPPORTED_LANGUAGES) {
        const subject = renderMessage(`notification.${event}.email_subject`, language, WORST_CASE_SOURCE);
        expect(subject).not.toMatch(/[\r\n{}]/);
        const body = renderMessage(`notification.${event}.email`, language, WORST_CASE_SOURCE);
        expect(body).toContain(renderMessage(`notification.${event}.in_app`, language, WORST_CASE_SOURCE));
        expect(body).not.toMatch(/[{}]/);
      }
    }
  });

  it.each(NOTIFICATION_EVENTS.map((event) => [event]))(
    'renders the %s SMS within 2 GSM-7 segments (3 for a relayed message) with worst-case variables',
    (event) => {
      for (const language of SUPPORTED_LANGUAGES) {
        const key = `notification.${event}.sms`;
        const raw = renderMessage(key, language, {});
        const names = placeholders(raw);
        expect(names.length).toBeGreaterThan(0);
        for (const name of names) {
          // Every variable has a declared maximum and a worst-case sample at least that long.
          expect(SMS_PARAM_MAX_LENGTHS[name]).toBeDefined();
          expect(WORST_CASE_SOURCE[name].length).toBeGreaterThanOrEqual(
            Math.min(SMS_PARAM_MAX_LENGTHS[name], name === 'minutes' || name === 'hours' ? 2 : 5),
          );
        }
        const params = Object.fromEntries(names.map((name) => [name, WORST_CASE_SOURCE[name]]));
        const text = renderMessage(key, language, prepareSmsParams(params));
        expect(text).not.toMatch(/\{\w+\}/);
        const count = countSmsSegments(text);
        rows.push({ key, language, ...count });
        expect(count.encoding).toBe('GSM-7');
        expect(count.segments).toBeLessThanOrEqual(SEGMENTS_ALLOWED[event] ?? 2);
      }
    },
  );

  it('maps foreign letters and typographic quotes onto GSM-7 so a name cannot force UCS-2', () => {
    expect(toGsm7('Ćosić’s “café” – Łódź')).toBe('Cosic\'s "café" - ?odz');
    expect(countSmsSegments(toGsm7('Zoë Škoda')).encoding).toBe('GSM-7');
    expect(toGsm7('è à ù ì ò é €')).toBe('è à ù ì ò é €');
  });

  it('cuts each SMS variable to its maximum length', () => {
    const prepared = prepareSmsParams({ summary: 'x'.repeat(100), unknown: 'y'.repeat(100) });
    expect(String(prepared.summary)).toHaveLength(SMS_PARAM_MAX_LENGTHS.summary);
    expect(String(prepared.summary).endsWith('...')).toBe(true);
    expect(String(prepared.unknown).length).toBeLessThanOrEqual(30);
  });
});
