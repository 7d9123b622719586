import { useMutation } from '@apollo/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WRITE_REVIEW } from '../operations';

// The three criteria for people (the api refuses the services' ones for a person).
const CRITERIA = ['punctuality', 'respect', 'helpQuality'] as const;
type Criterion = (typeof CRITERIA)[number];
const STARS = [1, 2, 3, 4, 5];

interface ReviewFormProps {
  engagementId: string;
  onSent: (message: string) => void | Promise<void>;
}

/** The helper's review of the person helped: stars for each criterion (radio buttons), an optional comment. */
export function ReviewForm({ engagementId, onSent }: ReviewFormProps) {
  const { t } = useTranslation('volunteer');
  const [writeReview, { loading }] = useMutation(WRITE_REVIEW);
  const [stars, setStars] = useState<Partial<Record<Criterion, number>>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Criterion, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    const missing: Partial<Record<Criterion, string>> = {};
    for (const criterion of CRITERIA) {
      if (!stars[criterion]) {
        missing[criterion] = t('review.errors.starsRequired', { criterion: t(`review.${criterion}`) });
      }
    }
    setErrors(missing);
    const first = CRITERIA.find((criterion) => missing[criterion]);
    if (first) {
      document.getElementById(`review-${first}-1`)?.focus();
      return;
    }
    setFailure(null);
    try {
      const result = await writeReview({
        variables: { input: { engagementId, ...stars, comment: comment.trim() || undefined } },
      });
      const published = result.data?.writeReview.visibility === 'PUBLISHED';
      await onSent(published ? t('review.sent') : t('review.sentPending'));
    } catch (caught) {
      setFailure((caught as Error).message);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {failure && (
        <div className="alert alert-danger" role="alert">
          {failure}
        </div>
      )}
      {CRITERIA.map((criterion) => (
        <fieldset
          key={criterion}
          className="mb-4"
          aria-describedby={errors[criterion] ? `review-${criterion}-error` : undefined}
        >
          <legend className="h6">{t('review.starsLegend', { criterion: t(`review.${criterion}`) })}</legend>
          {errors[criterion] && (
            <div id={`review-${criterion}-error`} className="invalid-feedback d-block" role="alert">
              {errors[criterion]}
            </div>
          )}
          <div className="d-flex flex-wrap gap-3">
            {STARS.map((value) => (
              <div className="form-check form-check-inline" key={value}>
                <input
                  className="form-check-input"
                  type="radio"
                  id={`review-${criterion}-${value}`}
                  name={`review-${criterion}`}
                  value={value}
                  checked={stars[criterion] === value}
                  onChange={() => setStars((current) => ({ ...current, [criterion]: value }))}
                />
                <label className="form-check-label" htmlFor={`review-${criterion}-${value}`}>
                  {t('review.stars', { count: value })}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="form-group">
        <label htmlFor="review-comment" className="active">
          {t('review.comment')}
        </label>
        <small id="review-comment-hint" className="form-text d-block">
          {t('review.commentHint')}
        </small>
        <textarea
          id="review-comment"
          className="form-control"
          rows={3}
          maxLength={2000}
          value={comment}
          aria-describedby="review-comment-hint"
          onChange={(event) => setComment(event.target.value)}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={loading}>
        {t('review.send')}
      </button>
    </form>
  );
}
