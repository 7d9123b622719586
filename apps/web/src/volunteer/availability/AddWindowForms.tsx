import { useMutation } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { ApiForm, Field, useServerErrors, type FormError, type FormErrors } from '../../forms';
import { Options, SelectField } from '../../forms/controls';
import { useVolunteerTranslation } from '../i18n';
import { ADD_AVAILABILITY_WINDOW } from '../operations';
import { romeInstant } from '../../rome-time';
import { parseTypedClock, parseTypedDate } from './typed-times';
import { WEEK_DAYS } from './week-grid';

interface AddWindowFormsProps {
  onAdded: (message: string) => void | Promise<void>;
}

/** Exact additions beside the grid: a weekly window to the minute, or one particular day. */
export function AddWindowForms({ onAdded }: AddWindowFormsProps) {
  const { t, tApp } = useVolunteerTranslation();
  const [addWindow, { loading }] = useMutation(ADD_AVAILABILITY_WINDOW);
  const [weekly, setWeekly] = useState({ day: '1', start: '', end: '' });
  const [oneOff, setOneOff] = useState({ date: '', start: '', end: '' });
  const weeklyErrors = useServerErrors();
  const oneOffErrors = useServerErrors();

  /** Both times read, or the problems with them. */
  const checkTimes = (start: string, end: string, prefix: string) => {
    const from = parseTypedClock(start);
    const to = parseTypedClock(end);
    const problems: FormError[] = [];
    if (!from || from === '24:00')
      problems.push({ fieldId: `${prefix}-start`, message: t('availability.errors.timeInvalid') });
    if (!to) problems.push({ fieldId: `${prefix}-end`, message: t('availability.errors.timeInvalid') });
    else if (from && to <= from)
      problems.push({ fieldId: `${prefix}-end`, message: t('availability.errors.endBeforeStart') });
    return { from, to, problems };
  };

  const submitWeekly = async () => {
    const { from, to, problems } = checkTimes(weekly.start, weekly.end, 'weekly');
    if (problems.length || !from || !to) {
      weeklyErrors.show(problems);
      return;
    }
    weeklyErrors.clear();
    try {
      await addWindow({
        variables: { input: { recurring: { dayOfWeek: Number(weekly.day), start: from, end: to } } },
      });
      setWeekly({ day: weekly.day, start: '', end: '' });
      await onAdded(t('availability.added'));
    } catch (caught) {
      weeklyErrors.showApiError(caught, {
        'recurring.start': 'weekly-start',
        'recurring.end': 'weekly-end',
        'recurring.dayOfWeek': 'weekly-day',
      });
    }
  };

  const submitOneOff = async () => {
    const problems: FormError[] = [];
    const date = parseTypedDate(oneOff.date);
    if (!oneOff.date.trim())
      problems.push({ fieldId: 'oneoff-date', message: t('availability.errors.dateRequired') });
    else if (!date) problems.push({ fieldId: 'oneoff-date', message: t('availability.errors.dateInvalid') });
    const times = checkTimes(oneOff.start, oneOff.end, 'oneoff');
    problems.push(...times.problems);
    if (problems.length || !date || !times.from || !times.to) {
      oneOffErrors.show(problems);
      return;
    }
    const startsAt = romeInstant(date, times.from);
    const endsAt = romeInstant(date, times.to);
    if (endsAt.getTime() <= Date.now()) {
      oneOffErrors.show([{ fieldId: 'oneoff-date', message: t('availability.errors.past') }]);
      return;
    }
    oneOffErrors.clear();
    try {
      await addWindow({
        variables: { input: { oneOff: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } } },
      });
      setOneOff({ date: '', start: '', end: '' });
      await onAdded(t('availability.added'));
    } catch (caught) {
      oneOffErrors.showApiError(caught, { 'oneOff.startsAt': 'oneoff-start', 'oneOff.endsAt': 'oneoff-end' });
    }
  };

  return (
    <div className="readable">
      <AddSection
        id="add-weekly-title"
        title={t('availability.addWeeklyTitle')}
        errors={weeklyErrors}
        onSubmit={() => void submitWeekly()}
        busy={loading}
      >
        <SelectField
          id="weekly-day"
          label={t('availability.day')}
          error={weeklyErrors.byField['weekly-day']}
          value={weekly.day}
          onChange={(event) => setWeekly({ ...weekly, day: event.target.value })}
        >
          <Options values={WEEK_DAYS} labelOf={(day) => tApp(`weekday.d${day}`)} />
        </SelectField>
        <TimeRangeFields
          prefix="weekly"
          errors={weeklyErrors}
          value={weekly}
          onChange={(times) => setWeekly({ ...weekly, ...times })}
        />
      </AddSection>

      <AddSection
        id="add-oneoff-title"
        title={t('availability.addOneOffTitle')}
        lead={t('availability.addOneOffLead')}
        errors={oneOffErrors}
        onSubmit={() => void submitOneOff()}
        busy={loading}
      >
        <Field
          id="oneoff-date"
          label={t('availability.date')}
          hint={t('availability.dateHint')}
          error={oneOffErrors.byField['oneoff-date']}
          inputMode="numeric"
          autoComplete="off"
          value={oneOff.date}
          onChange={(event) => setOneOff({ ...oneOff, date: event.target.value })}
        />
        <TimeRangeFields
          prefix="oneoff"
          errors={oneOffErrors}
          value={oneOff}
          onChange={(times) => setOneOff({ ...oneOff, ...times })}
        />
      </AddSection>
    </div>
  );
}

/** From and to, typed as hours and minutes (09:30); ids `${prefix}-start` and `${prefix}-end`, as checkTimes names them. */
function TimeRangeFields({
  prefix,
  errors,
  value,
  onChange,
}: {
  prefix: string;
  errors: FormErrors;
  value: { start: string; end: string };
  onChange: (times: { start?: string; end?: string }) => void;
}) {
  const { t } = useVolunteerTranslation();
  return (
    <div className="d-flex flex-wrap gap-3">
      <Field
        id={`${prefix}-start`}
        label={t('availability.from')}
        hint={t('availability.timeHint')}
        error={errors.byField[`${prefix}-start`]}
        inputMode="numeric"
        autoComplete="off"
        value={value.start}
        onChange={(event) => onChange({ start: event.target.value })}
      />
      <Field
        id={`${prefix}-end`}
        label={t('availability.to')}
        hint={t('availability.timeHint')}
        error={errors.byField[`${prefix}-end`]}
        inputMode="numeric"
        autoComplete="off"
        value={value.end}
        onChange={(event) => onChange({ end: event.target.value })}
      />
    </div>
  );
}

/** One way of adding: its title, errors (with a retry when the api was unreachable), fields and "Aggiungi". */
function AddSection({
  id,
  title,
  lead,
  errors,
  onSubmit,
  busy,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  errors: FormErrors;
  onSubmit: () => void;
  busy: boolean;
  children: ReactNode;
}) {
  const { t } = useVolunteerTranslation();
  return (
    <section aria-labelledby={id} className="mb-5">
      <h3 id={id} className="h4">
        {title}
      </h3>
      {lead ? <p>{lead}</p> : null}
      <ApiForm errors={errors} onSubmit={onSubmit}>
        {children}
        <button type="submit" className="btn btn-outline-primary" disabled={busy}>
          {t('availability.add')}
        </button>
      </ApiForm>
    </section>
  );
}
