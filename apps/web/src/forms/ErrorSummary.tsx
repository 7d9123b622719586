import { useEffect, useRef } from 'react';
import { useTranslation } from '../i18n';
import { StepUpAction } from './StepUp';
import type { FormErrors } from './useServerErrors';

/**
 * The GOV.UK error summary with the Bootstrap Italia look: at the top of the form, a link to each
 * field, and it takes focus on every submit that fails so that a screen reader reads it.
 */
export function ErrorSummary({ errors }: { errors: FormErrors }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.version > 0 && errors.all.length) ref.current?.focus();
  }, [errors.version, errors.all.length]);
  if (!errors.all.length) return null;
  return (
    <div
      ref={ref}
      className="alert alert-danger error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" className="h5">
        {t('form.errorSummaryTitle')}
      </h2>
      <ul className="mb-0">
        {errors.all.map((error, index) =>
          error.fieldId ? (
            <li key={index}>
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(error.fieldId as string)?.focus();
                }}
              >
                {error.message}
              </a>
            </li>
          ) : (
            <li key={index}>{error.message}</li>
          ),
        )}
      </ul>
      {errors.all.some((error) => error.code === 'STEP_UP_REQUIRED') ? <StepUpAction /> : null}
    </div>
  );
}
