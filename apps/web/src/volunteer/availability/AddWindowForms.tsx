import { useMutation } from '@apollo/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADD_AVAILABILITY_WINDOW } from '../operations';
import { romeInstant } from './rome-time';
import { parseTypedClock, parseTypedDate } from './typed-times';
import { WEEK_DAYS } from './week-grid';

interface AddWindowFormsProps {
  onAdded: (message: string) => void | Promise<void>;
}

type FieldErrors = Record<string, string>;

/** Exact additions beside the grid: a weekly window to the minute, or one particular day. */
export function AddWindowForms({ onAdded }: AddWindowFormsProps) {
  const { t } = useTranslation('volunteer');
  const [addWindow, { loading }] = useMutation(ADD_AVAILABILITY_WINDOW);
  const [weekly, setWeekly] = useState({ day: '1', start: '', end: '' });
  const [oneOff, setOneOff] = useState({ date: '', start: '', end: '' });
  const [weeklyErrors, setWeeklyErrors] = useState<FieldErrors>({});
  const [oneOffErrors, setOneOffErrors] = useState<FieldErrors>({});

  const checkTimes = (start: string, end: string, prefix: string): { start: string; end: string } | FieldErrors => {
    const from = parseTypedClock(start);
    const to = parseTypedClock(end);
    const errors: FieldErrors = {};
    if (!from || from === '24:00') errors[`${prefix}-start`] = t('availability.errors.timeInvalid');
    if (!to) errors[`${prefix}-end`] = t('availability.errors.timeInvalid');
    else if (from && to <= from) errors[`${prefix}-end`] = t('availability.errors.endBeforeStart');
    return Object.keys(errors).length ? errors : { start: from as string, end: to as string };
  };

  const focusFirst = (errors: FieldErrors) => {
    const first = Object.keys(errors)[0];
    if (first) document.getElementById(first)?.focus();
  };

  const send = async (input: unknown, setErrors: (errors: FieldErrors) => void, field: string) => {
    try {
      await addWindow({ variables: { input: input as never } });
      setErrors({});
      await onAdded(t('availability.added'));
      return true;
    } catch (caught) {
      setErrors({ [field]: (caught as Error).message });
      focusFirst({ [field]: '' });
      return false;
    }
  };

  const submitWeekly = async () => {
    const times = checkTimes(weekly.start, weekly.end, 'weekly');
    if (!('start' in times)) {
      setWeeklyErrors(times);
      focusFirst(times);
      return;
    }
    const input = { recurring: { dayOfWeek: Number(weekly.day), start: times.start, end: times.end } };
    if (await send(input, setWeeklyErrors, 'weekly-end')) setWeekly({ day: weekly.day, start: '', end: '' });
  };

  const submitOneOff = async () => {
    const errors: FieldErrors = {};
    const date = parseTypedDate(oneOff.date);
    if (!oneOff.date.trim()) errors['oneoff-date'] = t('availability.errors.dateRequired');
    else if (!date) errors['oneoff-date'] = t('availability.errors.dateInvalid');
    const times = checkTimes(oneOff.start, oneOff.end, 'oneoff');
    if (!('start' in times)) Object.assign(errors, times);
    if (Object.keys(errors).length || !date || !('start' in times)) {
      setOneOffErrors(errors);
      focusFirst(errors);
      return;
    }
    const startsAt = romeInstant(date, times.start);
    const endsAt = romeInstant(date, times.end);
    if (endsAt.getTime() <= Date.now()) {
      setOneOffErrors({ 'oneoff-end': t('availability.errors.past') });
      focusFirst({ 'oneoff-end': '' });
      return;
    }
    const input = { oneOff: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } };
    if (await send(input, setOneOffErrors, 'oneoff-end')) setOneOff({ date: '', start: '', end: '' });
  };

  const timeField = (id: string, label: string, value: string, errors: FieldErrors, onChange: (value: string) => void) => (
    <div className="form-group col-6 col-md-3">
      <label htmlFor={id} className="active">
        {label}
      </label>
      <small id={`${id}-hint`} className="form-text d-block">
        {t('availability.timeHint')}
      </small>
      {errors[id] && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {errors[id]}
        </div>
      )}
      <input
        id={id}
        className={errors[id] ? 'form-control is-invalid' : 'form-control'}
        inputMode="numeric"
        autoComplete="off"
        value={value}
        aria-invalid={errors[id] ? true : undefined}
        aria-describedby={`${id}-hint${errors[id] ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );

  return (
    <>
      <form
        className="mb-5"
        noValidate
        aria-labelledby="add-weekly-title"
        onSubmit={(event) => {
          event.preventDefault();
          void submitWeekly();
        }}
      >
        <h3 id="add-weekly-title" className="h5">
          {t('availability.addWeeklyTitle')}
        </h3>
        <div className="row align-items-end">
          <div className="form-group col-12 col-md-4">
            <label htmlFor="weekly-day" className="active">
              {t('availability.day')}
            </label>
            <select
              id="weekly-day"
              className="form-select"
              value={weekly.day}
              onChange={(event) => setWeekly({ ...weekly, day: event.target.value })}
            >
              {WEEK_DAYS.map((day) => (
                <option key={day} value={day}>
                  {t(`days.${day}`)}
                </option>
              ))}
            </select>
          </div>
          {timeField('weekly-start', t('availability.from'), weekly.start, weeklyErrors, (start) =>
            setWeekly({ ...weekly, start }),
          )}
          {timeField('weekly-end', t('availability.to'), weekly.end, weeklyErrors, (end) => setWeekly({ ...weekly, end }))}
        </div>
        <button type="submit" className="btn btn-outline-primary" disabled={loading}>
          {t('availability.add')}
        </button>
      </form>

      <form
        noValidate
        aria-labelledby="add-oneoff-title"
        onSubmit={(event) => {
          event.preventDefault();
          void submitOneOff();
        }}
      >
        <h3 id="add-oneoff-title" className="h5">
          {t('availability.addOneOffTitle')}
        </h3>
        <p>{t('availability.addOneOffLead')}</p>
        <div className="row align-items-end">
          <div className="form-group col-12 col-md-4">
            <label htmlFor="oneoff-date" className="active">
              {t('availability.date')}
            </label>
            <small id="oneoff-date-hint" className="form-text d-block">
              {t('availability.dateHint')}
            </small>
            {oneOffErrors['oneoff-date'] && (
              <div id="oneoff-date-error" className="invalid-feedback d-block">
                {oneOffErrors['oneoff-date']}
              </div>
            )}
            <input
              id="oneoff-date"
              className={oneOffErrors['oneoff-date'] ? 'form-control is-invalid' : 'form-control'}
              inputMode="numeric"
              autoComplete="off"
              value={oneOff.date}
              aria-invalid={oneOffErrors['oneoff-date'] ? true : undefined}
              aria-describedby={`oneoff-date-hint${oneOffErrors['oneoff-date'] ? ' oneoff-date-error' : ''}`}
              onChange={(event) => setOneOff({ ...oneOff, date: event.target.value })}
            />
          </div>
          {timeField('oneoff-start', t('availability.from'), oneOff.start, oneOffErrors, (start) =>
            setOneOff({ ...oneOff, start }),
          )}
          {timeField('oneoff-end', t('availability.to'), oneOff.end, oneOffErrors, (end) => setOneOff({ ...oneOff, end }))}
        </div>
        <button type="submit" className="btn btn-outline-primary" disabled={loading}>
          {t('availability.add')}
        </button>
      </form>
    </>
  );
}
