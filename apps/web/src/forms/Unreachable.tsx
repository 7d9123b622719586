import { Alert, Button } from 'design-react-kit';
import { useTranslation } from '../i18n';

/** The "api unreachable" state inside a form: the input stays, the button sends it again. */
export function Unreachable({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="warning" role="alert" fade={false}>
      <h2 className="h5">{t('state.offlineTitle')}</h2>
      <p>{t('state.offline')}</p>
      <Button type="button" color="primary" outline onClick={onRetry}>
        {t('state.retry')}
      </Button>
    </Alert>
  );
}
