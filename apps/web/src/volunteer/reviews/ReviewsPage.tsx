import { useQuery } from '@apollo/client/react';
import { useVolunteerTranslation } from '../i18n';
import { formatDate, formatNumber } from '../format';
import { Page } from '../../layout/Page';
import { MoreOf } from '../../layout/ShowMore';
import { MY_REVIEWS } from '../operations';
import { LoadState } from '../states';

/** Reviews about the volunteer (published ones) and the ones they wrote (any status). */
export default function ReviewsPage() {
  const { t, i18n } = useVolunteerTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(MY_REVIEWS, {
    fetchPolicy: 'cache-and-network',
  });
  const language = i18n.language;

  type Item =
    | NonNullable<typeof data>['written']['items'][number]
    | NonNullable<typeof data>['received']['items'][number];
  const card = (review: Item) => (
    <li key={review.id} className="list-group-item">
      <p className="mb-1">
        <strong>{t('reviews.overall', { stars: formatNumber(review.overallStars, language) })}</strong> ·{' '}
        {formatDate(review.createdAt, language)}
        {'visibility' in review && (
          <span className="badge bg-secondary ms-2">{t(`reviews.visibility.${review.visibility}`)}</span>
        )}
      </p>
      <ul className="list-inline small mb-1">
        {review.scores.map((score) => (
          <li key={score.criterion} className="list-inline-item">
            {t(`reviews.criteria.${score.criterion}`)}: {t('review.stars', { count: score.stars })}
          </li>
        ))}
      </ul>
      {review.comment && <blockquote className="mb-0">{review.comment}</blockquote>}
    </li>
  );

  return (
    <Page title={t('reviews.title')}>
      {!data && <LoadState loading={loading} error={error} onRetry={() => void refetch()} />}
      {data && (
        <>
          <h2>{t('reviews.received')}</h2>
          {data.received.items.length ? (
            <ul className="list-group mb-4">{data.received.items.map(card)}</ul>
          ) : (
            <p>{t('reviews.emptyReceived')}</p>
          )}
          <MoreOf query={{ data, fetchMore }} field="received" cursor="afterReceived" />
          <h2>{t('reviews.written')}</h2>
          {data.written.items.length ? (
            <ul className="list-group mb-4" data-testid="written-reviews">
              {data.written.items.map(card)}
            </ul>
          ) : (
            <p>{t('reviews.emptyWritten')}</p>
          )}
          <MoreOf query={{ data, fetchMore }} field="written" cursor="afterWritten" />
        </>
      )}
    </Page>
  );
}
