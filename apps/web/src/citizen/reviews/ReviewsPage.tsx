import { useQuery } from '@apollo/client/react';
import { useCitizenTranslation } from '../i18n';
import { Link } from 'react-router';
import { formatDate } from '../datetime';
import { formatNumber } from '../../format';
import { REVIEWS } from '../operations';
import { StatusTag } from '../needs/StatusTag';
import { Page } from '../../layout/Page';
import { MoreOf } from '../../layout/ShowMore';
import { QueryState } from '../QueryState';
import { CITIZEN_PATHS } from '../paths';

const CRITERION_KEYS: Record<string, string> = {
  PUNCTUALITY: 'punctuality',
  RESPECT: 'respect',
  HELP_QUALITY: 'helpQuality',
  QUALITY: 'quality',
  PRICE_CLARITY: 'priceClarity',
  RELIABILITY: 'reliability',
};

/** Reviews to write (completed help not reviewed yet), the reviews about me, the ones I wrote. */
export default function ReviewsPage() {
  const { t, language } = useCitizenTranslation();
  const reviews = useQuery(REVIEWS);
  const data = reviews.data;
  const written = new Set((data?.written.items ?? []).map((review) => review.engagementId));
  const me = data?.me.id;
  // Help I received (I am not the helper), completed, not reviewed yet.
  const toWrite = (data?.myEngagements.items ?? []).filter(
    (engagement) =>
      engagement.status === 'COMPLETED' && engagement.helperUserId !== me && !written.has(engagement.id),
  );

  type ReviewItem = NonNullable<typeof data>['received']['items'][number];
  const renderReview = (review: ReviewItem, showStatus: boolean) => (
    <li key={review.id} className="need-card">
      <div>
        <div className="d-flex flex-wrap justify-content-between gap-2">
          <p className="h5 mb-1">
            {t('reviews.overall', {
              stars: formatNumber(review.overallStars, language),
            })}
          </p>
          {showStatus ? <StatusTag kind="review" status={review.visibility} /> : null}
        </div>
        <p className="small text-muted-strong mb-2">{formatDate(review.createdAt, language)}</p>
        <ul className="list-inline mb-2">
          {review.scores.map((score) => (
            <li key={score.criterion} className="list-inline-item me-3">
              {t(`review.criteria.${CRITERION_KEYS[score.criterion]}`)}:{' '}
              {t('review.stars', { count: score.stars })}
            </li>
          ))}
        </ul>
        {review.comment ? <p className="mb-2 text-break">{review.comment}</p> : null}
        {review.reply ? (
          <div className="border-start border-3 ps-3">
            <p className="fw-semibold mb-1">{t('reviews.reply')}</p>
            <p className="mb-0 text-break">{review.reply.body}</p>
          </div>
        ) : null}
      </div>
    </li>
  );

  return (
    <Page title={t('reviews.title')}>
      {!data ? (
        <QueryState error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : (
        <>
          {toWrite.length ? (
            <section className="mb-4" aria-labelledby="reviews-to-write">
              <h2 id="reviews-to-write">{t('reviews.toWrite')}</h2>
              <ul>
                {toWrite.map((engagement) => (
                  <li key={engagement.id}>
                    <Link to={CITIZEN_PATHS.writeReview(engagement.id)}>
                      {t('reviews.toWriteItem', {
                        name: engagement.helperName,
                        date: engagement.completedAt ? formatDate(engagement.completedAt, language) : '',
                      })}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="mb-4" aria-labelledby="reviews-about-me">
            <h2 id="reviews-about-me">{t('reviews.aboutMe')}</h2>
            {data.received.items.length ? (
              <ul className="list-unstyled">
                {data.received.items.map((review) => renderReview(review, false))}
              </ul>
            ) : (
              <p>{t('reviews.aboutMeEmpty')}</p>
            )}
            <MoreOf query={reviews} field="received" cursor="afterReceived" />
          </section>
          <section aria-labelledby="reviews-written">
            <h2 id="reviews-written">{t('reviews.written')}</h2>
            {data.written.items.length ? (
              <ul className="list-unstyled">
                {data.written.items.map((review) => renderReview(review, true))}
              </ul>
            ) : (
              <p>{t('reviews.writtenEmpty')}</p>
            )}
            <MoreOf query={reviews} field="written" cursor="afterWritten" />
          </section>
        </>
      )}
    </Page>
  );
}
