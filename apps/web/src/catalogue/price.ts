import type { OfferPriceFragment } from '../gql/graphql';
import { formatEuro } from '../format';
import type { Language } from '../i18n';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The price band line of a result: free, a fixed price per hour or service, or a shared price's cheapest band. */
export function priceSummary(price: OfferPriceFragment, t: Translate, language: Language): string {
  if (price.model === 'FREE') return t('catalogue.free');
  if (price.model === 'SHARED') {
    const cheapest = Math.min(...(price.bands ?? []).map((band) => band.centsPerHourEach));
    return Number.isFinite(cheapest)
      ? t('catalogue.sharedFrom', { price: formatEuro(cheapest, language) })
      : '';
  }
  const amount = formatEuro(price.amountCents ?? 0, language);
  return price.unit === 'SERVICE'
    ? t('catalogue.perService', { price: amount })
    : t('catalogue.perHour', { price: amount });
}
