import { useMutation, useQuery } from '@apollo/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { formatDateTime, formatDay, formatNumber, formatTime } from '../format';
import { CANCEL_ENGAGEMENT, COMPLETE_ENGAGEMENT, ENGAGEMENT, START_ENGAGEMENT } from '../operations';
import { VOLUNTEER_PATHS } from '../paths';
import { NeedSummary } from '../proposals/NeedSummary';
import { ReviewForm } from '../reviews/ReviewForm';
import { helperActionsFor, parseHours } from './engagement-rules';
import { EngagementStatusTag } from './EngagementStatusTag';

/** One commitment: what, when and where (the address once confirmed), and what the helper can do now. */
export function EngagementPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { t, i18n } = useTranslation('volunteer');
  const { data, loading, error, refetch } = useQuery(ENGAGEMENT, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [start] = useMutation(START_ENGAGEMENT);
  const [complete] = useMutation(COMPLETE_ENGAGEMENT);
  const [cancel] = useMutation(CANCEL_ENGAGEMENT);
  const [flash, setFlash] = useState<string | null>((location.state as { flash?: string } | null)?.flash ?? null);
  const [failure, setFailure] = useState<string | null>(null);
  const [hours, setHours] = useState('');
  const [hoursError, setHoursError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  if (error && !data) {
    return (
      <div className="alert alert-danger" role="alert">
        <p>{error.message || t('common.loadFailed')}</p>
        <button type="button" className="btn btn-outline-primary" onClick={() => void refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (loading && !data) return <p role="status">{t('common.loading')}</p>;
  if (!data) return null;
  const engagement = data.engagement;
  const reviewed = data.myReviews.items.some((review) => review.engagementId === engagement.id);
  const actions = helperActionsFor(engagement.status, reviewed);
  const language = i18n.language;
  const date = formatDay(engagement.startsAt, language);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setFailure(null);
    setFlash(null);
    try {
      await action();
      setFlash(done);
      await refetch();
    } catch (caught) {
      setFailure((caught as Error).message);
    }
  };

  const submitCompletion = async () => {
    const parsed = parseHours(hours);
    if ('error' in parsed) {
      setHoursError(t(`engagements.errors.hours${parsed.error[0].toUpperCase()}${parsed.error.slice(1)}`));
      document.getElementById('engagement-hours')?.focus();
      return;
    }
    setHoursError(null);
    await run(() => complete({ variables: { id: engagement.id, hours: parsed.hours } }), t('engagements.completed'));
  };

  const submitCancellation = async () => {
    const text = reason.trim();
    const problem = !text ? 'reasonRequired' : text.length > 500 ? 'reasonTooLong' : null;
    if (problem) {
      setReasonError(t(`engagements.errors.${problem}`));
      document.getElementById('engagement-reason')?.focus();
      return;
    }
    setReasonError(null);
    await run(() => cancel({ variables: { id: engagement.id, reason: text } }), t('engagements.cancelled'));
  };

  return (
    <>
      <p>
        <Link to={VOLUNTEER_PATHS.engagements}>← {t('engagements.back')}</Link>
      </p>
      <h1>{t('engagements.detailTitle', { date })}</h1>
      <p>
        <EngagementStatusTag status={engagement.status} />
      </p>
      <div aria-live="polite">
        {flash && (
          <div className="alert alert-success" role="status">
            {flash}
          </div>
        )}
        {failure && (
          <div className="alert alert-danger" role="alert">
            {failure}
          </div>
        )}
      </div>

      {engagement.status === 'AWAITING_CONFIRMATION' && <p className="callout">{t('engagements.awaitingConfirmation')}</p>}

      <dl className="row">
        <dt className="col-sm-3">{t('engagements.when')}</dt>
        <dd className="col-sm-9">
          {date}, {formatTime(engagement.startsAt, language)}–{formatTime(engagement.endsAt, language)}
        </dd>
        {engagement.startedAt && (
          <>
            <dt className="col-sm-3">{t('engagements.startedAt')}</dt>
            <dd className="col-sm-9">{formatDateTime(engagement.startedAt, language)}</dd>
          </>
        )}
        {engagement.completedAt && (
          <>
            <dt className="col-sm-3">{t('engagements.completedAt')}</dt>
            <dd className="col-sm-9">{formatDateTime(engagement.completedAt, language)}</dd>
          </>
        )}
        {engagement.hoursLogged !== null && engagement.hoursLogged !== undefined && (
          <>
            <dt className="col-sm-3">{t('engagements.hours')}</dt>
            <dd className="col-sm-9">
              {t('engagements.hoursValue', { hours: formatNumber(engagement.hoursLogged, language, 2) })}
            </dd>
          </>
        )}
      </dl>

      <section className="mb-4" aria-label={t('engagements.what')}>
        <NeedSummary needId={engagement.needId} headingLevel={2} />
      </section>

      {actions.start && (
        <p>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void run(() => start({ variables: { id: engagement.id } }), t('engagements.started'))}
          >
            {t('engagements.start')}
          </button>
        </p>
      )}

      {actions.complete && (
        <section className="mb-5" aria-labelledby="complete-title">
          <h2 id="complete-title">{t('engagements.completeTitle')}</h2>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void submitCompletion();
            }}
          >
            <div className="form-group">
              <label htmlFor="engagement-hours" className="active">
                {t('engagements.completeHours')}
              </label>
              <small id="engagement-hours-hint" className="form-text d-block">
                {t('engagements.completeHoursHint')}
              </small>
              {hoursError && (
                <div id="engagement-hours-error" className="invalid-feedback d-block" role="alert">
                  {hoursError}
                </div>
              )}
              <input
                id="engagement-hours"
                name="hours"
                className={hoursError ? 'form-control is-invalid' : 'form-control'}
                inputMode="decimal"
                autoComplete="off"
                value={hours}
                aria-invalid={hoursError ? true : undefined}
                aria-describedby={hoursError ? 'engagement-hours-hint engagement-hours-error' : 'engagement-hours-hint'}
                onChange={(event) => setHours(event.target.value)}
              />
            </div>
            <button type="submit" className="btn btn-primary">
              {t('engagements.complete')}
            </button>
          </form>
        </section>
      )}

      {actions.review && (
        <section className="mb-5" aria-labelledby="review-title">
          <h2 id="review-title">{t('engagements.reviewTitle')}</h2>
          <p>{t('engagements.reviewLead')}</p>
          <ReviewForm
            engagementId={engagement.id}
            onSent={async (text) => {
              setFlash(text);
              await refetch();
            }}
          />
        </section>
      )}
      {engagement.status === 'COMPLETED' && reviewed && <p>{t('engagements.reviewDone')}</p>}

      {actions.cancel && (
        <section className="mb-5" aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t('engagements.cancelTitle')}</h2>
          <p>{t('engagements.cancelLead')}</p>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void submitCancellation();
            }}
          >
            <div className="form-group">
              <label htmlFor="engagement-reason" className="active">
                {t('engagements.cancelReason')}
              </label>
              <small id="engagement-reason-hint" className="form-text d-block">
                {t('engagements.cancelReasonHint')}
              </small>
              {reasonError && (
                <div id="engagement-reason-error" className="invalid-feedback d-block" role="alert">
                  {reasonError}
                </div>
              )}
              <textarea
                id="engagement-reason"
                name="reason"
                rows={3}
                className={reasonError ? 'form-control is-invalid' : 'form-control'}
                value={reason}
                aria-invalid={reasonError ? true : undefined}
                aria-describedby={reasonError ? 'engagement-reason-hint engagement-reason-error' : 'engagement-reason-hint'}
                onChange={(event) => setReason(event.target.value)}
              />
            </div>
            <button type="submit" className="btn btn-outline-danger">
              {t('engagements.cancel')}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
