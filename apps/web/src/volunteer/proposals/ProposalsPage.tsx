import { pendingByDeadline } from './proposal-order';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { ACCEPT_PROPOSAL, DECLINE_PROPOSAL } from '../../engagements/operations';
import { useVolunteerTranslation } from '../i18n';
import { useNavigate } from 'react-router';
import { formatDateTime, formatNumber } from '../format';
import { MY_PROPOSALS, NOTIFICATION_RECEIVED } from '../operations';
import { VOLUNTEER_PATHS } from '../paths';
import { Page } from '../../layout/Page';
import { AcceptDeclineButtons } from '../../layout/AcceptDeclineButtons';
import { MoreOf } from '../../layout/ShowMore';
import { ActionStatus, type Status } from '../../layout/ActionStatus';
import { LoadState } from '../states';
import { NeedSummary } from './NeedSummary';
import { WhyThisHelper } from './WhyThisHelper';

// Notifications that change what this page shows.
const PROPOSAL_EVENTS = new Set(['proposal_new', 'proposal_withdrawn']);

/** Proposals sent to the volunteer, with "why you"; new ones appear live. */
export default function ProposalsPage() {
  const { t, i18n } = useVolunteerTranslation();
  const navigate = useNavigate();
  const { data, loading, error, refetch, fetchMore } = useQuery(MY_PROPOSALS, {
    fetchPolicy: 'cache-and-network',
  });
  const [announcement, setAnnouncement] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [accept] = useMutation(ACCEPT_PROPOSAL);
  const [decline] = useMutation(DECLINE_PROPOSAL);

  useSubscription(NOTIFICATION_RECEIVED, {
    onData: ({ data: received }) => {
      const event = received.data?.notificationReceived.event;
      if (!event || !PROPOSAL_EVENTS.has(event)) return;
      void refetch();
      if (event === 'proposal_new') setAnnouncement(t('proposals.arrived'));
    },
  });

  const decide = async (id: string, accepting: boolean) => {
    setBusy(id);
    setStatus(null);
    try {
      if (accepting) {
        const result = await accept({ variables: { id } });
        const engagementId = result.data?.acceptProposal.id;
        if (engagementId) {
          navigate(VOLUNTEER_PATHS.engagement(engagementId), { state: { flash: t('proposals.accepted') } });
          return;
        }
      } else {
        await decline({ variables: { id } });
        setStatus({ kind: 'success', text: t('proposals.declined') });
      }
    } catch (failure) {
      setStatus({ kind: 'danger', text: (failure as Error).message });
    } finally {
      setBusy(null);
    }
    await refetch();
  };

  const proposals = data?.myProposals.items ?? [];
  const pending = pendingByDeadline(proposals);
  const decided = proposals.filter((proposal) => proposal.status !== 'PENDING');

  return (
    <Page title={t('proposals.title')} lead={t('proposals.lead')}>
      <p className="small">{t('proposals.live')}</p>
      <div role="status" aria-live="polite" className={announcement ? 'alert alert-info' : 'visually-hidden'}>
        {announcement}
      </div>
      <ActionStatus status={status} />
      {!data && <LoadState loading={loading} error={error} onRetry={() => void refetch()} />}

      <h2>{t('proposals.waiting')}</h2>
      {data && pending.length === 0 && <p data-testid="no-proposals">{t('proposals.empty')}</p>}
      <ul className="list-unstyled" data-testid="pending-proposals">
        {pending.map((proposal) => (
          <li key={proposal.id} className="card-wrapper card-space mb-4">
            <article className="card card-bg shadow-sm" aria-labelledby={`proposal-${proposal.id}`}>
              <div className="card-body">
                <NeedSummary needId={proposal.needId} headingId={`proposal-${proposal.id}`} />
                <p className="mb-1">
                  {t('proposals.distance', { km: formatNumber(proposal.distanceKm, i18n.language) })}
                </p>
                <p className="mb-3">
                  {t('proposals.expires', { date: formatDateTime(proposal.expiresAt, i18n.language) })}
                </p>
                <h4 className="h6">{t('proposals.whyYou')}</h4>
                <WhyThisHelper proposal={proposal} />
                <AcceptDeclineButtons
                  className="d-flex flex-wrap gap-3 mt-3"
                  describedBy={`proposal-${proposal.id}`}
                  busy={busy !== null}
                  acceptText={t('proposals.accept')}
                  declineText={t('proposals.decline')}
                  onAnswer={(accept) => void decide(proposal.id, accept)}
                />
              </div>
            </article>
          </li>
        ))}
      </ul>

      {decided.length > 0 && (
        <>
          <h2>{t('proposals.history')}</h2>
          <ul className="list-group" data-testid="decided-proposals">
            {decided.map((proposal) => (
              <li
                key={proposal.id}
                className="list-group-item d-flex flex-wrap justify-content-between gap-2"
              >
                <span>{formatDateTime(proposal.createdAt, i18n.language)}</span>
                <span className="badge bg-secondary">{t(`proposals.status.${proposal.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {/* One page holds waiting and decided proposals alike: the next one may add to both lists. */}
      <MoreOf query={{ data, fetchMore }} field="myProposals" />
    </Page>
  );
}
