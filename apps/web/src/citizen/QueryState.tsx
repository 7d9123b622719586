import { isStepUpRequired } from '../api/errors';
import { StepUpAlert } from '../forms/StepUp';
import { useCitizenTranslation } from './i18n';

/** What a page shows before its data: "Caricamento…", or the failure with a retry. */
export function QueryState({ error, onRetry }: { error?: unknown; onRetry: () => void }) {
  const { t, tApp } = useCitizenTranslation();
  if (!error) return <p role="status">{tApp('state.loading')}</p>;
  if (isStepUpRequired(error)) return <StepUpAlert />;
  return (
    <div className="alert alert-danger" role="alert">
      <p>{t('errors.loadFailed')}</p>
      <button type="button" className="btn btn-outline-primary" onClick={onRetry}>
        {tApp('state.retry')}
      </button>
    </div>
  );
}
