import { Link } from 'react-router';
import { useVolunteerTranslation } from './i18n';
import { VOLUNTEER_PATHS } from './paths';

/** Loading and failed-loading states of a page: words, and a retry that keeps the page. */
export function LoadState({
  loading,
  error,
  onRetry,
}: {
  loading: boolean;
  error?: unknown;
  onRetry: () => void;
}) {
  const { t } = useVolunteerTranslation();
  if (error) {
    return (
      <div className="alert alert-danger" role="alert">
        <p>{t('common.loadFailed')}</p>
        <button type="button" className="btn btn-outline-primary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return loading ? <p role="status">{t('common.loading')}</p> : null;
}

/** Pages that need a volunteer profile say so, with the way to create it. */
export function NeedProfile() {
  const { t } = useVolunteerTranslation();
  return (
    <div className="callout">
      <p>{t('common.needProfile')}</p>
      <Link className="btn btn-primary" to={VOLUNTEER_PATHS.profile}>
        {t('common.createProfile')}
      </Link>
    </div>
  );
}
