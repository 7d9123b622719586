import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiForm, Checkbox, Field, type FormError, useServerErrors } from '../../forms';
import { Options } from '../../forms/controls';
import { graphql } from '../../gql';
import type { DeskConsentMethod, NeedCategory, PostNeedAtDeskInput } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { NoTerritory, SelectField, TextAreaField } from '../fields';
import { formatDateTime } from '../format';
import { romeDayAndTime, romeInstantOrNull } from '../../rome-time';
import { type StaffTerritory, useStaffTerritory } from '../territory';

const POST_NEED_AT_DESK = graphql(`
  mutation DeskPostNeed($input: PostNeedAtDeskInput!) {
    postNeedAtDesk(input: $input) {
      id
      status
    }
  }
`);

// A person found with "Cerca una persona": their name and the consent recorded before (an audited read).
const KNOWN_PERSON = graphql(`
  query DeskKnownPerson($id: ID!) {
    deskPerson(id: $id) {
      id
      kind
      fullName
      comuneIstat
      consent {
        recordedAt
        method
        healthDataAt
      }
    }
  }
`);

const CONSENT_METHODS: DeskConsentMethod[] = [
  'SIGNED_FORM',
  'VERBAL_WITH_WITNESS',
  'PHONE_CALL',
  'DIGITAL_FORM',
];

/** The kinds of help the desk enters most; a ride has its own questions. */
const CATEGORIES: NeedCategory[] = [
  'RIDES_AND_ACCOMPANIMENT',
  'COMPANIONSHIP',
  'SHOPPING_AND_DELIVERY',
  'HOME_HELP',
  'DIGITAL_HELP',
  'OTHER',
];

// The api's field names (extensions.field) -> this form's inputs.
const FIELD_IDS: Record<string, string> = {
  'beneficiary.fullName': 'fullName',
  'beneficiary.phone': 'phone',
  'beneficiary.consentRecorded': 'consentRecorded',
  'beneficiary.consentDate': 'consentDay',
  'beneficiary.healthDataConsent': 'healthConsent',
  'beneficiary.consentMethod': 'consentMethod-SIGNED_FORM',
  'beneficiary.consentWitness': 'consentWitness',
  'knownPerson.healthDataConsent': 'healthConsent',
  description: 'description',
  comuneIstat: 'comune',
  address: 'address',
  windowStart: 'from',
  windowEnd: 'until',
  sensitiveNotes: 'notes',
  'details.ride.pickupPlace': 'pickupPlace',
  'details.ride.destinationPlace': 'destinationPlace',
  'details.ride.appointmentAt': 'appointmentTime',
  'details.ride.returnAt': 'returnTime',
};

interface DeskForm {
  fullName: string;
  phone: string;
  consentRecorded: boolean;
  consentDay: string;
  consentTime: string;
  consentMethod: DeskConsentMethod | '';
  consentWitness: string;
  healthConsent: boolean;
  category: NeedCategory;
  description: string;
  comune: string;
  address: string;
  day: string;
  from: string;
  until: string;
  pickupPlace: string;
  destinationPlace: string;
  destinationComune: string;
  appointmentTime: string;
  returnTrip: boolean;
  returnTime: string;
  wheelchair: boolean;
  escortWaits: boolean;
  notes: string;
}

function emptyForm(): DeskForm {
  const now = romeDayAndTime(new Date());
  return {
    fullName: '',
    phone: '',
    consentRecorded: false,
    consentDay: now.day,
    consentTime: now.time,
    consentMethod: '',
    consentWitness: '',
    healthConsent: false,
    category: 'RIDES_AND_ACCOMPANIMENT',
    description: '',
    comune: '',
    address: '',
    day: '',
    from: '',
    until: '',
    pickupPlace: '',
    destinationPlace: '',
    destinationComune: '',
    appointmentTime: '',
    returnTrip: false,
    returnTime: '',
    wheelchair: false,
    escortWaits: false,
    notes: '',
  };
}

/** What the form can check before asking the api (the api checks everything again). */
function checkForm(form: DeskForm, t: (key: string) => string, known: boolean): FormError[] {
  const errors: FormError[] = [];
  const need = (ok: boolean, fieldId: string, key: string) => {
    if (!ok) errors.push({ fieldId, message: t(`console.desk.${key}`) });
  };
  if (!known) {
    need(form.fullName.trim().length > 0, 'fullName', 'missingName');
    need(form.consentRecorded, 'consentRecorded', 'missingConsent');
    need(Boolean(romeInstantOrNull(form.consentDay, form.consentTime)), 'consentDay', 'missingDay');
    need(Boolean(form.consentMethod), 'consentMethod-SIGNED_FORM', 'missingMethod');
    if (form.consentMethod === 'VERBAL_WITH_WITNESS')
      need(form.consentWitness.trim().length > 0, 'consentWitness', 'missingWitness');
  }
  need(form.description.trim().length > 0, 'description', 'missingDescription');
  need(Boolean(form.comune), 'comune', 'missingComune');
  need(/^\d{4}-\d{2}-\d{2}$/.test(form.day), 'day', 'missingDay');
  need(Boolean(romeInstantOrNull(form.day || '2000-01-01', form.from)), 'from', 'missingTime');
  need(Boolean(romeInstantOrNull(form.day || '2000-01-01', form.until)), 'until', 'missingTime');
  if (form.category === 'RIDES_AND_ACCOMPANIMENT') {
    need(form.pickupPlace.trim().length > 0, 'pickupPlace', 'missingPlace');
    need(form.destinationPlace.trim().length > 0, 'destinationPlace', 'missingPlace');
    need(
      Boolean(romeInstantOrNull(form.day || '2000-01-01', form.appointmentTime)),
      'appointmentTime',
      'missingTime',
    );
    if (form.returnTrip)
      need(Boolean(romeInstantOrNull('2000-01-01', form.returnTime)), 'returnTime', 'missingReturn');
  }
  return errors;
}

function toInput(form: DeskForm, territory: StaffTerritory, knownId: string | null): PostNeedAtDeskInput {
  const comune = territory.comuni.find((candidate) => candidate.istat === form.comune);
  const destination =
    territory.comuni.find((candidate) => candidate.istat === form.destinationComune) ?? comune;
  const at = (time: string) => romeInstantOrNull(form.day, time)?.toISOString() ?? '';
  const location = { lat: comune?.lat ?? 0, lon: comune?.lon ?? 0 };
  const notes = form.notes.trim();
  const person: Pick<PostNeedAtDeskInput, 'beneficiary' | 'knownPerson'> = knownId
    ? { knownPerson: { id: knownId, healthDataConsent: form.healthConsent } }
    : {
        beneficiary: {
          fullName: form.fullName.trim(),
          phone: form.phone.trim() || null,
          consentRecorded: form.consentRecorded,
          consentDate: romeInstantOrNull(form.consentDay, form.consentTime)?.toISOString(),
          consentMethod: form.consentMethod || null,
          consentWitness:
            form.consentMethod === 'VERBAL_WITH_WITNESS' ? form.consentWitness.trim() || null : null,
          healthDataConsent: form.healthConsent,
        },
      };
  return {
    ...person,
    category: form.category,
    description: form.description.trim(),
    comuneIstat: form.comune,
    address: form.address.trim() || null,
    location,
    windowStart: at(form.from),
    windowEnd: at(form.until),
    sensitiveNotes: notes || null,
    accessibilityNeeds: form.wheelchair ? ['WHEELCHAIR'] : [],
    details:
      form.category === 'RIDES_AND_ACCOMPANIMENT'
        ? {
            ride: {
              pickupPlace: form.pickupPlace.trim(),
              pickupLocation: location,
              destinationPlace: form.destinationPlace.trim(),
              destinationLocation: { lat: destination?.lat ?? 0, lon: destination?.lon ?? 0 },
              appointmentAt: at(form.appointmentTime),
              returnTripWanted: form.returnTrip,
              returnAt: form.returnTrip ? at(form.returnTime) : null,
              wheelchair: form.wheelchair,
              escortWaits: form.escortWaits,
            },
          }
        : null,
  };
}

export default function DeskNewNeed() {
  const { t, i18n } = useTranslation();
  const { territory, loading } = useStaffTerritory();
  const [params, setParams] = useSearchParams();
  const knownId = params.get('persona');
  const knownQuery = useQuery(KNOWN_PERSON, { variables: { id: knownId ?? '' }, skip: !knownId });
  // Only people registered at a desk carry a desk consent; anyone else is registered anew.
  const known = knownQuery.data?.deskPerson.kind === 'DESK' ? knownQuery.data.deskPerson : null;
  const [form, setForm] = useState<DeskForm>(emptyForm);
  const [posted, setPosted] = useState<{ id: string; name: string } | null>(null);
  const errors = useServerErrors();
  const [postNeed, { loading: sending }] = useMutation(POST_NEED_AT_DESK);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (posted) doneRef.current?.focus();
  }, [posted]);
  // A known person's request is most often where they live: their Comune comes chosen (it can change).
  const knownComune = territory?.comuni.some((comune) => comune.istat === known?.comuneIstat)
    ? (known?.comuneIstat ?? null)
    : null;
  useEffect(() => {
    if (knownComune) setForm((current) => (current.comune ? current : { ...current, comune: knownComune }));
  }, [knownComune]);

  const set = <K extends keyof DeskForm>(key: K, value: DeskForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const text = (key: keyof DeskForm) => ({
    value: form[key] as string,
    onChange: (event: { target: { value: string } }) => set(key, event.target.value as never),
  });
  const check = (key: keyof DeskForm) => ({
    checked: form[key] as boolean,
    onChange: (event: { target: { checked: boolean } }) => set(key, event.target.checked as never),
  });
  // A control of this form: its id is its key in DeskForm, its label console.desk.<key> (or the
  // key given), its error the one shown for that id.
  const labelled = (key: keyof DeskForm, labelKey: string = key) => ({
    id: key,
    label: t(`console.desk.${labelKey}`),
    error: errors.byField[key],
  });
  const textField = (key: keyof DeskForm, labelKey?: string) => ({
    ...labelled(key, labelKey),
    ...text(key),
  });
  const checkField = (key: keyof DeskForm) => ({ ...labelled(key), ...check(key) });

  async function submit() {
    if (!territory) return;
    const problems = checkForm(form, t, Boolean(known));
    if (problems.length) {
      errors.show(problems);
      return;
    }
    try {
      const result = await postNeed({ variables: { input: toInput(form, territory, known?.id ?? null) } });
      if (result.data) {
        errors.clear();
        setPosted({ id: result.data.postNeedAtDesk.id, name: known?.fullName ?? form.fullName.trim() });
      }
    } catch (error) {
      errors.showApiError(error, FIELD_IDS);
    }
  }

  if (posted) {
    return (
      <Page title={t('console.desk.title')}>
        <div ref={doneRef} tabIndex={-1} className="alert alert-success readable" role="status">
          <h2 className="h4">{t('console.desk.doneTitle')}</h2>
          <p>{t('console.desk.doneBody', { name: posted.name })}</p>
        </div>
        <p className="d-flex flex-wrap gap-3">
          <Link className="btn btn-primary" to={`/sportello/richieste/${posted.id}`}>
            {t('console.desk.openNeed')}
          </Link>
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={() => {
              setForm(emptyForm());
              setPosted(null);
              if (knownId) setParams({});
            }}
          >
            {t('console.desk.another')}
          </button>
        </p>
      </Page>
    );
  }

  const ride = form.category === 'RIDES_AND_ACCOMPANIMENT';
  const comuneOptions = (
    <>
      <option value="">—</option>
      {(territory?.comuni ?? []).map((comune) => (
        <option key={comune.istat} value={comune.istat}>
          {comune.name}
        </option>
      ))}
    </>
  );
  return (
    <Page title={t('console.desk.title')} lead={t('console.desk.lead')}>
      <NoTerritory territory={territory} loading={loading} />
      <ApiForm errors={errors} onSubmit={submit} className="readable">
        {known ? (
          <section className="mb-4" aria-labelledby="known-person">
            <h2 id="known-person" className="h3">
              {t('console.desk.knownPerson', { name: known.fullName })}
            </h2>
            {known.consent?.recordedAt ? (
              <p>
                {t('console.desk.knownConsent', {
                  date: formatDateTime(known.consent.recordedAt, i18n.language),
                  method: known.consent.method
                    ? t(`console.consentMethod.${known.consent.method}`)
                    : t('console.person.consentUnknownMethod'),
                })}
              </p>
            ) : null}
            {!known.consent?.healthDataAt ? <Checkbox {...checkField('healthConsent')} /> : null}
            <p>
              <Link to="/sportello/persone">{t('console.desk.otherPerson')}</Link>
            </p>
          </section>
        ) : (
          <>
            <fieldset className="mb-4">
              <legend className="h3">{t('console.desk.personTitle')}</legend>
              <Field {...textField('fullName')} autoComplete="off" />
              <Field
                {...textField('phone')}
                label={`${t('console.desk.phone')} ${t('console.common.optional')}`}
                hint={t('console.desk.phoneHint')}
                type="tel"
                inputMode="tel"
                autoComplete="off"
              />
            </fieldset>
            <fieldset className="mb-4">
              <legend className="h3">{t('console.desk.consentTitle')}</legend>
              <p className="form-field__hint">{t('console.desk.consentHint')}</p>
              <Checkbox {...checkField('consentRecorded')} />
              <div className="row">
                <div className="col-sm-7">
                  <Field {...textField('consentDay', 'consentDate')} type="date" />
                </div>
                <div className="col-sm-5">
                  <Field {...textField('consentTime')} type="time" />
                </div>
              </div>
              <fieldset className="mb-3">
                <legend className="form-field__label">{t('console.desk.consentMethod')}</legend>
                {errors.byField['consentMethod-SIGNED_FORM'] ? (
                  <p id="consentMethod-error" className="form-field__error">
                    {errors.byField['consentMethod-SIGNED_FORM']}
                  </p>
                ) : null}
                {CONSENT_METHODS.map((method) => (
                  <div className="form-check" key={method}>
                    <input
                      type="radio"
                      id={`consentMethod-${method}`}
                      name="consentMethod"
                      value={method}
                      checked={form.consentMethod === method}
                      aria-describedby={
                        errors.byField['consentMethod-SIGNED_FORM'] ? 'consentMethod-error' : undefined
                      }
                      onChange={() => set('consentMethod', method)}
                    />
                    <label htmlFor={`consentMethod-${method}`}>{t(`console.consentMethod.${method}`)}</label>
                  </div>
                ))}
              </fieldset>
              {form.consentMethod === 'VERBAL_WITH_WITNESS' ? (
                <Field
                  {...textField('consentWitness')}
                  hint={t('console.desk.consentWitnessHint')}
                  autoComplete="off"
                />
              ) : null}
              <Checkbox {...checkField('healthConsent')} />
            </fieldset>
          </>
        )}
        <fieldset className="mb-4">
          <legend className="h3">{t('console.desk.needTitle')}</legend>
          <SelectField
            id="category"
            label={t('console.desk.category')}
            value={form.category}
            onChange={(event) => set('category', event.target.value as NeedCategory)}
          >
            <Options values={CATEGORIES} labelOf={(category) => t(`console.category.${category}`)} />
          </SelectField>
          <TextAreaField {...textField('description')} hint={t('console.desk.descriptionHint')} />
          <SelectField {...textField('comune')}>{comuneOptions}</SelectField>
          <Field
            {...textField('address')}
            label={`${t('console.desk.address')} ${t('console.common.optional')}`}
            hint={t('console.desk.addressHint')}
            autoComplete="off"
          />
          <Field {...textField('day')} type="date" hint={t('console.desk.dayHint')} />
          <div className="row">
            <div className="col-6">
              <Field {...textField('from')} type="time" />
            </div>
            <div className="col-6">
              <Field {...textField('until')} type="time" />
            </div>
          </div>
          {ride ? (
            <>
              <Field {...textField('pickupPlace')} autoComplete="off" />
              <Field {...textField('destinationPlace')} autoComplete="off" />
              <SelectField {...textField('destinationComune')}>{comuneOptions}</SelectField>
              <Field {...textField('appointmentTime')} type="time" />
              <Checkbox {...checkField('returnTrip')} />
              {form.returnTrip ? <Field {...textField('returnTime')} type="time" /> : null}
              <Checkbox {...checkField('wheelchair')} />
              <Checkbox {...checkField('escortWaits')} />
            </>
          ) : null}
          <TextAreaField
            {...textField('notes')}
            label={`${t('console.desk.notes')} ${t('console.common.optional')}`}
            hint={t('console.desk.notesHint')}
          />
        </fieldset>
        <button type="submit" className="btn btn-primary" disabled={sending || !territory}>
          {known ? t('console.desk.submitKnown') : t('console.desk.submit')}
        </button>
      </ApiForm>
    </Page>
  );
}
