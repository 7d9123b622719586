import { Link } from 'react-router';
import { LoadState as SharedLoadState } from '../layout/LoadState';
import { useVolunteerTranslation } from './i18n';
import { VOLUNTEER_PATHS } from './paths';

/** Loading and failed-loading states of a page: words, and a retry that keeps the page. */
export function LoadState(state: { loading: boolean; error?: unknown; onRetry: () => void }) {
  const { t } = useVolunteerTranslation();
  return (
    <SharedLoadState
      {...state}
      loadingText={t('common.loading')}
      failedText={t('common.loadFailed')}
      retryText={t('common.retry')}
    />
  );
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
