import { type ApiProblem, isNetworkProblem, messageOf, problemsOf } from '../api/errors';
import type { FormErrors } from '../forms';
import { exists, type TranslateOptions } from '../i18n';

type AppTranslate = (key: string, options?: TranslateOptions) => string;

// The api's generic input codes name the field in its own words ("Il campo email non è valido"): ours say it plainly.
const GENERIC_CODES = ['FIELD_INVALID', 'FIELD_REQUIRED', 'FIELD_TOO_LONG'];

/**
 * Our plain words for a problem: for a generic code, citizen.errors.fields.<field> ("familyContact.phone"
 * as familyContact_phone); else citizen.errors.codes.<CODE>, the app's errors.<CODE>, or the api's own.
 */
export function problemText(problem: ApiProblem, tApp: AppTranslate): string {
  const byField = `citizen.errors.fields.${(problem.field ?? '').replace(/\./g, '_')}`;
  if (problem.field && GENERIC_CODES.includes(problem.code) && exists(byField))
    return tApp(byField, problem.params);
  const own = `citizen.errors.codes.${problem.code}`;
  if (exists(own)) return tApp(own, problem.params);
  return messageOf(problem, tApp, exists);
}

/** An api error in our plain words, every problem of it, as one text for an alert. */
export function problemsText(error: unknown, tApp: AppTranslate): string {
  return problemsOf(error)
    .map((problem) => problemText(problem, tApp))
    .join(' ');
}

/**
 * Shows an api error in a form: each problem at the input its field maps to (fieldIds: api field →
 * input id), the others in the summary only; the api unreachable as the kit's retry.
 */
export function showProblems(
  errors: FormErrors,
  error: unknown,
  fieldIds: Record<string, string>,
  tApp: AppTranslate,
): ApiProblem[] {
  const problems = problemsOf(error);
  if (isNetworkProblem(problems)) return errors.showApiError(error);
  errors.show(
    problems.map((problem) => ({
      fieldId: problem.field ? fieldIds[problem.field] : undefined,
      message: problemText(problem, tApp),
    })),
  );
  return problems;
}
