/**
 * Yes or no to what is offered (an invitation, a proposal), both buttons described by its heading
 * (`describedBy`). The console's lists and the volunteer's proposals.
 */
export function AcceptDeclineButtons({
  describedBy,
  busy,
  acceptText,
  declineText,
  onAnswer,
  className = 'd-flex flex-wrap gap-2',
}: {
  describedBy: string;
  busy: boolean;
  acceptText: string;
  declineText: string;
  onAnswer: (accept: boolean) => void;
  className?: string;
}) {
  return (
    <div className={className}>
      <button
        type="button"
        className="btn btn-primary"
        aria-describedby={describedBy}
        disabled={busy}
        onClick={() => onAnswer(true)}
      >
        {acceptText}
      </button>
      <button
        type="button"
        className="btn btn-outline-primary"
        aria-describedby={describedBy}
        disabled={busy}
        onClick={() => onAnswer(false)}
      >
        {declineText}
      </button>
    </div>
  );
}
