import { useState } from 'react';
import { type FormError, type FormErrors, useServerErrors } from '../forms';
import { useTranslation } from '../i18n';
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

/**
 * A staff decision being made (accreditation, moderation): the choice and the reason, their check
 * before sending, and the props of DecisionFields. `messages` is the page's key of messages
 * (console.accreditation, console.moderation): missingDecision, missingReason, reason, reasonHint
 * and decisionName.<decision> under it.
 */
export function useDecision<Decision extends string>(
  id: string,
  decisions: readonly Decision[],
  messages: string,
) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<Decision | ''>('');
  const [reason, setReason] = useState('');
  const errors = useServerErrors();

  /** The decision to send, or null once what it lacks is shown in the error summary. */
  function checked(): Decision | null {
    const problems = decisionProblems(
      id,
      decisions,
      { decision, reason },
      { missingDecision: t(`${messages}.missingDecision`), missingReason: t(`${messages}.missingReason`) },
    );
    if (problems.length || !decision) {
      errors.show(problems);
      return null;
    }
    return decision;
  }

  return {
    reason: reason.trim(),
    errors,
    checked,
    /** After a decision is sent: an empty form again. */
    reset() {
      setDecision('');
      setReason('');
      errors.clear();
    },
    /** The api's refusal, its reason problems at the reason field. */
    showApiError: (error: unknown) => errors.showApiError(error, { reason: `${id}-reason` }),
    fields: {
      id,
      decisions,
      decision,
      onDecision: setDecision,
      reason,
      onReason: setReason,
      errors,
      nameOf: (option: Decision) => t(`${messages}.decisionName.${option}`),
      reasonLabel: t(`${messages}.reason`),
      reasonHint: t(`${messages}.reasonHint`),
    },
  };
}
