import { isNetworkProblem, messageOf, problemsOf } from '../api/errors';
import type { FormErrors } from '../forms';
import { exists, translate } from '../i18n';

/**
 * An api error shown at its fields, with the console's own words for the codes it knows
 * (`console.apiErrors.<CODE>`): the api's message names the input's field ("(to)"), which a person
 * at the desk does not need to read. Other codes keep the app's or the api's message. `ownMessages`:
 * a page's own key of messages by code (e.g. "ets.errors"), tried first.
 */
export function showConsoleApiError(
  errors: FormErrors,
  error: unknown,
  fieldIds: Record<string, string> = {},
  ownMessages?: string,
): void {
  const problems = problemsOf(error);
  if (isNetworkProblem(problems)) {
    errors.showApiError(error, fieldIds);
    return;
  }
  errors.show(
    problems.map((problem) => {
      const page = ownMessages ? `${ownMessages}.${problem.code}` : '';
      const own = page && exists(page) ? page : `console.apiErrors.${problem.code}`;
      return {
        fieldId: problem.field ? fieldIds[problem.field] : undefined,
        message: exists(own) ? translate(own, problem.params) : messageOf(problem, translate, exists),
      };
    }),
  );
}
