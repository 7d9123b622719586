import { Checkbox, Field } from '../../forms';
import { Options } from '../../forms/controls';
import { parseTime } from '../datetime';
import { useCitizenTranslation } from '../i18n';
import { Radios, Select, TextArea } from '../fields';
import { ComunePicker } from './ComunePicker';
import { NEED_CATEGORIES, type NeedDraft, type StepId, type WeeklySlotAnswer } from './need-draft';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The input id of a field of the flow ("weeklySlots.1.end" → "need-weeklySlots-1-end"). */
export function needFieldId(field: string): string {
  return `need-${field.replace(/\./g, '-')}`;
}

/** The question a page asks: its <h1> and its title. */
export function stepTitle(step: Exclude<StepId, 'riepilogo'>, draft: NeedDraft, t: Translate): string {
  const ride = draft.category === 'RIDES_AND_ACCOMPANIMENT';
  const titles: Record<Exclude<StepId, 'riepilogo'>, string> = {
    categoria: t('new.categoria.title'),
    'per-chi': t('new.perChi.title'),
    luogo: ride ? t('new.luogo.titleRide') : t('new.luogo.title'),
    destinazione: t('new.destinazione.title'),
    appuntamento: t('new.appuntamento.title'),
    ritorno: t('new.ritorno.title'),
    viaggio: t('new.viaggio.title'),
    quando: t('new.quando.title'),
    orari: t('new.orari.title'),
    condivisione: t('new.condivisione.title'),
    periodo: t('new.periodo.title'),
    descrizione: t('new.descrizione.title'),
    salute: t('new.salute.title'),
  };
  return titles[step];
}

interface StepProps {
  step: Exclude<StepId, 'riepilogo'>;
  draft: NeedDraft;
  update: (patch: Partial<NeedDraft>) => void;
  /** Message by input id (the form kit's byField). */
  errors: Record<string, string>;
  healthConsentGiven: boolean;
}

const DAYS = ['1', '2', '3', '4', '5', '6', '7'];

/** The inputs of one question page (the page's <h1> asks the question). */
export function StepFields({ step, draft, update, errors, healthConsentGiven }: StepProps) {
  const { t } = useCitizenTranslation();
  const ride = draft.category === 'RIDES_AND_ACCOMPANIMENT';
  const error = (field: string) => errors[needFieldId(field)];
  const text = (field: keyof NeedDraft) => ({
    id: needFieldId(field),
    error: error(field),
    value: (draft[field] as string | undefined) ?? '',
    onChange: (event: { target: { value: string } }) => update({ [field]: event.target.value }),
  });
  const tick = (field: keyof NeedDraft) => ({
    id: needFieldId(field),
    error: error(field),
    checked: draft[field] === true,
    onChange: (event: { target: { checked: boolean } }) => update({ [field]: event.target.checked }),
  });
  const timeHint = t('new.appuntamento.timeHint');
  const dateHint = t('new.appuntamento.dateHint');

  switch (step) {
    case 'categoria':
      return (
        <Radios
          id={needFieldId('category')}
          legend={t('new.categoria.title')}
          legendHidden
          hint={t('new.categoria.hint')}
          error={error('category')}
          value={draft.category}
          options={NEED_CATEGORIES.map((category) => ({
            value: category,
            label: t(`categories.${category}`),
            hint: t(`categoryHints.${category}`),
          }))}
          onChange={(category) => update({ category })}
        />
      );
    case 'per-chi':
      return (
        <>
          <Radios
            id={needFieldId('forWhom')}
            legend={t('new.perChi.title')}
            legendHidden
            error={error('forWhom')}
            value={draft.forWhom}
            options={[
              { value: 'SELF', label: t('new.perChi.self') },
              { value: 'RELATIVE', label: t('new.perChi.relative'), hint: t('new.perChi.relativeHint') },
            ]}
            onChange={(forWhom) => update({ forWhom })}
          />
          {draft.forWhom === 'RELATIVE' ? (
            <div className="conditional-reveal mb-4">
              <Field label={t('new.perChi.relativeName')} autoComplete="off" {...text('relativeName')} />
              <Field
                label={t('new.perChi.relativeRelationship')}
                hint={t('new.perChi.relativeRelationshipHint')}
                autoComplete="off"
                {...text('relativeRelationship')}
              />
              <Field
                label={t('new.perChi.relativePhone')}
                hint={t('new.perChi.relativePhoneHint')}
                type="tel"
                inputMode="tel"
                autoComplete="off"
                {...text('relativePhone')}
              />
              <Checkbox label={t('new.perChi.relativeConsent')} {...tick('relativeConsent')} />
            </div>
          ) : null}
        </>
      );
    case 'luogo':
      return (
        <>
          <ComunePicker
            id={needFieldId('comune')}
            label={t('new.luogo.comune')}
            hint={t('new.luogo.comuneHint')}
            value={draft.comune}
            error={error('comune')}
            onChange={(comune) => update({ comune })}
          />
          <Field
            label={ride ? t('new.luogo.addressRide') : t('new.luogo.address')}
            hint={t('new.luogo.addressHint')}
            autoComplete="street-address"
            {...text('address')}
          />
        </>
      );
    case 'destinazione':
      return (
        <>
          <Field
            label={t('new.destinazione.place')}
            hint={t('new.destinazione.placeHint')}
            autoComplete="off"
            {...text('destinationPlace')}
          />
          <ComunePicker
            id={needFieldId('destinationComune')}
            label={t('new.luogo.comune')}
            hint={t('new.luogo.comuneHint')}
            value={draft.destinationComune}
            error={error('destinationComune')}
            onChange={(destinationComune) => update({ destinationComune })}
          />
        </>
      );
    case 'appuntamento':
      return (
        <>
          <Field
            label={t('new.appuntamento.date')}
            hint={dateHint}
            autoComplete="off"
            {...text('appointmentDate')}
          />
          <Field
            label={t('new.appuntamento.time')}
            hint={timeHint}
            autoComplete="off"
            className="input-short"
            {...text('appointmentTime')}
          />
        </>
      );
    case 'ritorno':
      return (
        <>
          <Radios
            id={needFieldId('returnTrip')}
            legend={t('new.ritorno.title')}
            legendHidden
            error={error('returnTrip')}
            value={draft.returnTrip}
            options={[
              { value: 'YES', label: t('new.ritorno.yes') },
              { value: 'NO', label: t('new.ritorno.no') },
            ]}
            onChange={(returnTrip) => update({ returnTrip })}
          />
          {draft.returnTrip === 'YES' ? (
            <div className="conditional-reveal mb-4">
              <Field
                label={t('new.ritorno.time')}
                hint={t('new.ritorno.timeHint')}
                autoComplete="off"
                className="input-short"
                {...text('returnTime')}
              />
            </div>
          ) : null}
        </>
      );
    case 'viaggio':
      return (
        <>
          <Field
            label={t('new.viaggio.passengers')}
            hint={t('new.viaggio.passengersHint')}
            inputMode="numeric"
            autoComplete="off"
            className="input-short"
            {...text('passengers')}
            value={draft.passengers ?? '1'}
          />
          <Checkbox label={t('new.viaggio.wheelchair')} {...tick('wheelchair')} />
          <Checkbox label={t('new.viaggio.escortWaits')} {...tick('escortWaits')} />
        </>
      );
    case 'quando':
      return (
        <>
          <Field label={t('new.quando.day')} hint={dateHint} autoComplete="off" {...text('day')} />
          <Field
            label={t('new.quando.from')}
            hint={timeHint}
            autoComplete="off"
            className="input-short"
            {...text('fromTime')}
          />
          <Field label={t('new.quando.to')} autoComplete="off" className="input-short" {...text('toTime')} />
        </>
      );
    case 'orari':
      return <WeeklySlots draft={draft} update={update} errors={errors} />;
    case 'condivisione':
      return (
        <>
          <Radios
            id={needFieldId('willingToShare')}
            legend={t('new.condivisione.title')}
            legendHidden
            hint={t('new.condivisione.hint')}
            error={error('willingToShare')}
            value={draft.willingToShare}
            options={[
              { value: 'YES', label: t('new.condivisione.yes') },
              { value: 'NO', label: t('new.condivisione.no') },
            ]}
            onChange={(willingToShare) => update({ willingToShare })}
          />
          <Field
            label={t('new.condivisione.maxPrice')}
            hint={t('new.condivisione.maxPriceHint')}
            inputMode="decimal"
            autoComplete="off"
            className="input-short"
            {...text('maxPricePerHour')}
          />
        </>
      );
    case 'periodo':
      return (
        <>
          <Field label={t('new.periodo.start')} hint={dateHint} autoComplete="off" {...text('startDay')} />
          <Field
            label={t('new.periodo.end')}
            hint={t('new.periodo.endHint')}
            autoComplete="off"
            {...text('endDay')}
          />
        </>
      );
    case 'descrizione':
      return (
        <TextArea
          label={t('new.descrizione.label')}
          hint={t('new.descrizione.hint')}
          {...text('description')}
        />
      );
    case 'salute':
      return (
        <>
          <div className="readable mb-3">
            <p>{t('new.salute.explain')}</p>
            <p>{t('new.salute.who')}</p>
          </div>
          <Radios
            id={needFieldId('healthNotes')}
            legend={t('new.salute.title')}
            legendHidden
            error={error('healthNotes')}
            value={draft.healthNotes}
            options={[
              { value: 'NO', label: t('new.salute.no') },
              { value: 'YES', label: t('new.salute.yes') },
            ]}
            onChange={(healthNotes) => update({ healthNotes })}
          />
          {draft.healthNotes === 'YES' ? (
            <div className="conditional-reveal mb-4">
              <TextArea label={t('new.salute.notes')} {...text('sensitiveNotes')} />
              {healthConsentGiven ? <p>{t('new.salute.consentGiven')}</p> : null}
              <p id={`${needFieldId('healthConsent')}-hint`} className="form-field__hint">
                {t('new.salute.consentHint')}
              </p>
              <Checkbox
                label={t('new.salute.consent')}
                {...tick('healthConsent')}
                aria-describedby={[
                  `${needFieldId('healthConsent')}-hint`,
                  error('healthConsent') ? `${needFieldId('healthConsent')}-error` : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
              />
            </div>
          ) : null}
        </>
      );
  }
}

function WeeklySlots({
  draft,
  update,
  errors,
}: {
  draft: NeedDraft;
  update: (patch: Partial<NeedDraft>) => void;
  errors: Record<string, string>;
}) {
  const { t } = useCitizenTranslation();
  const slots: WeeklySlotAnswer[] = draft.weeklySlots?.length
    ? draft.weeklySlots
    : [{ dayOfWeek: '', start: '', end: '' }];
  const set = (index: number, patch: Partial<WeeklySlotAnswer>) =>
    update({ weeklySlots: slots.map((slot, i) => (i === index ? { ...slot, ...patch } : slot)) });
  const minutes = slots.reduce((total, slot) => {
    const start = parseTime(slot.start);
    const end = parseTime(slot.end, { allowMidnightEnd: true });
    if (!start || !end) return total;
    return total + Math.max(0, end.hour * 60 + end.minute - (start.hour * 60 + start.minute));
  }, 0);
  return (
    <>
      <p className="form-field__hint mb-4">{t('new.orari.hint')}</p>
      {slots.map((slot, index) => {
        const field = (name: string) => needFieldId(`weeklySlots.${index}.${name}`);
        return (
          <fieldset key={index} className="weekly-slot mb-3">
            <legend className="form-field__label">{t('new.orari.slot', { number: index + 1 })}</legend>
            <Select
              id={field('dayOfWeek')}
              label={t('new.orari.day')}
              error={errors[field('dayOfWeek')]}
              value={slot.dayOfWeek}
              onChange={(event) => set(index, { dayOfWeek: event.target.value })}
            >
              <option value="">{t('new.orari.chooseDay')}</option>
              <Options values={DAYS} labelOf={(day) => t(`weekdays.${day}`)} />
            </Select>
            <Field
              id={field('start')}
              label={t('new.orari.start')}
              hint={t('new.appuntamento.timeHint')}
              autoComplete="off"
              className="input-short"
              error={errors[field('start')]}
              value={slot.start}
              onChange={(event) => set(index, { start: event.target.value })}
            />
            <Field
              id={field('end')}
              label={t('new.orari.end')}
              autoComplete="off"
              className="input-short"
              error={errors[field('end')]}
              value={slot.end}
              onChange={(event) => set(index, { end: event.target.value })}
            />
            {slots.length > 1 ? (
              <button
                type="button"
                className="btn btn-outline-secondary"
                onClick={() => update({ weeklySlots: slots.filter((_, i) => i !== index) })}
              >
                {t('new.orari.remove', { number: index + 1 })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button
        type="button"
        className="btn btn-outline-primary mb-3"
        onClick={() => update({ weeklySlots: [...slots, { dayOfWeek: '', start: '', end: '' }] })}
      >
        {t('new.orari.add')}
      </button>
      <p aria-live="polite">{t('new.orari.weeklyHours', { hours: Math.round((minutes / 60) * 10) / 10 })}</p>
    </>
  );
}
