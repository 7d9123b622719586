import type { Language } from './i18n';

/** Prices and distances as Italians read them ("7,00 €", "3,2 km"); English keeps the same figures. */
export function formatEuro(cents: number, language: Language = 'it'): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-IE' : 'it-IT', {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100);
}

export function formatKm(km: number, language: Language = 'it'): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'it-IT', {
    maximumFractionDigits: km < 10 ? 1 : 0,
  }).format(km);
}

/** "7,50" or "7.50" or "7" euro -> cents; undefined when it is not an amount. */
export function parseEuroToCents(text: string): number | undefined {
  const normalised = text.trim().replace(/\s|€/g, '').replace(',', '.');
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(normalised)) return undefined;
  return Math.round(Number(normalised) * 100);
}
