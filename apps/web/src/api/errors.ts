import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

/** One problem the api reported, as the form kit shows it: a stable code, the field it names, its params. */
export interface ApiProblem {
  code: string;
  /** The input field the api named (extensions.field, or each of extensions.problems). */
  field?: string;
  params: Record<string, unknown>;
  /** The api's own message (already in the request's language): the fallback for unknown codes. */
  serverMessage?: string;
}

interface FormattedProblem {
  field?: unknown;
  code?: unknown;
  message?: unknown;
}

/** Reads an Apollo error into problems; a network failure or an unreadable answer is code NETWORK. */
export function problemsOf(error: unknown): ApiProblem[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.flatMap((graphQLError): ApiProblem[] => {
      const extensions = (graphQLError.extensions ?? {}) as Record<string, unknown>;
      const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
      const nested = Array.isArray(extensions.problems) ? (extensions.problems as FormattedProblem[]) : [];
      if (nested.length) {
        return nested.map((problem) => ({
          code: typeof problem.code === 'string' ? problem.code : code,
          field: typeof problem.field === 'string' ? problem.field : undefined,
          params: {},
          serverMessage: typeof problem.message === 'string' ? problem.message : undefined,
        }));
      }
      const { code: _code, field, problems: _problems, ...params } = extensions;
      return [
        {
          code,
          field: typeof field === 'string' ? field : undefined,
          params,
          serverMessage: graphQLError.message,
        },
      ];
    });
  }
  if (ServerError.is(error) && error.statusCode === 429) return [{ code: 'RATE_LIMITED', params: {} }];
  if (
    ServerError.is(error) &&
    error.statusCode >= 500 &&
    error.statusCode !== 502 &&
    error.statusCode !== 503
  ) {
    return [{ code: 'INTERNAL_SERVER_ERROR', params: {} }];
  }
  if (ServerError.is(error) || ServerParseError.is(error) || error instanceof TypeError) {
    return [{ code: 'NETWORK', params: {} }];
  }
  return [{ code: 'NETWORK', params: {} }];
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;
export type KeyExists = (key: string) => boolean;

/** The message for a problem: ours for known codes (with the api's params), else the api's own text. */
export function messageOf(problem: ApiProblem, t: Translate, exists: KeyExists): string {
  if (problem.code === 'RATE_LIMITED') {
    const seconds = Number(problem.params.retryAfterSeconds ?? 60);
    return seconds < 120
      ? t('errors.RATE_LIMITED_SECONDS', { count: seconds })
      : t('errors.RATE_LIMITED', { minutes: Math.ceil(seconds / 60) });
  }
  const key = `errors.${problem.code}`;
  if (exists(key)) return t(key, problem.params);
  return problem.serverMessage ?? t('errors.INTERNAL_SERVER_ERROR');
}

export const isNetworkProblem = (problems: ApiProblem[]): boolean =>
  problems.some((problem) => problem.code === 'NETWORK');

/** The staff operation needs a SPID level 2+ or CIE session: the page offers that sign-in (StepUp). */
export const isStepUpRequired = (error: unknown): boolean =>
  error !== undefined && problemsOf(error).some((problem) => problem.code === 'STEP_UP_REQUIRED');
