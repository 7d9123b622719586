import { useSyncExternalStore } from 'react';
import { it } from './it';

/**
 * A small i18n of our own (the landing's JS budget has no room for i18next): nested keys
 * ("signIn.title"), {{name}} interpolation, plurals by `count` with "_one"/"_other" keys
 * (Intl.PluralRules). The API is react-i18next's subset that we use: useTranslation() -> { t, i18n }.
 * Italian is in the main bundle; English loads when chosen (loadLanguage, before the first render).
 */
export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
type Tree = { [key: string]: string | Tree };

// The app's messages by language (English loaded on demand), and the lazy areas' namespaces apart,
// so that registering a namespace never passes for English being loaded.
const RESOURCES: Partial<Record<Language, Tree>> = { it };
const NAMESPACES: Record<Language, Tree> = { it: {}, en: {} };
const STORAGE_KEY = 'prossimo.language';
const listeners = new Set<() => void>();

function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'it';
  } catch {
    return 'it';
  }
}

let language: Language = storedLanguage();

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export type TranslateOptions = Record<string, unknown> & { count?: number };

/** The message for key in the current language (Italian when English lacks it; the key when both do). */
export function translate(key: string, options: TranslateOptions = {}, lng: Language = language): string {
  const find = (name: string) => lookup(RESOURCES[lng] ?? it, name) ?? lookup(NAMESPACES[lng], name);
  let template: string | undefined;
  if (typeof options.count === 'number') {
    const form = new Intl.PluralRules(lng).select(options.count);
    template = find(`${key}_${form}`) ?? find(`${key}_other`);
  }
  template ??= find(key) ?? lookup(it, key) ?? lookup(NAMESPACES.it, key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
    options[name] === undefined ? '' : String(options[name]),
  );
}

/**
 * Lazy areas (the staff console) bring their own messages under a namespace when their chunk loads,
 * so that the landing's bundle does not carry them.
 */
export function registerMessages(namespace: string, messages: Record<Language, Tree>): void {
  for (const lng of LANGUAGES) NAMESPACES[lng] = { ...NAMESPACES[lng], [namespace]: messages[lng] };
  for (const listener of listeners) listener();
}

export function exists(key: string): boolean {
  return (lookup(RESOURCES[language] ?? it, key) ?? lookup(NAMESPACES[language], key)) !== undefined;
}

/** Loads a language's messages (English is its own chunk). */
export async function loadLanguage(lng: Language): Promise<void> {
  if (!RESOURCES[lng]) RESOURCES[lng] = (await import('./en')).en as Tree;
}

export function currentLanguage(): Language {
  return language;
}

export async function changeLanguage(next: Language): Promise<void> {
  await loadLanguage(next);
  language = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
  for (const listener of listeners) listener();
}

if (typeof document !== 'undefined') document.documentElement.lang = language;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const i18n = {
  get language(): Language {
    return language;
  },
  changeLanguage,
  exists,
};

/** Re-renders the component when the language changes. */
export function useTranslation() {
  const lng = useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
  const t = (key: string, options?: TranslateOptions) => translate(key, options, lng);
  return { t, i18n, language: lng };
}
