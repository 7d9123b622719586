import { type FormEvent, useState } from 'react';
import { Checkbox, Field, type FormError, type FormErrors, useServerErrors } from '../forms';
import { useTranslation } from '../i18n';

export interface Period {
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ENDS = ['from', 'to'] as const;

/** The days of a period the form could not send (empty or not a date), each at its field. */
export function periodProblems(period: Period, ids: Period, message: string): FormError[] {
  return ENDS.filter((end) => !DAY.test(period[end])).map((end) => ({ fieldId: ids[end], message }));
}

/**
 * The filter of an indicator page: what is being typed (`input`) and what the page shows
 * (`applied`), which changes only when `apply` finds both days good; otherwise `errors` says which.
 * `fields` are the props of PeriodFields.
 */
export function usePeriodFilter<Filter extends Period>(initial: () => Filter, ids: Period) {
  const { t } = useTranslation();
  const [input, setInput] = useState(initial);
  const [applied, setApplied] = useState(input);
  const errors = useServerErrors();

  function apply(event: FormEvent) {
    event.preventDefault();
    const problems = periodProblems(input, ids, t('console.desk.missingDay'));
    if (problems.length) {
      errors.show(problems);
      return;
    }
    errors.clear();
    setApplied(input);
  }

  const fields = {
    ids,
    value: input,
    onChange: (period: Period) => setInput({ ...input, ...period }),
    errors,
  };
  return { input, setInput, applied, errors, apply, fields };
}

/** "Dal giorno" and "Al giorno" of the indicator pages, typed or picked, with their errors. */
export function PeriodFields({
  ids,
  value,
  onChange,
  errors,
}: {
  ids: Period;
  value: Period;
  onChange: (next: Period) => void;
  errors: FormErrors;
}) {
  const { t } = useTranslation();
  return (
    <>
      {ENDS.map((end) => (
        <Field
          key={end}
          id={ids[end]}
          type="date"
          label={t(`console.indicators.${end}`)}
          error={errors.byField[ids[end]]}
          value={value[end]}
          onChange={(event) => onChange({ ...value, [end]: event.target.value })}
        />
      ))}
    </>
  );
}

/** The end of an indicator page's filters: "live figures" (not the last snapshot) and the button that applies them. */
export function LiveAndApply<Filter extends Period & { live: boolean }>({
  id,
  filter: { input, setInput },
}: {
  id: string;
  filter: { input: Filter; setInput: (next: Filter) => void };
}) {
  const { t } = useTranslation();
  return (
    <>
      <Checkbox
        id={id}
        label={t('console.indicators.liveLabel')}
        checked={input.live}
        onChange={(event) => setInput({ ...input, live: event.target.checked })}
      />
      <button type="submit" className="btn btn-primary mb-4">
        {t('console.indicators.apply')}
      </button>
    </>
  );
}
