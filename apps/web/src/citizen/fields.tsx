import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

// Form pieces the kit in src/forms does not have yet, in its look (form-field__label, __hint, __error).

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <div id={`${id}-hint`} className="form-field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="form-field__error">
          {error}
        </p>
      ) : null}
    </>
  );
}

export interface RadioOption<T extends string> {
  value: T;
  label: ReactNode;
  hint?: ReactNode;
}

/**
 * One choice among a few, as a fieldset. The first option carries `id`, so that the error
 * summary's link lands on the group. `legendHidden`: the page's <h1> already asks the question.
 */
export function Radios<T extends string>(props: {
  id: string;
  legend: ReactNode;
  legendHidden?: boolean;
  hint?: ReactNode;
  error?: string;
  value: T | undefined;
  options: RadioOption<T>[];
  onChange: (value: T) => void;
}) {
  const { id } = props;
  return (
    <fieldset
      className={`form-field mb-4${props.error ? ' form-field--error' : ''}`}
      aria-describedby={describedBy(id, props.hint, props.error)}
    >
      <legend className={props.legendHidden ? 'visually-hidden' : 'form-field__label'}>{props.legend}</legend>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      {props.options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div className="form-check" key={option.value}>
            <input
              type="radio"
              id={optionId}
              name={id}
              value={option.value}
              checked={props.value === option.value}
              aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              onChange={() => props.onChange(option.value)}
            />
            <label htmlFor={optionId}>{option.label}</label>
            {option.hint ? (
              <p id={`${optionId}-hint`} className="form-field__hint radio-hint">
                {option.hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  className,
  ...textarea
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}) {
  return (
    <div className={`form-field mb-4${error ? ' form-field--error' : ''}`}>
      <label htmlFor={id} className="form-field__label">
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        id={id}
        rows={5}
        className={`form-control${error ? ' is-invalid' : ''}${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...textarea}
      />
    </div>
  );
}

export function Select({
  id,
  label,
  hint,
  error,
  children,
  ...select
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}) {
  return (
    <div className={`form-field mb-4${error ? ' form-field--error' : ''}`}>
      <label htmlFor={id} className="form-field__label">
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        id={id}
        className={`form-select${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}
