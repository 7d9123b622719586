import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

// Form controls beside the kit's Field (select, text area, choice group), in the same look and
// with the same label / hint / error wiring as Field. The console uses them too (console/fields).

/** The ids a control is described by: its hint, then its error (as HintAndError writes them). */
export function describedBy(id: string, hint?: unknown, error?: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** The hint under a label and the error under the hint, with the ids describedBy names. */
export function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="form-field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="form-field__error">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A control's frame: the visible label, the hint and the error, the left border when in error. */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className={`form-field mb-4${error ? ' form-field--error' : ''}`}>
      <label htmlFor={id} className="form-field__label">
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

export function TextAreaField({ id, label, hint, error, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        className={`form-control${error ? ' is-invalid' : ''}`}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...textarea}
      />
    </FieldFrame>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

export function SelectField({ id, label, hint, error, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className={`form-select${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

/** A select's options, one a value, each named by `labelOf` (the value is also the key). */
export function Options<Value extends string | number>({
  values,
  labelOf,
}: {
  values: readonly Value[];
  labelOf: (value: Value) => ReactNode;
}) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {labelOf(value)}
        </option>
      ))}
    </>
  );
}

interface ChoiceGroupProps {
  /** The id of the first choice is `${id}-${first value}`: the error summary links there. */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  type: 'checkbox' | 'radio';
  choices: { value: string; label: ReactNode }[];
  selected: readonly string[];
  onToggle: (value: string, checked: boolean) => void;
  columns?: boolean;
}

/** Checkboxes or radio buttons in a fieldset, drawn by Bootstrap Italia on their labels. */
export function ChoiceGroup({
  id,
  legend,
  hint,
  error,
  type,
  choices,
  selected,
  onToggle,
  columns,
}: ChoiceGroupProps) {
  return (
    <fieldset
      className={`mb-4${error ? ' form-field--error' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="form-field__label">{legend}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      <div className={columns ? 'row choice-columns' : undefined}>
        {choices.map((choice) => (
          <div className={`form-check${columns ? ' col-12 col-sm-6 col-lg-4' : ''}`} key={choice.value}>
            <input
              id={`${id}-${choice.value}`}
              type={type}
              name={id}
              value={choice.value}
              checked={selected.includes(choice.value)}
              onChange={(event) => onToggle(choice.value, event.target.checked)}
            />
            <label htmlFor={`${id}-${choice.value}`}>{choice.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
