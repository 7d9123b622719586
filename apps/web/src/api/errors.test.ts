import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { isStepUpRequired, messageOf, problemsOf } from './errors';

const messages: Record<string, string> = {
  'errors.OTP_INVALID': 'wrong, {{attemptsRemaining}} left',
  'errors.RATE_LIMITED': 'wait {{minutes}} min',
  'errors.RATE_LIMITED_SECONDS': 'wait {{count}} s',
  'errors.INTERNAL_SERVER_ERROR': 'oops',
};
const t = (key: string, options: Record<string, unknown> = {}) =>
  (messages[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
const exists = (key: string) => key in messages;

function graphQLError(extensions: Record<string, unknown>, message = 'server says'): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({ errors: [{ message, extensions }] });
}

describe('problemsOf / messageOf', () => {
  it('keeps the field the api names and its params', () => {
    const [problem] = problemsOf(graphQLError({ code: 'OTP_INVALID', field: 'code', attemptsRemaining: 2 }));
    expect(problem).toMatchObject({ code: 'OTP_INVALID', field: 'code', params: { attemptsRemaining: 2 } });
    expect(messageOf(problem, t, exists)).toBe('wrong, 2 left');
  });

  it('splits an input validation error into one problem per field', () => {
    const problems = problemsOf(
      graphQLError({
        code: 'INVALID_INPUT',
        field: 'phone',
        problems: [
          { field: 'phone', code: 'FIELD_REQUIRED', message: 'phone is required' },
          { field: 'language', code: 'FIELD_INVALID', message: 'language is invalid' },
        ],
      }),
    );
    expect(problems.map((problem) => problem.field)).toEqual(['phone', 'language']);
    // Unknown codes fall back to the api's message (already in the caller's language).
    expect(messageOf(problems[1], t, exists)).toBe('language is invalid');
  });

  it('says minutes or seconds for RATE_LIMITED', () => {
    const [long] = problemsOf(graphQLError({ code: 'RATE_LIMITED', field: 'phone', retryAfterSeconds: 900 }));
    const [short] = problemsOf(graphQLError({ code: 'RATE_LIMITED', retryAfterSeconds: 45 }));
    expect(messageOf(long, t, exists)).toBe('wait 15 min');
    expect(messageOf(short, t, exists)).toBe('wait 45 s');
  });

  it('treats a failed fetch as the network being down', () => {
    expect(problemsOf(new TypeError('Failed to fetch'))).toEqual([{ code: 'NETWORK', params: {} }]);
  });

  it('tells STEP_UP_REQUIRED apart, so that the page offers the SPID/CIE sign-in', () => {
    expect(isStepUpRequired(graphQLError({ code: 'STEP_UP_REQUIRED' }))).toBe(true);
    expect(isStepUpRequired(graphQLError({ code: 'FORBIDDEN' }))).toBe(false);
    expect(isStepUpRequired(undefined)).toBe(false);
  });
});
