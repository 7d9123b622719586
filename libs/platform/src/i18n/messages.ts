import { DEFAULT_LANGUAGE, Language } from './language';

export type MessageParams = Record<string, string | number>;
export type MessageCatalog = Record<string, Record<Language, string>>;

const catalog: MessageCatalog = {};

/** Each library registers the messages of its error codes and templates once, at import time. */
export function registerMessages(messages: MessageCatalog): void {
  for (const [key, translations] of Object.entries(messages)) {
    if (catalog[key] && catalog[key].it !== translations.it) {
      throw new Error(`Message key registered twice with different text: ${key}`);
    }
    catalog[key] = translations;
  }
}

export function hasMessage(key: string): boolean {
  return key in catalog;
}

/** Renders a message with {placeholders}; unknown keys fall back to the key itself. */
export function renderMessage(
  key: string,
  language: Language = DEFAULT_LANGUAGE,
  params: MessageParams = {},
): string {
  const translations = catalog[key];
  const template = translations ? (translations[language] ?? translations[DEFAULT_LANGUAGE]) : key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}
