import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { EngagementConversation } from '../../engagements/EngagementConversation';
import { AcceptDeclineButtons } from '../../layout/AcceptDeclineButtons';
import { Page } from '../../layout/Page';
import { formatDateTime, formatTime, toLocal } from '../datetime';
import { ConfirmDialog } from '../Dialog';
import { TextArea } from '../fields';
import { useCitizenTranslation } from '../i18n';
import {
  CANCEL_ENGAGEMENT,
  CANCEL_NEED,
  CONFIRM_ENGAGEMENT,
  DECLINE_ENGAGEMENT,
  NEED,
  REPORT_NO_SHOW,
  REVIEWS,
} from '../operations';
import { CITIZEN_PATHS } from '../paths';
import { problemsText } from '../problems';
import { ActionOutcome } from '../ActionOutcome';
import { QueryState } from '../QueryState';
import { needTitle, needWhen } from './need-text';
import { StatusTag } from './StatusTag';

const CANCELLABLE = ['DRAFT', 'SUBMITTED', 'OPEN', 'MATCHED'];

/** One need: where it stands and what comes next, who helps and what they see, the history, actions. */
export default function NeedPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t, tApp, language } = useCitizenTranslation();
  const query = useQuery(NEED, { variables: { id } });
  const reviews = useQuery(REVIEWS);
  const refetchQueries = ['CitizenNeed', 'CitizenMyNeeds'];
  const [cancelNeed, cancelling] = useMutation(CANCEL_NEED, { refetchQueries });
  const [confirm, confirming] = useMutation(CONFIRM_ENGAGEMENT, { refetchQueries });
  const [decline, declining] = useMutation(DECLINE_ENGAGEMENT, { refetchQueries });
  const [cancelEngagement] = useMutation(CANCEL_ENGAGEMENT, { refetchQueries });
  const [reportNoShow] = useMutation(REPORT_NO_SHOW, { refetchQueries });
  const [dialog, setDialog] = useState<'cancel' | 'cancelEngagement' | 'noShow' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [actionError, setActionError] = useState<string>();

  const need = query.data?.need;
  if (!need) {
    return (
      <Page title={t('detail.title')}>
        <QueryState error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  const needId = need.id;
  const engagement = need.engagement;
  const ride = need.details.ride;
  const care = need.details.sharedCaregiver;
  const reviewed = (reviews.data?.written.items ?? []).some(
    (review) => review.engagementId === engagement?.id,
  );
  const started = engagement ? Date.parse(engagement.startsAt) <= Date.now() : false;

  async function run(action: () => Promise<unknown>, success: string) {
    setActionError(undefined);
    try {
      await action();
      setNotice(success);
      setDialog(null);
    } catch (error) {
      setActionError(problemsText(error, tApp));
    }
  }

  async function onReasonSubmit(event: FormEvent) {
    event.preventDefault();
    if (dialog === 'cancel' && !reason.trim()) {
      setReasonError(t('errors.reasonRequired'));
      return;
    }
    const input = { reason: reason.trim() || undefined };
    if (dialog === 'cancel') {
      await run(
        () => cancelNeed({ variables: { input: { needId, reason: reason.trim() } } }),
        t('detail.cancelled'),
      );
    } else if (dialog === 'cancelEngagement' && engagement) {
      await run(
        () => cancelEngagement({ variables: { input: { engagementId: engagement.id, ...input } } }),
        t('detail.engagementCancelled'),
      );
    } else if (dialog === 'noShow' && engagement) {
      await run(
        () => reportNoShow({ variables: { input: { engagementId: engagement.id, ...input } } }),
        t('detail.noShowReported'),
      );
    }
  }

  return (
    <Page title={needTitle(need, t)}>
      <p className="mb-3">
        <Link to={CITIZEN_PATHS.needs}>
          <span aria-hidden="true">← </span>
          {t('list.title')}
        </Link>
      </p>
      <p className="mb-4">
        <StatusTag kind="need" status={need.status} />
      </p>
      <ActionOutcome notice={notice} error={actionError} />

      <section className="mb-4" aria-labelledby="need-next">
        <h2 id="need-next">{t('detail.next')}</h2>
        {need.status === 'SUBMITTED' ? <p>{t('detail.inReview')}</p> : null}
        {need.status === 'OPEN' ? <p>{t('detail.searching')}</p> : null}
        {engagement && engagement.status === 'AWAITING_CONFIRMATION' ? (
          <div className="callout warning">
            <div className="callout-title">{t('engagementStatus.AWAITING_CONFIRMATION')}</div>
            <p>{t('detail.helperAwaiting', { name: engagement.helperName })}</p>
            <p>{t('detail.revealAfter', { name: engagement.helperName })}</p>
            <AcceptDeclineButtons
              busy={confirming.loading || declining.loading}
              acceptText={t('detail.confirm', { name: engagement.helperName })}
              declineText={t('detail.decline')}
              onAnswer={(accept) => {
                const variables = { input: { engagementId: engagement.id } };
                void run(
                  () => (accept ? confirm({ variables }) : decline({ variables })),
                  accept ? t('detail.confirmed', { name: engagement.helperName }) : t('detail.declined'),
                );
              }}
            />
          </div>
        ) : null}
        {engagement && ['CONFIRMED', 'IN_PROGRESS'].includes(engagement.status) ? (
          <>
            <p>{t('detail.helperConfirmed', { name: engagement.helperName })}</p>
            <p>{t('detail.revealNow', { name: engagement.helperName })}</p>
          </>
        ) : null}
        {need.status === 'COMPLETED' && engagement?.status === 'COMPLETED' ? (
          reviewed ? (
            <p>{t('detail.reviewed')}</p>
          ) : (
            <>
              <p>{t('detail.completed')}</p>
              <Link to={CITIZEN_PATHS.writeReview(engagement.id)} className="btn btn-primary">
                {t('detail.review')}
              </Link>
            </>
          )
        ) : null}
        {['CANCELLED', 'EXPIRED', 'REJECTED'].includes(need.status) ? (
          <p>{t(`detail.ended.${need.status}`)}</p>
        ) : null}
      </section>

      {engagement ? (
        <EngagementConversation engagement={engagement} helperName={engagement.helperName} />
      ) : null}

      <section className="mb-4" aria-labelledby="need-details">
        <h2 id="need-details">{t('detail.details')}</h2>
        <dl className="row">
          <dt className="col-sm-4">{ride ? t('new.riepilogo.appointment') : t('new.riepilogo.when')}</dt>
          <dd className="col-sm-8">{needWhen(need, language)}</dd>
          {ride ? (
            <>
              <dt className="col-sm-4">{t('detail.pickupTime')}</dt>
              <dd className="col-sm-8">{formatTime(toLocal(new Date(ride.pickupAt)).time)}</dd>
              <dt className="col-sm-4">{t('new.riepilogo.pickup')}</dt>
              <dd className="col-sm-8">{ride.pickupPlace ?? need.address}</dd>
              <dt className="col-sm-4">{t('new.riepilogo.destination')}</dt>
              <dd className="col-sm-8">{ride.destinationPlace}</dd>
              <dt className="col-sm-4">{t('new.riepilogo.return')}</dt>
              <dd className="col-sm-8">
                {ride.returnTripWanted && ride.returnAt
                  ? t('new.riepilogo.returnAt', { time: formatTime(toLocal(new Date(ride.returnAt)).time) })
                  : t('new.riepilogo.noReturn')}
              </dd>
              <dt className="col-sm-4">{t('new.riepilogo.trip')}</dt>
              <dd className="col-sm-8">
                {[
                  t('new.riepilogo.passengers', { count: ride.passengers }),
                  ride.wheelchair ? t('new.riepilogo.wheelchair') : '',
                  ride.escortWaits ? t('new.riepilogo.escortWaits') : '',
                ]
                  .filter(Boolean)
                  .join(', ')}
              </dd>
            </>
          ) : need.address ? (
            <>
              <dt className="col-sm-4">{t('new.riepilogo.place')}</dt>
              <dd className="col-sm-8">{need.address}</dd>
            </>
          ) : null}
          {care ? (
            <>
              <dt className="col-sm-4">{t('new.riepilogo.schedule')}</dt>
              <dd className="col-sm-8">
                <ul className="list-unstyled mb-0">
                  {care.weeklySchedule.map((slot, index) => (
                    <li key={index}>
                      {t(`weekdays.${slot.dayOfWeek}`)}, {slot.start}–{slot.end}
                    </li>
                  ))}
                </ul>
              </dd>
              <dt className="col-sm-4">{t('new.riepilogo.sharing')}</dt>
              <dd className="col-sm-8">
                {care.willingToShare ? t('new.riepilogo.yes') : t('new.riepilogo.no')}
              </dd>
            </>
          ) : null}
          {need.beneficiary?.kind === 'RELATIVE' ? (
            <>
              <dt className="col-sm-4">{t('new.riepilogo.forWhom')}</dt>
              <dd className="col-sm-8">
                {t('new.riepilogo.relative', {
                  name: need.beneficiary.fullName,
                  relationship: need.beneficiary.relationship,
                })}
              </dd>
            </>
          ) : null}
          <dt className="col-sm-4">{t('new.riepilogo.description')}</dt>
          <dd className="col-sm-8 text-break">{need.description}</dd>
          <dt className="col-sm-4">{t('new.riepilogo.health')}</dt>
          <dd className="col-sm-8 text-break">{need.sensitiveNotes || t('new.riepilogo.healthNone')}</dd>
        </dl>
      </section>

      <section className="mb-4" aria-labelledby="need-history">
        <h2 id="need-history">{t('detail.history')}</h2>
        <ol className="list-unstyled border-start border-3 ps-3">
          {query.data?.needHistory.map((change, index) => (
            <li key={index} className="mb-2">
              <span className="fw-semibold">{t(`needStatus.${change.to}`)}</span>
              <br />
              <span className="text-muted small">{formatDateTime(change.createdAt, language)}</span>
              {/* Only people's reasons (a cancellation, a refusal): the system's are internal words. */}
              {change.reason && ['CANCELLED', 'REJECTED'].includes(change.to) ? (
                <span className="d-block small">{change.reason}</span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <div className="d-flex flex-wrap gap-2">
        {engagement && engagement.status === 'CONFIRMED' ? (
          <>
            <button
              type="button"
              className="btn btn-outline-primary"
              onClick={() => setDialog('cancelEngagement')}
            >
              {t('detail.cancelEngagement', { name: engagement.helperName })}
            </button>
            {started ? (
              <button type="button" className="btn btn-outline-primary" onClick={() => setDialog('noShow')}>
                {t('detail.noShow', { name: engagement.helperName })}
              </button>
            ) : null}
          </>
        ) : null}
        {CANCELLABLE.includes(need.status) ? (
          <button type="button" className="btn btn-outline-danger" onClick={() => setDialog('cancel')}>
            {t('detail.cancel')}
          </button>
        ) : null}
      </div>

      <ConfirmDialog
        open={dialog !== null}
        title={
          dialog === 'cancel'
            ? t('detail.cancelDialog.title')
            : dialog === 'noShow'
              ? t('detail.noShowDialog.title', { name: engagement?.helperName })
              : t('detail.cancelEngagementDialog.title', { name: engagement?.helperName })
        }
        body={
          dialog === 'cancel'
            ? t('detail.cancelDialog.body')
            : dialog === 'noShow'
              ? t('detail.noShowDialog.body')
              : t('detail.cancelEngagementDialog.body')
        }
        onClose={() => {
          setDialog(null);
          setReason('');
          setReasonError(undefined);
        }}
        onSubmit={(event) => void onReasonSubmit(event)}
        confirmLabel={dialog === 'cancel' ? t('detail.cancelDialog.confirm') : t('detail.dialogConfirm')}
        keepLabel={t('detail.cancelDialog.keep')}
        busy={cancelling.loading}
      >
        <TextArea
          id="reason"
          rows={3}
          label={t('detail.cancelDialog.reason')}
          hint={dialog === 'cancel' ? t('detail.cancelDialog.reasonHint') : undefined}
          value={reason}
          error={reasonError}
          onChange={(event) => setReason(event.target.value)}
        />
      </ConfirmDialog>
    </Page>
  );
}
