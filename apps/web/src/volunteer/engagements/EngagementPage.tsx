import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { EngagementConversation } from '../../engagements/EngagementConversation';
import { CANCEL_ENGAGEMENT, COMPLETE_ENGAGEMENT, START_ENGAGEMENT } from '../../engagements/operations';
import { ApiForm, ErrorSummary, Field, Unreachable, useServerErrors } from '../../forms';
import { Page } from '../../layout/Page';
import { TextAreaField } from '../../forms/controls';
import { formatDateTime, formatDay, formatNumber, formatTime } from '../format';
import { useVolunteerTranslation } from '../i18n';
import { ENGAGEMENT } from '../operations';
import { VOLUNTEER_PATHS } from '../paths';
import { NeedSummary } from '../proposals/NeedSummary';
import { ReviewForm } from '../reviews/ReviewForm';
import { LoadState } from '../states';
import { helperActionsFor, parseHours } from './engagement-rules';
import { EngagementStatusTag } from './EngagementStatusTag';

const HOURS_ERROR = { required: 'hoursRequired', invalid: 'hoursInvalid', range: 'hoursRange' } as const;

/** One commitment: what, when and where (the address once confirmed), and what the helper can do now. */
export default function EngagementPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { t, language } = useVolunteerTranslation();
  const { data, loading, error, refetch } = useQuery(ENGAGEMENT, { variables: { id } });
  const [start, { loading: starting }] = useMutation(START_ENGAGEMENT);
  const [complete, { loading: completing }] = useMutation(COMPLETE_ENGAGEMENT);
  const [cancel, { loading: cancelling }] = useMutation(CANCEL_ENGAGEMENT);
  const [flash, setFlash] = useState<string | null>(
    (location.state as { flash?: string } | null)?.flash ?? null,
  );
  const [hours, setHours] = useState('');
  const [reason, setReason] = useState('');
  const startErrors = useServerErrors();
  const completeErrors = useServerErrors();
  const cancelErrors = useServerErrors();

  if (!data) {
    return (
      <Page title={t('engagements.title')}>
        <LoadState loading={loading} error={error} onRetry={() => void refetch()} />
      </Page>
    );
  }
  const engagement = data.engagement;
  const reviewed = data.myReviews.items.some((review) => review.engagementId === engagement.id);
  const actions = helperActionsFor(engagement.status, reviewed);
  const date = formatDay(engagement.startsAt, language);

  const startNow = async () => {
    setFlash(null);
    startErrors.clear();
    try {
      await start({ variables: { id: engagement.id } });
      setFlash(t('engagements.started'));
      await refetch();
    } catch (caught) {
      startErrors.showApiError(caught);
    }
  };

  const submitCompletion = async () => {
    setFlash(null);
    const parsed = parseHours(hours);
    if ('error' in parsed) {
      completeErrors.show([
        { fieldId: 'hours', message: t(`engagements.errors.${HOURS_ERROR[parsed.error]}`) },
      ]);
      return;
    }
    completeErrors.clear();
    try {
      await complete({ variables: { id: engagement.id, hours: parsed.hours } });
      setFlash(t('engagements.completed'));
      await refetch();
    } catch (caught) {
      completeErrors.showApiError(caught, { hoursLogged: 'hours' });
    }
  };

  const submitCancellation = async () => {
    setFlash(null);
    const text = reason.trim();
    const problem = !text ? 'reasonRequired' : text.length > 500 ? 'reasonTooLong' : null;
    if (problem) {
      cancelErrors.show([{ fieldId: 'reason', message: t(`engagements.errors.${problem}`) }]);
      return;
    }
    cancelErrors.clear();
    try {
      await cancel({ variables: { id: engagement.id, reason: text } });
      setFlash(t('engagements.cancelled'));
      await refetch();
    } catch (caught) {
      cancelErrors.showApiError(caught, { reason: 'reason' });
    }
  };

  return (
    <Page title={t('engagements.detailTitle', { date })}>
      <p>
        <Link to={VOLUNTEER_PATHS.engagements}>{t('engagements.back')}</Link>
      </p>
      <p>
        <EngagementStatusTag status={engagement.status} />
      </p>
      <div aria-live="polite">
        {flash && (
          <div className="alert alert-success" role="status">
            {flash}
          </div>
        )}
      </div>

      {engagement.status === 'AWAITING_CONFIRMATION' && (
        <p className="callout readable">{t('engagements.awaitingConfirmation')}</p>
      )}

      <dl className="row readable">
        <dt className="col-sm-4">{t('engagements.when')}</dt>
        <dd className="col-sm-8">
          {date}, {formatTime(engagement.startsAt, language)}–{formatTime(engagement.endsAt, language)}
        </dd>
        {engagement.startedAt && (
          <>
            <dt className="col-sm-4">{t('engagements.startedAt')}</dt>
            <dd className="col-sm-8">{formatDateTime(engagement.startedAt, language)}</dd>
          </>
        )}
        {engagement.completedAt && (
          <>
            <dt className="col-sm-4">{t('engagements.completedAt')}</dt>
            <dd className="col-sm-8">{formatDateTime(engagement.completedAt, language)}</dd>
          </>
        )}
        {typeof engagement.hoursLogged === 'number' && (
          <>
            <dt className="col-sm-4">{t('engagements.hours')}</dt>
            <dd className="col-sm-8" data-testid="hours-logged">
              {t('engagements.hoursValue', { hours: formatNumber(engagement.hoursLogged, language, 2) })}
            </dd>
          </>
        )}
      </dl>

      <section className="mb-4 readable" aria-label={t('engagements.what')}>
        <NeedSummary needId={engagement.needId} headingLevel={2} />
      </section>

      <EngagementConversation engagement={engagement} />

      {actions.start && (
        <div className="mb-5">
          <ErrorSummary errors={startErrors} />
          {startErrors.unreachable ? <Unreachable onRetry={() => void startNow()} /> : null}
          <p id="start-hint">{t('engagements.startHint')}</p>
          <button
            type="button"
            className="btn btn-primary btn-lg"
            aria-describedby="start-hint"
            disabled={starting}
            onClick={() => void startNow()}
          >
            {t('engagements.start')}
          </button>
        </div>
      )}

      {actions.complete && (
        <section className="mb-5 readable" aria-labelledby="complete-title">
          <h2 id="complete-title">{t('engagements.completeTitle')}</h2>
          <ApiForm errors={completeErrors} onSubmit={submitCompletion}>
            <Field
              id="hours"
              label={t('engagements.completeHours')}
              hint={t('engagements.completeHoursHint')}
              error={completeErrors.byField.hours}
              inputMode="decimal"
              autoComplete="off"
              value={hours}
              onChange={(event) => setHours(event.target.value)}
            />
            <button type="submit" className="btn btn-primary" disabled={completing}>
              {t('engagements.complete')}
            </button>
          </ApiForm>
        </section>
      )}

      {actions.review && (
        <section className="mb-5 readable" aria-labelledby="review-title">
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
        <section className="mb-5 readable" aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t('engagements.cancelTitle')}</h2>
          <p>{t('engagements.cancelLead')}</p>
          <ApiForm errors={cancelErrors} onSubmit={submitCancellation}>
            <TextAreaField
              id="reason"
              label={t('engagements.cancelReason')}
              hint={t('engagements.cancelReasonHint')}
              error={cancelErrors.byField.reason}
              rows={3}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <button type="submit" className="btn btn-outline-danger" disabled={cancelling}>
              {t('engagements.cancel')}
            </button>
          </ApiForm>
        </section>
      )}
    </Page>
  );
}
