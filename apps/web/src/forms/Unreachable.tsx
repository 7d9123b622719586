import { useTranslation } from '../i18n';

/**
 * The "api unreachable" state inside a form: the input stays, the button sends it again. Plain
 * Bootstrap Italia markup: the catalogue uses it, and design-react-kit would weigh on its first load.
 */
export function Unreachable({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-warning" role="alert">
      <h2 className="h5">{t('state.offlineTitle')}</h2>
      <p>{t('state.offline')}</p>
      <button type="button" className="btn btn-outline-primary" onClick={onRetry}>
        {t('state.retry')}
      </button>
    </div>
  );
}
