import { NetworkStatus } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FIND_COMUNI, SEARCH_OFFERS } from '../catalogue/operations';
import { priceSummary } from '../catalogue/price';
import { formatKm, parseEuroToCents } from '../format';
import { ApiForm, Field, type FormError, Unreachable, useServerErrors } from '../forms';
import { Options } from '../forms/controls';
import type { ServiceCategory, ServiceOfferFilter, ServiceOfferOrder } from '../gql/graphql';
import { useTranslation } from '../i18n';
import { Page } from '../layout/Page';
import { appendPage } from '../layout/ShowMore';
import { HELP_CATEGORIES } from '../categories';

const PAGE_SIZE = 10;
const RADII = [5, 10, 25, 50, 100];
const ORDERS: ServiceOfferOrder[] = ['DISTANCE', 'RELEVANCE', 'RATING', 'NEWEST'];

interface Comune {
  istat: string;
  name: string;
  provinceCode: string;
  lat: number;
  lon: number;
}

/** The search as the URL keeps it (a search can be shared, and Back returns to it). */
function filterOf(params: URLSearchParams): { filter: ServiceOfferFilter; order?: ServiceOfferOrder } {
  const filter: ServiceOfferFilter = {};
  const lat = Number(params.get('lat'));
  const lon = Number(params.get('lon'));
  if (params.get('lat') && params.get('lon') && Number.isFinite(lat) && Number.isFinite(lon)) {
    filter.near = { lat, lon, radiusKm: Number(params.get('km') ?? 10) || 10 };
  }
  const category = params.get('cat');
  if (category && (HELP_CATEGORIES as string[]).includes(category))
    filter.category = category as ServiceCategory;
  const day = Number(params.get('giorno'));
  const time = params.get('ora');
  if (day >= 1 && day <= 7 && time && /^\d{2}:\d{2}$/.test(time))
    filter.timeOfWeek = { dayOfWeek: day, time };
  const price = params.get('prezzo');
  if (price === 'gratis') filter.freeOnly = true;
  else if (price && /^\d+$/.test(price)) filter.maxPriceCentsPerHour = Number(price);
  const text = params.get('testo')?.trim();
  if (text) filter.text = text;
  const order = params.get('ordine') as ServiceOfferOrder | null;
  const valid =
    order &&
    ORDERS.includes(order) &&
    (order !== 'DISTANCE' || filter.near) &&
    (order !== 'RELEVANCE' || filter.text);
  return { filter, order: valid ? order : undefined };
}

export default function Catalogue() {
  const { t, language } = useTranslation();
  const [params, setParams] = useSearchParams();
  const client = useApolloClient();
  const errors = useServerErrors();
  const [place, setPlace] = useState(params.get('luogo') ?? '');
  const [radius, setRadius] = useState(params.get('km') ?? '10');
  const [category, setCategory] = useState(params.get('cat') ?? '');
  const [day, setDay] = useState(params.get('giorno') ?? '');
  const [time, setTime] = useState(params.get('ora') ?? '');
  const [priceChoice, setPriceChoice] = useState(
    params.get('prezzo') === 'gratis' ? 'free' : params.get('prezzo') ? 'max' : 'any',
  );
  const [maxPrice, setMaxPrice] = useState(
    params.get('prezzo') && params.get('prezzo') !== 'gratis'
      ? String(Number(params.get('prezzo')) / 100).replace('.', ',')
      : '',
  );
  const [text, setText] = useState(params.get('testo') ?? '');
  const [order, setOrder] = useState(params.get('ordine') ?? '');
  const [choices, setChoices] = useState<Comune[]>([]);
  const [position, setPosition] = useState<{ lat: number; lon: number } | undefined>();

  async function resolvePlace(): Promise<{ name: string; lat: number; lon: number } | null | 'choose'> {
    const typed = place.trim();
    if (!typed) return position ? { name: '', ...position } : null;
    if (typed === params.get('luogo') && params.get('lat')) {
      return { name: typed, lat: Number(params.get('lat')), lon: Number(params.get('lon')) };
    }
    const result = await client.query({ query: FIND_COMUNI, variables: { search: typed } });
    const found = result.data?.comuni.items ?? [];
    const exact = found.filter(
      (comune) => comune.name.localeCompare(typed, 'it', { sensitivity: 'base' }) === 0,
    );
    const picked = exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined;
    if (picked) return { name: picked.name, lat: picked.lat, lon: picked.lon };
    if (!found.length) throw new PlaceError(t('catalogue.placeNotFound'));
    setChoices(found);
    return 'choose';
  }

  function search(chosen?: { name: string; lat: number; lon: number } | null) {
    const next = new URLSearchParams();
    if (chosen) {
      if (chosen.name) next.set('luogo', chosen.name);
      next.set('lat', chosen.lat.toFixed(5));
      next.set('lon', chosen.lon.toFixed(5));
      next.set('km', radius);
    }
    if (category) next.set('cat', category);
    if (day && time) {
      next.set('giorno', day);
      next.set('ora', time);
    }
    if (priceChoice === 'free') next.set('prezzo', 'gratis');
    if (priceChoice === 'max') next.set('prezzo', String(parseEuroToCents(maxPrice)));
    if (text.trim()) next.set('testo', text.trim());
    if (order && (order !== 'DISTANCE' || chosen) && (order !== 'RELEVANCE' || text.trim())) {
      next.set('ordine', order);
    }
    setChoices([]);
    errors.clear();
    setParams(next);
  }

  async function onSubmit() {
    const problems: FormError[] = [];
    if (time && !day) problems.push({ fieldId: 'day', message: t('catalogue.timeNeedsDay') });
    if (priceChoice === 'max' && parseEuroToCents(maxPrice) === undefined) {
      problems.push({ fieldId: 'max-price', message: t('catalogue.maxPriceInvalid') });
    }
    if (problems.length) return errors.show(problems);
    try {
      const chosen = await resolvePlace();
      if (chosen !== 'choose') search(chosen);
    } catch (error) {
      if (error instanceof PlaceError) errors.show([{ fieldId: 'place', message: error.message }]);
      else errors.showApiError(error, { search: 'place' });
    }
  }

  function usePosition() {
    navigator.geolocation.getCurrentPosition(
      (found) => {
        const here = { lat: found.coords.latitude, lon: found.coords.longitude };
        setPosition(here);
        setPlace('');
        search({ name: '', ...here });
      },
      () => errors.show([{ fieldId: 'place', message: t('catalogue.positionFailed') }]),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  }

  const near = Boolean(params.get('lat'));
  return (
    <Page title={t('catalogue.title')} lead={t('catalogue.lead')}>
      <div className="row">
        <div className="col-12 col-lg-4">
          <ApiForm errors={errors} onSubmit={onSubmit} aria-labelledby="filters-title">
            <h2 id="filters-title" className="h4">
              {t('catalogue.filters')}
            </h2>
            <Field
              id="place"
              label={t('catalogue.place')}
              hint={near && !params.get('luogo') ? t('catalogue.positionUsed') : t('catalogue.placeHint')}
              error={errors.byField.place}
              value={place}
              onChange={(event) => setPlace(event.target.value)}
              autoComplete="address-level2"
            />
            {choices.length ? (
              <fieldset className="mb-4">
                <legend className="h6">{t('catalogue.placeChoose')}</legend>
                <ul className="list-unstyled d-flex flex-wrap gap-2">
                  {choices.map((comune) => (
                    <li key={comune.istat}>
                      <button
                        type="button"
                        className="btn btn-outline-primary"
                        onClick={() => {
                          setPlace(comune.name);
                          search({ name: comune.name, lat: comune.lat, lon: comune.lon });
                        }}
                      >
                        {comune.name} ({comune.provinceCode})
                      </button>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ) : null}
            {'geolocation' in navigator ? (
              <button type="button" className="btn btn-outline-primary mb-4" onClick={usePosition}>
                {t('catalogue.usePosition')}
              </button>
            ) : null}
            <SelectField id="radius" label={t('catalogue.radius')} value={radius} onChange={setRadius}>
              <Options values={RADII} labelOf={(km) => t('catalogue.radiusKm', { km })} />
            </SelectField>
            <SelectField
              id="category"
              label={t('catalogue.category')}
              value={category}
              onChange={setCategory}
            >
              <option value="">{t('catalogue.anyCategory')}</option>
              <Options values={HELP_CATEGORIES} labelOf={(value) => t(`category.${value}`)} />
            </SelectField>
            <SelectField
              id="day"
              label={t('catalogue.day')}
              value={day}
              onChange={setDay}
              error={errors.byField.day}
            >
              <option value="">{t('catalogue.anyDay')}</option>
              <Options values={[1, 2, 3, 4, 5, 6, 7]} labelOf={(value) => t(`weekday.d${value}`)} />
            </SelectField>
            <Field
              id="time"
              type="time"
              label={t('catalogue.time')}
              hint={t('catalogue.timeHint')}
              value={time}
              onChange={(event) => setTime(event.target.value)}
            />
            <fieldset className="mb-4">
              <legend className="form-field__label">{t('catalogue.price')}</legend>
              {(['any', 'free', 'max'] as const).map((choice) => (
                <div className="form-check" key={choice}>
                  <input
                    id={`price-${choice}`}
                    type="radio"
                    name="price"
                    value={choice}
                    checked={priceChoice === choice}
                    onChange={() => setPriceChoice(choice)}
                  />
                  <label htmlFor={`price-${choice}`}>
                    {t(
                      choice === 'any'
                        ? 'catalogue.anyPrice'
                        : choice === 'free'
                          ? 'catalogue.freeOnly'
                          : 'catalogue.maxPrice',
                    )}
                  </label>
                </div>
              ))}
              {priceChoice === 'max' ? (
                <Field
                  id="max-price"
                  label={t('catalogue.maxPriceAmount')}
                  error={errors.byField['max-price']}
                  value={maxPrice}
                  onChange={(event) => setMaxPrice(event.target.value)}
                  inputMode="decimal"
                />
              ) : null}
            </fieldset>
            <Field
              id="text"
              type="search"
              label={t('catalogue.text')}
              hint={t('catalogue.textHint')}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
            <SelectField id="order" label={t('catalogue.order')} value={order} onChange={setOrder}>
              {/* The api's default: distance from a place, else relevance to the words, else newest. */}
              <option value="">
                {t(
                  near
                    ? 'catalogue.orderDistance'
                    : params.get('testo')?.trim()
                      ? 'catalogue.orderRelevance'
                      : 'catalogue.orderNewest',
                )}
              </option>
              {ORDERS.filter(
                (value) =>
                  (value !== 'DISTANCE' || near || place.trim()) && (value !== 'RELEVANCE' || text.trim()),
              ).map((value) => (
                <option key={value} value={value}>
                  {t(
                    value === 'DISTANCE'
                      ? 'catalogue.orderDistance'
                      : value === 'RELEVANCE'
                        ? 'catalogue.orderRelevance'
                        : value === 'RATING'
                          ? 'catalogue.orderRating'
                          : 'catalogue.orderNewest',
                  )}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="btn btn-primary btn-lg mb-4">
              {t('catalogue.search')}
            </button>
          </ApiForm>
        </div>
        <div className="col-12 col-lg-8">
          <Results params={params} language={language} />
        </div>
      </div>
    </Page>
  );
}

class PlaceError extends Error {}

function SelectField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  children: React.ReactNode;
}) {
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <div className={`form-field mb-4${props.error ? ' form-field--error' : ''}`}>
      <label htmlFor={props.id} className="form-field__label">
        {props.label}
      </label>
      {props.error ? (
        <p id={errorId} className="form-field__error">
          {props.error}
        </p>
      ) : null}
      <select
        id={props.id}
        className="form-select form-control"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={errorId}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.children}
      </select>
    </div>
  );
}

function Results({ params, language }: { params: URLSearchParams; language: 'it' | 'en' }) {
  const { t } = useTranslation();
  const { filter, order } = filterOf(params);
  const { data, error, loading, networkStatus, fetchMore, refetch } = useQuery(SEARCH_OFFERS, {
    variables: { filter, order, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const list = useRef<HTMLUListElement>(null);
  const [focusIndex, setFocusIndex] = useState<number>();
  const page = data?.searchServiceOffers;
  useEffect(() => {
    if (focusIndex === undefined) return;
    list.current?.querySelectorAll<HTMLAnchorElement>('a.result-link')[focusIndex]?.focus();
    setFocusIndex(undefined);
  }, [page?.items.length, focusIndex]);

  // While a new search (or a retry) loads, no list is shown, not even one kept from before: only
  // "more" adds to the list on screen.
  const searching = loading && networkStatus !== NetworkStatus.fetchMore;
  if (error && !searching) return <Unreachable onRetry={() => void refetch()} />;
  if (!page || searching) return <p role="status">{t('catalogue.searching')}</p>;
  const count = page.items.length;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" className="h4" aria-live="polite">
        {page.pageInfo.hasNextPage
          ? t('catalogue.resultsMore', { count })
          : t('catalogue.results', { count })}
      </h2>
      {count === 0 ? <p>{t('catalogue.none')}</p> : null}
      <ul ref={list} className="list-unstyled result-list">
        {page.items.map((offer) => (
          <li key={offer.id} className="result-card">
            <h3 className="h5 mb-1">
              <Link className="result-link" to={`/servizi/${offer.id}`}>
                {offer.title}
              </Link>
            </h3>
            <p className="mb-1">
              {t(`category.${offer.category}`)} ·{' '}
              {t('catalogue.by', { organisation: offer.organisation.name })}
            </p>
            <p className="mb-0 fw-semibold">
              {priceSummary(offer.price, t, language)}
              {offer.distanceKm != null
                ? ` · ${t('catalogue.distance', { km: formatKm(offer.distanceKm, language) })}`
                : ''}
            </p>
          </li>
        ))}
      </ul>
      {page.pageInfo.hasNextPage ? (
        <button
          type="button"
          className="btn btn-outline-primary"
          disabled={loading}
          onClick={() => {
            const firstNew = count;
            void fetchMore({
              variables: { after: page.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                searchServiceOffers: appendPage(
                  previous.searchServiceOffers,
                  fetchMoreResult.searchServiceOffers,
                ),
              }),
            }).then(() => setFocusIndex(firstNew));
          }}
        >
          {t('catalogue.more')}
        </button>
      ) : null}
    </section>
  );
}
