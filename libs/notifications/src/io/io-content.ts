import { Language } from '@prossimo/platform/rules';

/** IO's MessageContent limits (Services API): a subject of 10-120 characters, markdown of 80-10000. */
export const IO_SUBJECT_MIN = 10;
export const IO_SUBJECT_MAX = 120;
export const IO_MARKDOWN_MIN = 80;
export const IO_MARKDOWN_MAX = 10000;

// Every IO message ends with who sent it and where to change channels: the body then always
// reaches IO's minimum, however short our template.
const FOOTER: Record<Language, string> = {
  it:
    '---\n\nMessaggio di **Prossimo**, il servizio di welfare di prossimità del tuo Comune. ' +
    'Per scegliere come ricevere le notizie apri Prossimo, *Preferenze di notifica*.',
  en:
    '---\n\nA message from **Prossimo**, the neighbourhood welfare service of your Comune. ' +
    'To choose how you hear from us, open Prossimo, *Notification preferences*.',
};

const SUBJECT_PREFIX = 'Prossimo: ';

/** Characters that Markdown would read as formatting, escaped in our plain template text. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|>~])/g, '\\$1');
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/**
 * An IO message (subject and markdown) from our e-mail template's subject and body, within IO's
 * length rules: a short subject gets the service's name before it, the body gets the footer.
 */
export function ioContent(
  subject: string,
  body: string,
  language: Language,
): { subject: string; markdown: string } {
  let title = subject.replace(/\s+/g, ' ').trim();
  if (Array.from(title).length < IO_SUBJECT_MIN) title = SUBJECT_PREFIX + title;
  title = truncate(title, IO_SUBJECT_MAX);
  const footer = FOOTER[language];
  const text = truncate(escapeMarkdown(body.trim()), IO_MARKDOWN_MAX - Array.from(footer).length - 2);
  return { subject: title, markdown: `${text}\n\n${footer}` };
}
