import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, Fragment, useState } from 'react';
import { ErrorSummary, useServerErrors } from '../../forms';
import type { EtsReviewsQuery } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { showConsoleApiError } from '../api-problems';
import { StatusTag, TextAreaField } from '../fields';
import { formatDate, formatNumber } from '../format';
import { organisationSection, type OrganisationSummary } from './OrganisationFrame';
import { OFFER_TITLES, ORGANISATION_REVIEWS, REPLY_TO_REVIEW } from './operations';
import { MoreOf, QueryState } from './states';

/** The published reviews of the organisation and its offers, each with the organisation's one public answer. */
export default organisationSection('reviews', ReviewsOf);

type Review = EtsReviewsQuery['organisationReviews']['items'][number];

function ReviewsOf({ organisation }: { organisation: OrganisationSummary }) {
  const { t } = useTranslation();
  const reviews = useQuery(ORGANISATION_REVIEWS, {
    variables: { organisationId: organisation.id },
    fetchPolicy: 'cache-and-network',
  });
  // The offers' titles, to say which offer a review is about.
  const offers = useQuery(OFFER_TITLES, { variables: { organisationId: organisation.id } });
  const titles = new Map(
    (offers.data?.organisationServiceOffers.items ?? []).map((offer) => [offer.id, offer.title]),
  );
  const list = reviews.data?.organisationReviews.items ?? [];
  return (
    <>
      <QueryState query={reviews} />
      {reviews.data && !list.length ? <p>{t('ets.reviews.none')}</p> : null}
      <ul className="list-unstyled ets-list" data-testid="reviews">
        {list.map((review) => (
          <ReviewItem key={review.id} review={review} offerTitle={titles.get(review.subjectId)} />
        ))}
      </ul>
      <MoreOf query={reviews} field="organisationReviews" />
    </>
  );
}

function ReviewItem({ review, offerTitle }: { review: Review; offerTitle?: string }) {
  const { t, language } = useTranslation();
  const [reply, replying] = useMutation(REPLY_TO_REVIEW);
  const [body, setBody] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const errors = useServerErrors();
  const headingId = `review-${review.id}`;
  const replyId = `${headingId}-reply`;
  const about =
    review.subjectType === 'OFFER'
      ? offerTitle
        ? t('ets.reviews.about.OFFER', { title: offerTitle })
        : t('ets.reviews.about.OFFER_UNKNOWN')
      : t('ets.reviews.about.ORGANISATION');
  const stars = (value: number) => t('ets.reviews.stars', { stars: formatNumber(value, language) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      errors.show([{ fieldId: replyId, message: t('ets.reviews.missingReply') }]);
      return;
    }
    try {
      const result = await reply({ variables: { input: { reviewId: review.id, body: body.trim() } } });
      errors.clear();
      const visibility = result.data?.replyToReview.reply?.visibility;
      setSent(t(visibility === 'PUBLISHED' ? 'ets.reviews.replied' : 'ets.reviews.repliedHeld'));
    } catch (error) {
      showConsoleApiError(errors, error, { body: replyId }, 'ets.errors');
    }
  }

  return (
    <li className="ets-item">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="h5 mb-1">
          {about}
        </h2>
        <p className="mb-1">
          <strong>{t('ets.reviews.overall', { stars: formatNumber(review.overallStars, language) })}</strong>{' '}
          <span className="small">
            {t('ets.reviews.written', { date: formatDate(review.createdAt, language) })}
          </span>
        </p>
        <dl className="facts small mb-2">
          {review.scores.map((score) => (
            <Fragment key={score.criterion}>
              <dt>{t(`ets.reviews.criterion.${score.criterion}`)}</dt>
              <dd>{stars(score.stars)}</dd>
            </Fragment>
          ))}
        </dl>
        <blockquote className="mb-2">
          {review.comment ? `«${review.comment}»` : t('ets.reviews.noComment')}
        </blockquote>
        {review.reply ? (
          <section aria-labelledby={`${headingId}-answer`} className="ets-confirm">
            <h3 id={`${headingId}-answer`} className="h6 mb-1">
              {t('ets.reviews.replyTitle')}
            </h3>
            <p className="mb-1">{review.reply.body}</p>
            {review.reply.visibility !== 'PUBLISHED' ? (
              <StatusTag tone="warning">{t('ets.reviews.replyPending')}</StatusTag>
            ) : null}
          </section>
        ) : (
          <form className="readable" noValidate onSubmit={(event) => void submit(event)}>
            <ErrorSummary errors={errors} />
            <TextAreaField
              id={replyId}
              label={t('ets.reviews.replyLabel')}
              hint={t('ets.reviews.replyHint')}
              error={errors.byField[replyId]}
              maxLength={2000}
              value={body}
              onChange={(event) => setBody(event.target.value)}
            />
            <button type="submit" className="btn btn-primary btn-sm" disabled={replying.loading}>
              {t('ets.reviews.replySubmit')}
            </button>
          </form>
        )}
        <div aria-live="polite">
          {sent ? (
            <p className="alert alert-success mt-2" role="status">
              {sent}
            </p>
          ) : null}
        </div>
      </article>
    </li>
  );
}
