import { LoadState } from '../layout/LoadState';
import { useCitizenTranslation } from './i18n';

/** What a page shows before its data: "Caricamento…", or the failure with a retry. */
export function QueryState({ error, onRetry }: { error?: unknown; onRetry: () => void }) {
  const { t, tApp } = useCitizenTranslation();
  return (
    <LoadState
      loading
      error={error}
      onRetry={onRetry}
      loadingText={tApp('state.loading')}
      failedText={t('errors.loadFailed')}
      retryText={tApp('state.retry')}
    />
  );
}
