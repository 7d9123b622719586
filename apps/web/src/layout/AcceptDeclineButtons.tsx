/**
 * Yes or no to what is offered (an invitation, a proposal, a helper), both buttons described by its
 * heading (`describedBy`) where it has one. The console's lists, the volunteer's proposals and the
 * citizen's confirmation of a helper.
 */
export function AcceptDeclineButtons({
  describedBy,
  busy,
  acceptText,
  declineText,
  onAnswer,
  className = 'd-flex flex-wrap gap-2',
}: {
  describedBy?: string;
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
