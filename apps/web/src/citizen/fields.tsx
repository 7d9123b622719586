import type { ComponentProps, ReactNode } from 'react';
import { describedBy, HintAndError, TextAreaField } from '../forms/controls';

export { SelectField as Select } from '../forms/controls';

// The citizen's radio buttons (a hint under each option), which the kit in src/forms does not have, in its
// look (its hint and error under the legend); the text area and the select are the kit's.

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

/** The kit's text area, five lines unless the page asks for fewer. */
export function TextArea(props: ComponentProps<typeof TextAreaField>) {
  return <TextAreaField rows={5} {...props} />;
}
