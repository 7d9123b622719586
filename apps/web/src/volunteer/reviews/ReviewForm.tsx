import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { ApiForm, useServerErrors } from '../../forms';
import { ChoiceGroup, TextAreaField } from '../../forms/controls';
import { useVolunteerTranslation } from '../i18n';
import { WRITE_REVIEW } from '../operations';

// The three criteria for people (the api refuses the services' ones for a person).
const CRITERIA = ['punctuality', 'respect', 'helpQuality'] as const;
type Criterion = (typeof CRITERIA)[number];
const STARS = ['1', '2', '3', '4', '5'];

interface ReviewFormProps {
  engagementId: string;
  onSent: (message: string) => void | Promise<void>;
}

/** The helper's review of the person helped: stars for each criterion (radio buttons), an optional comment. */
export function ReviewForm({ engagementId, onSent }: ReviewFormProps) {
  const { t } = useVolunteerTranslation();
  const [writeReview, { loading }] = useMutation(WRITE_REVIEW);
  const [stars, setStars] = useState<Partial<Record<Criterion, number>>>({});
  const [comment, setComment] = useState('');
  const errors = useServerErrors();

  const submit = async () => {
    const missing = CRITERIA.filter((criterion) => !stars[criterion]);
    if (missing.length) {
      errors.show(
        missing.map((criterion) => ({
          fieldId: `review-${criterion}-1`,
          message: t('review.errors.starsRequired', { criterion: t(`review.${criterion}`) }),
        })),
      );
      return;
    }
    errors.clear();
    try {
      const result = await writeReview({
        variables: { input: { engagementId, ...stars, comment: comment.trim() || undefined } },
      });
      const published = result.data?.writeReview.visibility === 'PUBLISHED';
      await onSent(published ? t('review.sent') : t('review.sentPending'));
    } catch (caught) {
      errors.showApiError(caught, {
        punctuality: 'review-punctuality-1',
        respect: 'review-respect-1',
        helpQuality: 'review-helpQuality-1',
        comment: 'review-comment',
      });
    }
  };

  return (
    <ApiForm errors={errors} onSubmit={submit}>
      {CRITERIA.map((criterion) => (
        <ChoiceGroup
          key={criterion}
          id={`review-${criterion}`}
          type="radio"
          legend={t('review.starsLegend', { criterion: t(`review.${criterion}`) })}
          error={errors.byField[`review-${criterion}-1`]}
          choices={STARS.map((value) => ({ value, label: t('review.stars', { count: Number(value) }) }))}
          selected={stars[criterion] ? [String(stars[criterion])] : []}
          onToggle={(value) => setStars((current) => ({ ...current, [criterion]: Number(value) }))}
        />
      ))}
      <TextAreaField
        id="review-comment"
        label={t('review.comment')}
        hint={t('review.commentHint')}
        error={errors.byField['review-comment']}
        rows={3}
        maxLength={2000}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={loading}>
        {t('review.send')}
      </button>
    </ApiForm>
  );
}
