import { EngagementConversation } from '../../engagements/EngagementConversation';
import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import {
  ACCEPT_PROPOSAL,
  CANCEL_ENGAGEMENT,
  COMPLETE_ENGAGEMENT,
  DECLINE_PROPOSAL,
  START_ENGAGEMENT,
} from '../../engagements/operations';
import { ErrorSummary, Field, useServerErrors } from '../../forms';
import type {
  EngagementStatus,
  EtsEngagementsQuery,
  EtsProposalsQuery,
  ProposalStatus,
} from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { helperActionsFor, isCurrent, parseHours } from '../../volunteer/engagements/engagement-rules';
import { NeedSummary } from '../../volunteer/proposals/NeedSummary';
import { WhyThisHelper } from '../../volunteer/proposals/WhyThisHelper';
import { showConsoleApiError } from '../api-problems';
import { AcceptDeclineButtons, ConfirmButtons, StatusTag, TextAreaField } from '../fields';
import { formatDate, formatDateTime, formatNumber } from '../format';
import { organisationSection, type OrganisationSummary } from './OrganisationFrame';
import { ORGANISATION_ENGAGEMENTS, ORGANISATION_PROPOSALS } from './operations';
import { ActionStatus, MoreOf, QueryState, type Status, useActionStatus } from './states';

const DECIDED: ProposalStatus[] = ['ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'];
const ENGAGEMENT_TONE: Record<EngagementStatus, 'info' | 'success' | 'warning' | 'danger' | 'neutral'> = {
  AWAITING_CONFIRMATION: 'warning',
  CONFIRMED: 'info',
  IN_PROGRESS: 'info',
  COMPLETED: 'success',
  CANCELLED: 'neutral',
  NO_SHOW: 'danger',
};
const PROPOSAL_TONE: Record<ProposalStatus, 'info' | 'success' | 'neutral'> = {
  PENDING: 'info',
  ACCEPTED: 'success',
  DECLINED: 'neutral',
  EXPIRED: 'neutral',
  WITHDRAWN: 'neutral',
};

/**
 * What is asked of the organisation: the needs proposed to it (accept or decline, with why it was
 * chosen), the engagements it took (start, complete with the hours, cancel with a reason), and the
 * proposals already decided.
 */
export default organisationSection('requests', RequestsOf);

type Proposal = EtsProposalsQuery['organisationProposals']['items'][number];
type Engagement = EtsEngagementsQuery['organisationEngagements']['items'][number];

function RequestsOf({ organisation }: { organisation: OrganisationSummary }) {
  const { t, language } = useTranslation();
  const organisationId = organisation.id;
  const pending = useQuery(ORGANISATION_PROPOSALS, {
    variables: { organisationId, statuses: ['PENDING'] },
    fetchPolicy: 'cache-and-network',
  });
  const engagements = useQuery(ORGANISATION_ENGAGEMENTS, {
    variables: { organisationId },
    fetchPolicy: 'cache-and-network',
  });
  const history = useQuery(ORGANISATION_PROPOSALS, {
    variables: { organisationId, statuses: DECIDED },
    fetchPolicy: 'cache-and-network',
  });
  const [accept] = useMutation(ACCEPT_PROPOSAL);
  const [decline] = useMutation(DECLINE_PROPOSAL);
  const [busy, setBusy] = useState<string | null>(null);
  const action = useActionStatus();
  const refresh = () => Promise.all([pending.refetch(), engagements.refetch(), history.refetch()]);

  async function decide(proposal: Proposal, accepting: boolean) {
    setBusy(proposal.id);
    action.clear();
    try {
      if (accepting) {
        const result = await accept({ variables: { id: proposal.id } });
        const awaiting = result.data?.acceptProposal.status === 'AWAITING_CONFIRMATION';
        action.done(t(awaiting ? 'ets.requests.acceptedAwaiting' : 'ets.requests.accepted'));
      } else {
        await decline({ variables: { id: proposal.id } });
        action.done(t('ets.requests.declined'));
      }
    } catch (error) {
      action.failed(error);
    } finally {
      setBusy(null);
    }
    await refresh();
  }

  const waiting = pending.data?.organisationProposals.items ?? [];
  const taken = engagements.data?.organisationEngagements.items ?? [];
  const decided = history.data?.organisationProposals.items ?? [];
  // Engagements still to do first, then the others, each newest first as the api gives them.
  const ordered = [
    ...taken.filter((item) => isCurrent(item.status)),
    ...taken.filter((item) => !isCurrent(item.status)),
  ];
  return (
    <>
      <ActionStatus status={action.status} />
      <section aria-labelledby="pending-requests-title" className="mb-5">
        <h2 id="pending-requests-title">{t('ets.requests.pendingTitle')}</h2>
        <QueryState query={pending} />
        {pending.data && !waiting.length ? <p>{t('ets.requests.pendingNone')}</p> : null}
        <ul className="list-unstyled ets-list" data-testid="pending-requests">
          {waiting.map((proposal) => {
            const headingId = `proposal-${proposal.id}`;
            return (
              <li key={proposal.id} className="ets-item">
                <article aria-labelledby={headingId}>
                  <NeedSummary needId={proposal.needId} headingId={headingId} />
                  {proposal.assignedByUserId ? (
                    <p className="small">{t('ets.requests.assignedByDesk')}</p>
                  ) : null}
                  <h4 className="h6">{t('ets.requests.whyUs')}</h4>
                  <WhyThisHelper proposal={proposal} />
                  <p>{t('ets.requests.expires', { date: formatDateTime(proposal.expiresAt, language) })}</p>
                  <AcceptDeclineButtons
                    describedBy={headingId}
                    busy={busy !== null}
                    acceptText={t('ets.requests.accept')}
                    declineText={t('ets.requests.decline')}
                    onAnswer={(accept) => void decide(proposal, accept)}
                  />
                </article>
              </li>
            );
          })}
        </ul>
        <MoreOf query={pending} field="organisationProposals" />
      </section>

      <section aria-labelledby="engagements-title" className="mb-5">
        <h2 id="engagements-title">{t('ets.requests.engagementsTitle')}</h2>
        <QueryState query={engagements} />
        {engagements.data && !taken.length ? <p>{t('ets.requests.engagementsNone')}</p> : null}
        <ul className="list-unstyled ets-list" data-testid="engagements">
          {ordered.map((engagement) => (
            <EngagementItem
              key={engagement.id}
              engagement={engagement}
              onDone={(status) => {
                action.show(status);
                void engagements.refetch();
              }}
            />
          ))}
        </ul>
        <MoreOf query={engagements} field="organisationEngagements" />
      </section>

      <section aria-labelledby="history-title" className="mb-5">
        <h2 id="history-title">{t('ets.requests.historyTitle')}</h2>
        <QueryState query={history} />
        {history.data && !decided.length ? <p>{t('ets.requests.historyNone')}</p> : null}
        <ul className="list-unstyled ets-list" data-testid="decided-requests">
          {decided.map((proposal) => (
            <li key={proposal.id} className="ets-item d-flex flex-wrap gap-2 align-items-center">
              <span>{t('ets.requests.proposedOn', { date: formatDate(proposal.createdAt, language) })}</span>
              <StatusTag tone={PROPOSAL_TONE[proposal.status]}>
                {t(`ets.requests.proposalStatus.${proposal.status}`)}
              </StatusTag>
            </li>
          ))}
        </ul>
        <MoreOf query={history} field="organisationProposals" />
      </section>
    </>
  );
}

/** One engagement: what, when, its state, and what the organisation may do now. */
function EngagementItem({
  engagement,
  onDone,
}: {
  engagement: Engagement;
  onDone: (status: Status) => void;
}) {
  const { t, language } = useTranslation();
  const [start, starting] = useMutation(START_ENGAGEMENT);
  const [complete, completing] = useMutation(COMPLETE_ENGAGEMENT);
  const [cancel, cancelling] = useMutation(CANCEL_ENGAGEMENT);
  const [open, setOpen] = useState<'complete' | 'cancel' | null>(null);
  const [showMessages, setShowMessages] = useState(false);
  const [hours, setHours] = useState('');
  const [reason, setReason] = useState('');
  const errors = useServerErrors();
  const actions = helperActionsFor(engagement.status, true);
  const headingId = `engagement-${engagement.id}`;
  const hoursId = `${headingId}-hours`;
  const reasonId = `${headingId}-reason`;

  async function run(kind: 'start' | 'complete' | 'cancel', event?: FormEvent) {
    event?.preventDefault();
    try {
      if (kind === 'start') {
        await start({ variables: { id: engagement.id } });
        onDone({ kind: 'success', text: t('ets.requests.started') });
      } else if (kind === 'complete') {
        const parsed = parseHours(hours);
        if ('error' in parsed) {
          errors.show([
            {
              fieldId: hoursId,
              message: t(
                parsed.error === 'range' ? 'ets.requests.invalidHours' : 'ets.requests.missingHours',
              ),
            },
          ]);
          return;
        }
        await complete({ variables: { id: engagement.id, hours: parsed.hours } });
        onDone({
          kind: 'success',
          text: t('ets.requests.completed', { hours: formatNumber(parsed.hours, language, 2) }),
        });
      } else {
        if (!reason.trim()) {
          errors.show([{ fieldId: reasonId, message: t('ets.requests.missingReason') }]);
          return;
        }
        await cancel({ variables: { id: engagement.id, reason: reason.trim() } });
        onDone({ kind: 'success', text: t('ets.requests.cancelled') });
      }
      errors.clear();
      setOpen(null);
    } catch (error) {
      showConsoleApiError(errors, error, { hoursLogged: hoursId, reason: reasonId }, 'ets.errors');
    }
  }

  const busy = starting.loading || completing.loading || cancelling.loading;
  return (
    <li className="ets-item">
      <article aria-labelledby={headingId}>
        <NeedSummary needId={engagement.needId} headingId={headingId} />
        <p className="mb-1">
          <StatusTag tone={ENGAGEMENT_TONE[engagement.status]}>
            {t(`ets.requests.engagementStatus.${engagement.status}`)}
          </StatusTag>
        </p>
        {engagement.hoursLogged ? (
          <p className="mb-1">
            {t('ets.requests.hours', { hours: formatNumber(engagement.hoursLogged, language, 2) })}
          </p>
        ) : null}
        <ErrorSummary errors={errors} />
        {open === 'complete' ? (
          <form
            className="ets-confirm mt-2 readable"
            noValidate
            onSubmit={(event) => void run('complete', event)}
          >
            <Field
              id={hoursId}
              inputMode="decimal"
              autoComplete="off"
              label={t('ets.requests.hoursLabel')}
              hint={t('ets.requests.hoursHint')}
              error={errors.byField[hoursId]}
              value={hours}
              onChange={(event) => setHours(event.target.value)}
            />
            <ConfirmButtons
              confirmText={t('ets.requests.completeConfirm')}
              small
              busy={busy}
              onCancel={() => setOpen(null)}
            />
          </form>
        ) : null}
        {open === 'cancel' ? (
          <form
            className="ets-confirm mt-2 readable"
            noValidate
            onSubmit={(event) => void run('cancel', event)}
          >
            <TextAreaField
              id={reasonId}
              label={t('ets.requests.cancelReason')}
              hint={t('ets.requests.cancelHint')}
              error={errors.byField[reasonId]}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <ConfirmButtons
              confirmText={t('ets.requests.cancelConfirm')}
              tone="danger"
              small
              busy={busy}
              onCancel={() => setOpen(null)}
              cancelText={t('ets.requests.keep')}
            />
          </form>
        ) : null}
        {open === null && (actions.start || actions.complete || actions.cancel) ? (
          <div className="d-flex flex-wrap gap-2 mt-2">
            {actions.start ? (
              <button
                type="button"
                className="btn btn-primary btn-sm"
                aria-describedby={headingId}
                disabled={busy}
                onClick={() => void run('start')}
              >
                {t('ets.requests.start')}
              </button>
            ) : null}
            {actions.complete ? (
              <button
                type="button"
                className="btn btn-primary btn-sm"
                aria-describedby={headingId}
                onClick={() => {
                  errors.clear();
                  setOpen('complete');
                }}
              >
                {t('ets.requests.complete')}
              </button>
            ) : null}
            {actions.cancel ? (
              <button
                type="button"
                className="btn btn-outline-danger btn-sm"
                aria-describedby={headingId}
                onClick={() => {
                  errors.clear();
                  setOpen('cancel');
                }}
              >
                {t('ets.requests.cancel')}
              </button>
            ) : null}
          </div>
        ) : null}
        <details className="mt-3" onToggle={(event) => setShowMessages(event.currentTarget.open)}>
          <summary>{t('ets.requests.messages')}</summary>
          {/* Mounted when opened: a list of engagements does not poll every conversation. */}
          {showMessages ? <EngagementConversation engagement={engagement} headingLevel={3} /> : null}
        </details>
      </article>
    </li>
  );
}
