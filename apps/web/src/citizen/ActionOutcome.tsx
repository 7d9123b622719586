/**
 * What an action on a page did: the notice in a polite live region (it is there before it speaks),
 * the api's reason as an alert.
 */
export function ActionOutcome({ notice, error }: { notice?: string; error?: string }) {
  return (
    <>
      <div aria-live="polite">
        {notice ? (
          <div className="alert alert-success" role="status">
            {notice}
          </div>
        ) : null}
      </div>
      {error ? (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      ) : null}
    </>
  );
}
