import type { FormError, FormErrors } from '../forms';
import { TextAreaField } from './fields';

/** Where a missing decision is reported: the first choice, so that the error summary's link lands in the group. */
function decisionFieldId(id: string, decisions: readonly string[]) {
  return `${id}-decision-${decisions[0]}`;
}

/**
 * What a staff decision lacks before it is sent (accreditation, moderation): a choice and a reason,
 * which the api requires and the person decided about reads.
 */
export function decisionProblems(
  id: string,
  decisions: readonly string[],
  { decision, reason }: { decision: string; reason: string },
  messages: { missingDecision: string; missingReason: string },
): FormError[] {
  const problems: FormError[] = [];
  if (!decision)
    problems.push({ fieldId: decisionFieldId(id, decisions), message: messages.missingDecision });
  if (!reason.trim()) problems.push({ fieldId: `${id}-reason`, message: messages.missingReason });
  return problems;
}

/** A staff decision with its reason: the decisions this item allows as radio buttons, then the reason. */
export function DecisionFields<Decision extends string>({
  id,
  decisions,
  decision,
  onDecision,
  reason,
  onReason,
  errors,
  legend,
  nameOf,
  reasonLabel,
  reasonHint,
}: {
  id: string;
  decisions: readonly Decision[];
  decision: Decision | '';
  onDecision: (decision: Decision) => void;
  reason: string;
  onReason: (reason: string) => void;
  errors: FormErrors;
  legend: string;
  nameOf: (decision: Decision) => string;
  reasonLabel: string;
  reasonHint: string;
}) {
  const decisionError = errors.byField[decisionFieldId(id, decisions)];
  return (
    <>
      <fieldset className="mb-3">
        <legend className="form-field__label">{legend}</legend>
        {decisionError ? <p className="form-field__error">{decisionError}</p> : null}
        {decisions.map((option) => (
          <div className="form-check" key={option}>
            <input
              id={`${id}-decision-${option}`}
              type="radio"
              name={`${id}-decision`}
              value={option}
              checked={decision === option}
              onChange={() => onDecision(option)}
            />
            <label htmlFor={`${id}-decision-${option}`}>{nameOf(option)}</label>
          </div>
        ))}
      </fieldset>
      <TextAreaField
        id={`${id}-reason`}
        label={reasonLabel}
        hint={reasonHint}
        error={errors.byField[`${id}-reason`]}
        value={reason}
        onChange={(event) => onReason(event.target.value)}
      />
    </>
  );
}
