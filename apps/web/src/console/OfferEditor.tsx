import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Checkbox, ErrorSummary, Field, type FormError, useServerErrors } from '../forms';
import { graphql } from '../gql';
import type {
  CreateServiceOfferInput,
  PriceModel,
  PriceUnit,
  ServiceCategory,
  TargetGroup,
} from '../gql/graphql';
import { useTranslation } from '../i18n';
import { LoadState, SelectField, StatusTag, TextAreaField } from './fields';
import { parseEuros } from './money';

const OFFERS = graphql(`
  query OrganisationOffersConsole($organisationId: ID!) {
    organisationServiceOffers(organisationId: $organisationId, first: 50) {
      items {
        id
        title
        category
        status
        moderationStatus
      }
    }
  }
`);

const COMUNI_OF_TERRITORIES = graphql(`
  query OfferAreaComuni($istat: String!) {
    territoriesOfComune(istat: $istat) {
      id
      comuni {
        istat
        name
      }
    }
  }
`);

const CREATE_OFFER = graphql(`
  mutation CreateServiceOfferConsole($input: CreateServiceOfferInput!) {
    createServiceOffer(input: $input) {
      id
      title
      moderationStatus
    }
  }
`);

const CATEGORIES: ServiceCategory[] = [
  'RIDES_AND_ACCOMPANIMENT',
  'COMPANIONSHIP',
  'HOME_HELP',
  'SHOPPING_AND_DELIVERY',
  'SHARED_CAREGIVER',
  'DIGITAL_HELP',
  'CHILDCARE',
  'HOUSING',
  'JOB_INCLUSION',
  'OTHER',
];
const TARGETS: TargetGroup[] = [
  'ELDERLY',
  'PEOPLE_WITH_DISABILITIES',
  'FAMILIES',
  'CAREGIVERS',
  'CHILDREN',
  'YOUNG_PEOPLE',
  'MIGRANTS',
  'UNEMPLOYED',
  'EVERYONE',
];
const LANGUAGES = ['it', 'en', 'fr', 'es', 'ro', 'ar'];
const DAYS = [1, 2, 3, 4, 5, 6, 7];
const BAND_PEOPLE = [1, 2, 3];
const MODERATION_TONE = {
  PENDING: 'warning',
  PUBLISHED: 'success',
  HIDDEN: 'danger',
  REJECTED: 'neutral',
} as const;

interface Slot {
  dayOfWeek: number;
  start: string;
  end: string;
}

interface OfferForm {
  title: string;
  category: ServiceCategory;
  targetGroup: TargetGroup;
  description: string;
  comuni: string[];
  slots: Slot[];
  capacity: string;
  model: PriceModel;
  amount: string;
  unit: PriceUnit;
  bands: string[];
  vouchers: boolean;
  languages: string[];
  seats: string;
  wheelchair: boolean;
  accessibilityNotes: string;
}

const EMPTY: OfferForm = {
  title: '',
  category: 'RIDES_AND_ACCOMPANIMENT',
  targetGroup: 'ELDERLY',
  description: '',
  comuni: [],
  slots: [{ dayOfWeek: 1, start: '09:00', end: '12:00' }],
  capacity: '',
  model: 'FREE',
  amount: '',
  unit: 'HOUR',
  bands: ['', '', ''],
  vouchers: false,
  languages: ['it'],
  seats: '',
  wheelchair: false,
  accessibilityNotes: '',
};

// The api's field names -> the inputs of this form.
const FIELD_IDS: Record<string, string> = {
  title: 'offer-title',
  description: 'offer-description',
  area: 'offer-comuni',
  'area.comuneIstatCodes': 'offer-comuni',
  schedule: 'offer-slot-0-day',
  capacity: 'offer-capacity',
  'price.amountCents': 'offer-amount',
  'price.bands': 'offer-band-1',
  'vehicle.seats': 'offer-seats',
};

function checkForm(form: OfferForm, t: (key: string) => string): FormError[] {
  const errors: FormError[] = [];
  const need = (ok: boolean, fieldId: string, key: string) => {
    if (!ok) errors.push({ fieldId, message: t(`console.offers.${key}`) });
  };
  need(form.title.trim().length > 0, 'offer-title', 'missingTitle');
  need(form.description.trim().length > 0, 'offer-description', 'missingDescription');
  need(form.comuni.length > 0, 'offer-comuni', 'missingComuni');
  form.slots.forEach((slot, index) =>
    need(
      /^\d{2}:\d{2}$/.test(slot.start) && /^\d{2}:\d{2}$/.test(slot.end),
      `offer-slot-${index}-start`,
      'missingTime',
    ),
  );
  if (form.model === 'FIXED') need(parseEuros(form.amount) !== null, 'offer-amount', 'missingAmount');
  if (form.model === 'SHARED') need(parseEuros(form.bands[0]) !== null, 'offer-band-1', 'missingBand');
  return errors;
}

function toInput(form: OfferForm, organisationId: string): CreateServiceOfferInput {
  const bands = BAND_PEOPLE.flatMap((people, index) => {
    const cents = parseEuros(form.bands[index]);
    return cents === null ? [] : [{ people, centsPerHourEach: cents }];
  });
  const ride = form.category === 'RIDES_AND_ACCOMPANIMENT';
  return {
    organisationId,
    title: form.title.trim(),
    category: form.category,
    targetGroups: [form.targetGroup],
    description: form.description.trim(),
    area: { comuneIstatCodes: form.comuni },
    schedule: form.slots,
    capacity: form.capacity ? Number.parseInt(form.capacity, 10) : null,
    languages: form.languages,
    accessibilityNotes: form.accessibilityNotes.trim() || null,
    price:
      form.model === 'FIXED'
        ? {
            model: 'FIXED',
            amountCents: parseEuros(form.amount),
            unit: form.unit,
            vouchersAccepted: form.vouchers,
          }
        : form.model === 'SHARED'
          ? { model: 'SHARED', bands, vouchersAccepted: form.vouchers }
          : { model: 'FREE', vouchersAccepted: form.vouchers },
    vehicle: ride
      ? { seats: form.seats ? Number.parseInt(form.seats, 10) : null, wheelchairAccessible: form.wheelchair }
      : null,
  };
}

/** An organisation's service offers: the list with their moderation state, and a new offer. */
export function OfferEditor({
  organisationId,
  homeComuneIstat,
}: {
  organisationId: string;
  homeComuneIstat: string;
}) {
  const { t } = useTranslation();
  const offers = useQuery(OFFERS, { variables: { organisationId }, fetchPolicy: 'cache-and-network' });
  const area = useQuery(COMUNI_OF_TERRITORIES, { variables: { istat: homeComuneIstat } });
  const [createOffer, { loading }] = useMutation(CREATE_OFFER);
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState<OfferForm>(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const errors = useServerErrors();
  const id = `offers-${organisationId}`;
  const comuni = [
    ...new Map(
      (area.data?.territoriesOfComune ?? [])
        .flatMap((territory) => territory.comuni)
        .map((comune) => [comune.istat, comune]),
    ).values(),
  ];
  const set = <K extends keyof OfferForm>(key: K, value: OfferForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const text = (key: keyof OfferForm) => ({
    value: form[key] as string,
    onChange: (event: { target: { value: string } }) => set(key, event.target.value as never),
  });
  const toggle = (key: 'comuni' | 'languages', value: string) =>
    set(key, form[key].includes(value) ? form[key].filter((item) => item !== value) : [...form[key], value]);
  const setSlot = (index: number, slot: Partial<Slot>) =>
    set(
      'slots',
      form.slots.map((current, at) => (at === index ? { ...current, ...slot } : current)),
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkForm(form, t);
    if (problems.length) {
      errors.show(problems);
      return;
    }
    try {
      const result = await createOffer({ variables: { input: toInput(form, organisationId) } });
      errors.clear();
      setCreated(
        t(
          result.data?.createServiceOffer.moderationStatus === 'PENDING'
            ? 'console.offers.createdHeld'
            : 'console.offers.created',
          { title: form.title.trim() },
        ),
      );
      setForm(EMPTY);
      setEditing(false);
      await offers.refetch();
    } catch (error) {
      errors.showApiError(error, FIELD_IDS);
    }
  }

  const list = offers.data?.organisationServiceOffers.items ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="mt-4">
      <h3 id={`${id}-title`} className="h4">
        {t('console.offers.title')}
      </h3>
      <LoadState
        loading={offers.loading && !offers.data}
        error={offers.error}
        onRetry={() => void offers.refetch()}
        loadingText={t('state.loading')}
        failedText={t('console.common.loadFailed')}
        retryText={t('console.common.retry')}
      />
      {offers.data && !list.length ? <p>{t('console.offers.none')}</p> : null}
      {list.length ? (
        <ul className="list-unstyled">
          {list.map((offer) => (
            <li key={offer.id} className="mb-2">
              <strong>{offer.title}</strong> · {t(`console.category.${offer.category}`)}{' '}
              {offer.moderationStatus ? (
                <StatusTag tone={MODERATION_TONE[offer.moderationStatus]}>
                  {t(`console.moderation.status.${offer.moderationStatus}`)}
                </StatusTag>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {created ? (
        <p className="alert alert-success" role="status">
          {created}
        </p>
      ) : null}
      {!editing ? (
        <button
          type="button"
          className="btn btn-outline-primary"
          onClick={() => {
            setCreated(null);
            setEditing(true);
          }}
        >
          {t('console.offers.newButton')}
        </button>
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)} className="readable">
          <ErrorSummary errors={errors} />
          <Field
            id="offer-title"
            label={t('console.offers.titleField')}
            error={errors.byField['offer-title']}
            {...text('title')}
          />
          <SelectField
            id="offer-category"
            label={t('console.desk.category')}
            value={form.category}
            onChange={(event) => set('category', event.target.value as ServiceCategory)}
          >
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`console.category.${category}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="offer-target"
            label={t('console.offers.target')}
            value={form.targetGroup}
            onChange={(event) => set('targetGroup', event.target.value as TargetGroup)}
          >
            {TARGETS.map((target) => (
              <option key={target} value={target}>
                {t(`console.offers.targets.${target}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id="offer-description"
            label={t('console.desk.description')}
            error={errors.byField['offer-description']}
            {...text('description')}
          />
          <fieldset className="mb-4">
            <legend className="form-field__label" id="offer-comuni">
              {t('console.offers.area')}
            </legend>
            {errors.byField['offer-comuni'] ? (
              <p className="form-field__error">{errors.byField['offer-comuni']}</p>
            ) : null}
            {comuni.map((comune) => (
              <Checkbox
                key={comune.istat}
                id={`offer-comune-${comune.istat}`}
                label={comune.name}
                checked={form.comuni.includes(comune.istat)}
                onChange={() => toggle('comuni', comune.istat)}
              />
            ))}
          </fieldset>
          <fieldset className="mb-4">
            <legend className="form-field__label">{t('console.offers.schedule')}</legend>
            {form.slots.map((slot, index) => (
              <div key={index} className="d-flex flex-wrap gap-3 align-items-end">
                <SelectField
                  id={`offer-slot-${index}-day`}
                  label={t('console.offers.day')}
                  value={String(slot.dayOfWeek)}
                  onChange={(event) => setSlot(index, { dayOfWeek: Number(event.target.value) })}
                >
                  {DAYS.map((day) => (
                    <option key={day} value={day}>
                      {t(`weekday.d${day}`)}
                    </option>
                  ))}
                </SelectField>
                <Field
                  id={`offer-slot-${index}-start`}
                  type="time"
                  label={t('console.desk.from')}
                  error={errors.byField[`offer-slot-${index}-start`]}
                  value={slot.start}
                  onChange={(event) => setSlot(index, { start: event.target.value })}
                />
                <Field
                  id={`offer-slot-${index}-end`}
                  type="time"
                  label={t('console.desk.until')}
                  value={slot.end}
                  onChange={(event) => setSlot(index, { end: event.target.value })}
                />
              </div>
            ))}
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => set('slots', [...form.slots, { dayOfWeek: 1, start: '09:00', end: '12:00' }])}
            >
              {t('console.offers.addSlot')}
            </button>
          </fieldset>
          <Field
            id="offer-capacity"
            type="number"
            min={1}
            inputMode="numeric"
            label={`${t('console.offers.capacity')} ${t('console.common.optional')}`}
            error={errors.byField['offer-capacity']}
            {...text('capacity')}
          />
          <fieldset className="mb-4">
            <legend className="form-field__label">{t('console.offers.price')}</legend>
            {(['FREE', 'FIXED', 'SHARED'] as PriceModel[]).map((model) => (
              <div className="form-check" key={model}>
                <input
                  id={`${id}-model-${model}`}
                  type="radio"
                  name={`${id}-model`}
                  checked={form.model === model}
                  onChange={() => set('model', model)}
                />
                <label htmlFor={`${id}-model-${model}`}>{t(`console.offers.models.${model}`)}</label>
              </div>
            ))}
            {form.model === 'FIXED' ? (
              <div className="d-flex flex-wrap gap-3 align-items-end mt-3">
                <Field
                  id="offer-amount"
                  inputMode="decimal"
                  label={t('console.offers.amount')}
                  hint={t('console.offers.amountHint')}
                  error={errors.byField['offer-amount']}
                  {...text('amount')}
                />
                <SelectField
                  id="offer-unit"
                  label={t('console.offers.unit')}
                  value={form.unit}
                  onChange={(event) => set('unit', event.target.value as PriceUnit)}
                >
                  <option value="HOUR">{t('console.offers.units.HOUR')}</option>
                  <option value="SERVICE">{t('console.offers.units.SERVICE')}</option>
                </SelectField>
              </div>
            ) : null}
            {form.model === 'SHARED' ? (
              <div className="mt-3">
                <p className="form-field__hint">{t('console.offers.bandsHint')}</p>
                {BAND_PEOPLE.map((people, index) => (
                  <Field
                    key={people}
                    id={`offer-band-${people}`}
                    inputMode="decimal"
                    label={t('console.offers.band', { count: people })}
                    error={errors.byField[`offer-band-${people}`]}
                    value={form.bands[index]}
                    onChange={(event) =>
                      set(
                        'bands',
                        form.bands.map((band, at) => (at === index ? event.target.value : band)),
                      )
                    }
                  />
                ))}
              </div>
            ) : null}
            <Checkbox
              id={`${id}-vouchers`}
              label={t('console.offers.vouchers')}
              checked={form.vouchers}
              onChange={(event) => set('vouchers', event.target.checked)}
            />
          </fieldset>
          <fieldset className="mb-4">
            <legend className="form-field__label">{t('console.offers.languages')}</legend>
            {LANGUAGES.map((language) => (
              <Checkbox
                key={language}
                id={`${id}-language-${language}`}
                label={t(`console.offers.languageNames.${language}`)}
                checked={form.languages.includes(language)}
                onChange={() => toggle('languages', language)}
              />
            ))}
          </fieldset>
          {form.category === 'RIDES_AND_ACCOMPANIMENT' ? (
            <fieldset className="mb-4">
              <legend className="form-field__label">{t('console.offers.vehicle')}</legend>
              <Field
                id="offer-seats"
                type="number"
                min={1}
                inputMode="numeric"
                label={t('console.offers.seats')}
                error={errors.byField['offer-seats']}
                {...text('seats')}
              />
              <Checkbox
                id={`${id}-wheelchair`}
                label={t('console.offers.wheelchair')}
                checked={form.wheelchair}
                onChange={(event) => set('wheelchair', event.target.checked)}
              />
            </fieldset>
          ) : null}
          <TextAreaField
            id="offer-accessibility"
            label={`${t('console.offers.accessibilityNotes')} ${t('console.common.optional')}`}
            {...text('accessibilityNotes')}
          />
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-primary" disabled={loading}>
              {t('console.offers.submit')}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={() => setEditing(false)}>
              {t('console.common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
