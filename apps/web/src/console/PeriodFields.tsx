import { Field, type FormError, type FormErrors } from '../forms';
import { useTranslation } from '../i18n';

export interface Period {
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The days of a period the form could not send (empty or not a date), each at its field. */
export function periodProblems(period: Period, ids: Period, message: string): FormError[] {
  return (['from', 'to'] as const)
    .filter((end) => !DAY.test(period[end]))
    .map((end) => ({ fieldId: ids[end], message }));
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
      <Field
        id={ids.from}
        type="date"
        label={t('console.indicators.from')}
        error={errors.byField[ids.from]}
        value={value.from}
        onChange={(event) => onChange({ ...value, from: event.target.value })}
      />
      <Field
        id={ids.to}
        type="date"
        label={t('console.indicators.to')}
        error={errors.byField[ids.to]}
        value={value.to}
        onChange={(event) => onChange({ ...value, to: event.target.value })}
      />
    </>
  );
}
