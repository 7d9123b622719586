import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Checkbox, ErrorSummary, Field, Unreachable, useServerErrors } from '../forms';
import { ChoiceGroup, Options } from '../forms/controls';
import type { ModerationStatus, PriceModel, PriceUnit, ServiceCategory, TargetGroup } from '../gql/graphql';
import { useTranslation } from '../i18n';
import { showConsoleApiError } from './api-problems';
import { ConfirmButtons, SelectField, TextAreaField } from './fields';
import { formatNumber } from './format';
import {
  BAND_PEOPLE,
  checkOffer,
  createInput,
  EMPTY_OFFER,
  type OfferData,
  offerFieldIds,
  type OfferForm,
  formOf,
  type Slot,
  updateInput,
} from './offer-form';
import './organisation/messages';
import { AREA_COMUNI, CREATE_OFFER, UPDATE_OFFER } from './organisation/operations';
import { HELP_CATEGORIES } from '../categories';

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

/** What the page tells after a save: the offer's title and whether the Comune checks it first. */
export interface SavedOffer {
  id: string;
  title: string;
  moderationStatus?: ModerationStatus | null;
}

/**
 * A service offer's form: a new one for the organisation, or an existing one to change (then it
 * goes back to the Comune's moderators). Category, target groups, area (the Comuni of the
 * organisation's territories), weekly times, capacity, price (free, fixed, or shared with a price
 * each by how many people share), vouchers, languages, the vehicle of a ride, accessibility. The
 * form's own checks and the api's errors show at their field and in the summary.
 */
export function OfferEditor({
  organisationId,
  homeComuneIstat,
  offer,
  onSaved,
  onCancel,
}: {
  organisationId: string;
  homeComuneIstat: string;
  /** The offer to change; none for a new one. */
  offer?: OfferData & { id: string };
  onSaved: (saved: SavedOffer) => void;
  onCancel: () => void;
}) {
  const { t, language } = useTranslation();
  const area = useQuery(AREA_COMUNI, { variables: { istat: homeComuneIstat } });
  const [createOffer, creating] = useMutation(CREATE_OFFER);
  const [updateOffer, updating] = useMutation(UPDATE_OFFER);
  const saving = creating.loading || updating.loading;
  const [form, setForm] = useState<OfferForm>(() => (offer ? formOf(offer) : EMPTY_OFFER));
  const errors = useServerErrors();
  const id = `offer-${offer?.id ?? 'new'}`;
  // The Comuni of the organisation's territories, and any the offer already covers beyond them.
  const known = new Map<string, { istat: string; name: string | null }>(
    (area.data?.territoriesOfComune ?? [])
      .flatMap((territory) => territory.comuni)
      .map((comune) => [comune.istat, comune]),
  );
  for (const istat of offer?.area.comuneIstatCodes ?? []) {
    if (!known.has(istat)) known.set(istat, { istat, name: null });
  }
  const comuni = [...known.values()];
  const set = <K extends keyof OfferForm>(key: K, value: OfferForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const text = (key: keyof OfferForm) => ({
    value: form[key] as string,
    onChange: (event: { target: { value: string } }) => set(key, event.target.value as never),
  });
  const toggle = (key: 'comuni' | 'languages' | 'targetGroups', value: string) => {
    const current = form[key] as string[];
    set(
      key,
      (current.includes(value) ? current.filter((item) => item !== value) : [...current, value]) as never,
    );
  };
  const setSlot = (index: number, slot: Partial<Slot>) =>
    set(
      'slots',
      form.slots.map((current, at) => (at === index ? { ...current, ...slot } : current)),
    );

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const problems = checkOffer(form, t);
    if (problems.length) {
      errors.show(problems);
      return;
    }
    try {
      const saved = offer
        ? (await updateOffer({ variables: { input: updateInput(form, offer.id) } })).data?.updateServiceOffer
        : (await createOffer({ variables: { input: createInput(form, organisationId) } })).data
            ?.createServiceOffer;
      errors.clear();
      if (saved) onSaved(saved);
    } catch (error) {
      showConsoleApiError(errors, error, offerFieldIds(form), 'ets.errors');
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="readable">
      <ErrorSummary errors={errors} />
      {errors.unreachable ? <Unreachable onRetry={() => void submit()} /> : null}
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
        <Options values={HELP_CATEGORIES} labelOf={(category) => t(`console.category.${category}`)} />
      </SelectField>
      <ChoiceGroup
        id="offer-target"
        type="checkbox"
        legend={t('console.offers.target')}
        columns
        choices={TARGETS.map((target) => ({ value: target, label: t(`console.offers.targets.${target}`) }))}
        selected={form.targetGroups}
        onToggle={(value) => toggle('targetGroups', value)}
      />
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
        {form.circle ? (
          <p className="form-field__hint">
            {t('ets.offers.circle', { km: formatNumber(form.circle.radiusKm, language) })}
          </p>
        ) : null}
        {comuni.map((comune) => (
          <Checkbox
            key={comune.istat}
            id={`offer-comune-${comune.istat}`}
            label={comune.name ?? comune.istat}
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
              error={errors.byField[`offer-slot-${index}-day`]}
              value={String(slot.dayOfWeek)}
              onChange={(event) => setSlot(index, { dayOfWeek: Number(event.target.value) })}
            >
              <Options values={DAYS} labelOf={(day) => t(`weekday.d${day}`)} />
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
              error={errors.byField[`offer-slot-${index}-end`]}
              value={slot.end}
              onChange={(event) => setSlot(index, { end: event.target.value })}
            />
            {form.slots.length > 1 ? (
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm mb-4"
                onClick={() =>
                  set(
                    'slots',
                    form.slots.filter((_slot, at) => at !== index),
                  )
                }
              >
                {t('ets.offers.removeSlot', { n: index + 1 })}
              </button>
            ) : null}
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
              error={errors.byField['offer-unit']}
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
        error={errors.byField['offer-accessibility']}
        {...text('accessibilityNotes')}
      />
      <ConfirmButtons
        confirmText={t(offer ? 'ets.offers.save' : 'console.offers.submit')}
        busy={saving}
        onCancel={onCancel}
      />
    </form>
  );
}
