import { useCallback, useState } from 'react';
import { useTranslation } from '../i18n';
import { type ApiProblem, isNetworkProblem, messageOf, problemsOf } from '../api/errors';

/** One error as a form shows it: the message, and the id of the input it belongs to (if any). */
export interface FormError {
  fieldId?: string;
  message: string;
  /** The api's error code, when the error came from the api (STEP_UP_REQUIRED adds its sign-in). */
  code?: string;
}

export interface FormErrors {
  /** Every error, in order, for the ErrorSummary. */
  all: FormError[];
  /** The message shown beside a field, by the field's id. */
  byField: Record<string, string>;
  /** True when the last failure was the api being unreachable (offer a retry, keep the input). */
  unreachable: boolean;
  /** Increases on every show(): the ErrorSummary takes focus when it changes. */
  version: number;
  /** Shows errors the form found itself (before asking the api). */
  show(errors: FormError[]): void;
  /**
   * Shows an api error. fieldIds maps the api's field names (extensions.field) to input ids;
   * problems naming no known field go to the summary only.
   */
  showApiError(error: unknown, fieldIds?: Record<string, string>): ApiProblem[];
  clear(): void;
}

export function useServerErrors(): FormErrors {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState<FormError[]>([]);
  const [unreachable, setUnreachable] = useState(false);
  const [version, setVersion] = useState(0);

  const show = useCallback((errors: FormError[]) => {
    setAll(errors);
    setUnreachable(false);
    setVersion((current) => current + 1);
  }, []);

  const showApiError = useCallback(
    (error: unknown, fieldIds: Record<string, string> = {}) => {
      const problems = problemsOf(error);
      const translate = (key: string, options?: Record<string, unknown>) => t(key, options);
      if (isNetworkProblem(problems)) {
        setAll([]);
        setUnreachable(true);
      } else {
        setAll(
          problems.map((problem) => ({
            fieldId: problem.field ? fieldIds[problem.field] : undefined,
            message: messageOf(problem, translate, (key) => i18n.exists(key)),
            code: problem.code,
          })),
        );
        setUnreachable(false);
      }
      setVersion((current) => current + 1);
      return problems;
    },
    [t, i18n],
  );

  const clear = useCallback(() => {
    setAll([]);
    setUnreachable(false);
  }, []);

  const byField: Record<string, string> = {};
  for (const error of all) {
    if (error.fieldId && !byField[error.fieldId]) byField[error.fieldId] = error.message;
  }
  return { all, byField, unreachable, version, show, showApiError, clear };
}
