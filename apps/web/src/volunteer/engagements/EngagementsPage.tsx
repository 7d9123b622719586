import { useQuery } from '@apollo/client/react';
import { useVolunteerTranslation } from '../i18n';
import { Link } from 'react-router';
import { formatDay, formatTime } from '../format';
import { MY_ENGAGEMENTS } from '../operations';
import { VOLUNTEER_PATHS } from '../paths';
import { Page } from '../../layout/Page';
import { MoreOf } from '../../layout/ShowMore';
import { LoadState } from '../states';
import { isCurrent } from './engagement-rules';
import { EngagementStatusTag } from './EngagementStatusTag';

/** The volunteer's commitments: what is planned first, then the history. */
export default function EngagementsPage() {
  const { t, i18n } = useVolunteerTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(MY_ENGAGEMENTS, {
    fetchPolicy: 'cache-and-network',
  });
  const mine = (data?.myEngagements.items ?? []).filter(
    (engagement) => engagement.helperUserId === data?.me.id,
  );
  const current = mine
    .filter((engagement) => isCurrent(engagement.status))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = mine.filter((engagement) => !isCurrent(engagement.status));

  const list = (items: typeof mine, testId: string) => (
    <ul className="list-group mb-4" data-testid={testId}>
      {items.map((engagement) => {
        const date = formatDay(engagement.startsAt, i18n.language);
        return (
          <li
            key={engagement.id}
            className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2"
          >
            <span>
              {date}, {formatTime(engagement.startsAt, i18n.language)}–
              {formatTime(engagement.endsAt, i18n.language)}
            </span>
            <span className="d-flex align-items-center gap-3">
              <EngagementStatusTag status={engagement.status} />
              <Link
                to={VOLUNTEER_PATHS.engagement(engagement.id)}
                aria-label={t('engagements.openLabel', { date })}
              >
                {t('engagements.open')}
              </Link>
            </span>
          </li>
        );
      })}
    </ul>
  );

  return (
    <Page title={t('engagements.title')}>
      {!data && <LoadState loading={loading} error={error} onRetry={() => void refetch()} />}
      {data && (
        <>
          <h2>{t('engagements.current')}</h2>
          {current.length ? list(current, 'current-engagements') : <p>{t('engagements.empty')}</p>}
          <h2>{t('engagements.past')}</h2>
          {past.length ? list(past, 'past-engagements') : <p>{t('engagements.emptyPast')}</p>}
          <MoreOf query={{ data, fetchMore }} field="myEngagements" />
        </>
      )}
    </Page>
  );
}
