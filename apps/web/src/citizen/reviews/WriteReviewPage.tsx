import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorSummary, Unreachable, useServerErrors } from '../../forms';
import { Page } from '../../layout/Page';
import { Radios, TextArea } from '../fields';
import { useCitizenTranslation } from '../i18n';
import { ENGAGEMENT, WRITE_REVIEW } from '../operations';
import { CITIZEN_PATHS } from '../paths';
import { showProblems } from '../problems';

const PERSON_CRITERIA = ['punctuality', 'respect', 'helpQuality'] as const;
const SERVICE_CRITERIA = ['quality', 'priceClarity', 'reliability'] as const;
type Criterion = (typeof PERSON_CRITERIA)[number] | (typeof SERVICE_CRITERIA)[number];
const STARS = ['1', '2', '3', '4', '5'] as const;

const fieldId = (criterion: string) => `review-${criterion}`;

/**
 * After help: one to five stars on each of three criteria (a volunteer's punctuality, respect and
 * help; an organisation's quality, price clarity and reliability), and a comment if wanted.
 */
export default function WriteReviewPage() {
  const { engagementId = '' } = useParams<{ engagementId: string }>();
  const { t, tApp } = useCitizenTranslation();
  const engagement = useQuery(ENGAGEMENT, { variables: { id: engagementId } }).data?.engagement;
  const [writeReview, writing] = useMutation(WRITE_REVIEW, {
    refetchQueries: ['CitizenReviews', 'CitizenNeed'],
  });
  const errors = useServerErrors();
  const [stars, setStars] = useState<Partial<Record<Criterion, string>>>({});
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState<string>();
  const criteria: readonly Criterion[] = engagement?.organisationId ? SERVICE_CRITERIA : PERSON_CRITERIA;

  async function submit() {
    const missing = criteria.filter((criterion) => !stars[criterion]);
    if (missing.length) {
      errors.show(
        missing.map((criterion) => ({
          fieldId: fieldId(criterion),
          message: t('errors.starsFor', { criterion: t(`review.criteria.${criterion}`).toLowerCase() }),
        })),
      );
      return;
    }
    try {
      const scores = Object.fromEntries(criteria.map((criterion) => [criterion, Number(stars[criterion])]));
      const result = await writeReview({
        variables: { input: { engagementId, ...scores, comment: comment.trim() || undefined } },
      });
      setSent(result.data?.writeReview.visibility ?? 'PENDING');
    } catch (error) {
      showProblems(
        errors,
        error,
        { comment: 'review-comment', ...Object.fromEntries(criteria.map((c) => [c, fieldId(c)])) },
        tApp,
      );
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  if (sent) {
    return (
      <Page title={t('review.sent')}>
        <div className="readable">
          {sent !== 'PUBLISHED' ? <p>{t('review.pending')}</p> : null}
          <p>
            <Link to={CITIZEN_PATHS.reviews}>{t('reviews.title')}</Link>
          </p>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('review.title')}>
      <div className="readable">
        <ErrorSummary errors={errors} />
        {errors.unreachable ? <Unreachable onRetry={() => void submit()} /> : null}
        <p>{t('review.intro', { name: engagement?.helperName ?? '' })}</p>
        <form noValidate onSubmit={onSubmit}>
          {criteria.map((criterion) => (
            <Radios
              key={criterion}
              id={fieldId(criterion)}
              legend={t(`review.criteria.${criterion}`)}
              error={errors.byField[fieldId(criterion)]}
              value={stars[criterion]}
              options={STARS.map((value) => ({ value, label: t('review.stars', { count: Number(value) }) }))}
              onChange={(value) => setStars((current) => ({ ...current, [criterion]: value }))}
            />
          ))}
          <TextArea
            id="review-comment"
            label={t('review.comment')}
            hint={t('review.commentHint')}
            value={comment}
            error={errors.byField['review-comment']}
            onChange={(event) => setComment(event.target.value)}
          />
          <button type="submit" className="btn btn-primary btn-lg" disabled={writing.loading}>
            {t('review.submit')}
          </button>
        </form>
      </div>
    </Page>
  );
}
