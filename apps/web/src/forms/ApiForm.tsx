import type { FormHTMLAttributes, ReactNode } from 'react';
import { ErrorSummary } from './ErrorSummary';
import { Unreachable } from './Unreachable';
import type { FormErrors } from './useServerErrors';

export type ApiFormProps = Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'noValidate'> & {
  errors: FormErrors;
  /** Sends the form: on submit (the browser's submit prevented) and on the retry's button. */
  onSubmit: () => unknown;
  children?: ReactNode;
};

/**
 * A form that sends to the api, with its frame: the ErrorSummary above it, the "api unreachable"
 * retry when the api could not be reached, then the form (no browser validation, the other props
 * passed on). The summary keeps its focus behaviour: it takes focus on every failed submit.
 */
export function ApiForm({ errors, onSubmit, children, ...form }: ApiFormProps) {
  return (
    <>
      <ErrorSummary errors={errors} />
      {errors.unreachable ? <Unreachable onRetry={() => void onSubmit()} /> : null}
      <form
        noValidate
        {...form}
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        {children}
      </form>
    </>
  );
}
