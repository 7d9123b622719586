/** What a one-click action did: done, or why not. */
export interface Status {
  kind: 'success' | 'danger';
  text: string;
}

/**
 * The outcome of an action in a live region that is there before it speaks, so that a screen reader
 * hears it where the button was; a failure as an alert.
 */
export function ActionStatus({ status }: { status: Status | null }) {
  return (
    <div aria-live="polite">
      {status ? (
        <p className={`alert alert-${status.kind}`} role={status.kind === 'danger' ? 'alert' : 'status'}>
          {status.text}
        </p>
      ) : null}
    </div>
  );
}

/** A success said the same way, where nothing can fail to be said (a form's own errors are beside its fields). */
export function SuccessNotice({ text }: { text: string | null | undefined }) {
  return <ActionStatus status={text ? { kind: 'success', text } : null} />;
}
