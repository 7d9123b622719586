import { isStepUpRequired } from '../api/errors';
import { StepUpAlert } from '../forms/StepUp';

/**
 * What a page shows before its data, instead of an empty space: "loading", or "could not load" with a
 * retry that keeps the page. Health notes read as staff need a SPID level 2+ or CIE session: said so,
 * with that sign-in. Each area words it (and colours the failure) in its own voice.
 */
export function LoadState({
  loading,
  error,
  onRetry,
  loadingText,
  failedText,
  retryText,
  failedTone = 'danger',
}: {
  loading: boolean;
  error?: unknown;
  onRetry: () => void;
  loadingText: string;
  failedText: string;
  retryText: string;
  failedTone?: 'danger' | 'warning';
}) {
  if (isStepUpRequired(error)) return <StepUpAlert />;
  if (error) {
    return (
      <div className={`alert alert-${failedTone}`} role="alert">
        <p>{failedText}</p>
        <button type="button" className="btn btn-outline-primary" onClick={onRetry}>
          {retryText}
        </button>
      </div>
    );
  }
  if (loading) return <p role="status">{loadingText}</p>;
  return null;
}
