import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { describedBy, FieldFrame, HintAndError } from './controls';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The message from useServerErrors().byField[id]: shown under the label, linked by aria-describedby. */
  error?: string;
}

/**
 * A labelled input in the Bootstrap Italia look, with its hint and its error: the label is always
 * visible, the hint and error are read with the field, aria-invalid marks it.
 */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { id, label, hint, error, className, ...input },
  ref,
) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className={`form-control${error ? ' is-invalid' : ''}${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        ref={ref}
        {...input}
      />
    </FieldFrame>
  );
});

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  id: string;
  label: ReactNode;
  error?: string;
}

export function Checkbox({ id, label, error, ...input }: CheckboxProps) {
  return (
    <div className={`form-check mb-4${error ? ' form-field--error' : ''}`}>
      <HintAndError id={id} error={error} />
      <input
        id={id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
