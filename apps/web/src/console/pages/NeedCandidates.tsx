import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorSummary, useServerErrors } from '../../forms';
import { graphql } from '../../gql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { CallLink, ConsoleLoadState, DataTable, StatusTag } from '../fields';
import { formatDateTime, formatNumber, formatTime } from '../format';
import { useStaffTerritory } from '../territory';

const NEED = graphql(`
  query ConsoleNeed($id: ID!) {
    need(id: $id) {
      id
      category
      description
      status
      source
      comuneIstat
      windowStart
      windowEnd
      address
      hasSensitiveNotes
      beneficiary {
        id
        kind
        fullName
        phone
        consentRecordedAt
      }
      details {
        ride {
          pickupPlace
          destinationPlace
          appointmentAt
          pickupAt
          returnAt
          wheelchair
        }
      }
    }
  }
`);

// Read only when the operator asks: each staff read is audited and may need SPID or CIE.
const NOTES = graphql(`
  query ConsoleNeedNotes($id: ID!) {
    need(id: $id) {
      id
      sensitiveNotes
    }
  }
`);

const CANDIDATES = graphql(`
  query ConsoleNeedCandidates($needId: ID!) {
    needCandidates(needId: $needId, first: 20) {
      kind
      helperUserId
      organisationId
      helperName
      rank
      distanceKm
      whyThisHelper
    }
    needProposals(needId: $needId, first: 50) {
      items {
        id
        helperName
        status
        rank
        assignedByUserId
        createdAt
        whyThisHelper
      }
    }
  }
`);

const ASSIGN = graphql(`
  mutation ConsoleAssignHelper($input: AssignHelperInput!) {
    assignHelper(input: $input) {
      id
      helperName
      status
    }
  }
`);

const PROPOSAL_TONE = {
  ACCEPTED: 'success',
  PENDING: 'info',
  DECLINED: 'danger',
  EXPIRED: 'neutral',
  WITHDRAWN: 'neutral',
} as const;

/** A need as the desk sees it: the person, the details, who could help (with why) and manual assignment. */
export default function NeedCandidates() {
  const { t, language } = useTranslation();
  const { needId = '' } = useParams();
  const { territories } = useStaffTerritory();
  const needQuery = useQuery(NEED, { variables: { id: needId } });
  // In the address (?note=salute), so that the SPID/CIE step-up comes back to the notes being read.
  const [search, setSearch] = useSearchParams();
  const readingNotes = search.get('note') === 'salute';
  const notesQuery = useQuery(NOTES, {
    variables: { id: needId },
    skip: !readingNotes,
    fetchPolicy: 'network-only',
  });
  const candidatesQuery = useQuery(CANDIDATES, { variables: { needId }, fetchPolicy: 'cache-and-network' });
  const [assign, { loading: assigning }] = useMutation(ASSIGN);
  const [assigned, setAssigned] = useState<string | null>(null);
  const errors = useServerErrors();
  const need = needQuery.data?.need;
  const names = new Map(
    territories.flatMap((item) => item.comuni.map((comune) => [comune.istat, comune.name])),
  );

  async function assignTo(candidate: {
    helperUserId: string;
    organisationId?: string | null;
    helperName: string;
  }) {
    try {
      await assign({
        variables: {
          input: candidate.organisationId
            ? { needId, organisationId: candidate.organisationId }
            : { needId, helperUserId: candidate.helperUserId },
        },
      });
      errors.clear();
      setAssigned(candidate.helperName);
      await candidatesQuery.refetch();
    } catch (error) {
      setAssigned(null);
      errors.showApiError(error);
    }
  }

  const title = need
    ? t('console.need.title', { category: t(`console.category.${need.category}`) })
    : t('state.loading');
  const ride = need?.details.ride;
  const candidates = candidatesQuery.data?.needCandidates ?? [];
  const proposals = candidatesQuery.data?.needProposals.items ?? [];
  return (
    <Page title={title}>
      <p>
        <Link to="/sportello/da-seguire">{t('console.need.back')}</Link>
      </p>
      <ConsoleLoadState
        loading={needQuery.loading}
        error={needQuery.error}
        onRetry={() => void needQuery.refetch()}
      />
      {need ? (
        <section aria-labelledby="details-title" className="mb-5 readable">
          <h2 id="details-title">{t('console.need.details')}</h2>
          <p>{need.description}</p>
          <dl className="facts">
            <dt>{t('console.common.status')}</dt>
            <dd>
              <StatusTag tone={need.status === 'OPEN' ? 'warning' : 'info'}>
                {t(`console.needStatus.${need.status}`)}
              </StatusTag>
            </dd>
            {need.beneficiary?.fullName ? (
              <>
                <dt>{t('console.need.person')}</dt>
                <dd>
                  {need.beneficiary.kind === 'SELF' ? (
                    need.beneficiary.fullName
                  ) : (
                    <Link to={`/sportello/persone/${need.beneficiary.id}`}>{need.beneficiary.fullName}</Link>
                  )}
                </dd>
              </>
            ) : null}
            {need.beneficiary?.phone ? (
              <>
                <dt>{t('console.need.phone')}</dt>
                <dd>
                  <CallLink phone={need.beneficiary.phone} />
                </dd>
              </>
            ) : null}
            {need.beneficiary?.consentRecordedAt ? (
              <>
                <dt>{t('console.need.consentAt')}</dt>
                <dd>{formatDateTime(need.beneficiary.consentRecordedAt, language)}</dd>
              </>
            ) : null}
            <dt>{t('console.common.comune')}</dt>
            <dd>{names.get(need.comuneIstat) ?? need.comuneIstat}</dd>
            {need.address ? (
              <>
                <dt>{t('console.need.address')}</dt>
                <dd>{need.address}</dd>
              </>
            ) : null}
            {need.windowStart && need.windowEnd ? (
              <>
                <dt>{t('console.need.window')}</dt>
                <dd>
                  {formatDateTime(need.windowStart, language)} – {formatTime(need.windowEnd, language)}
                </dd>
              </>
            ) : null}
            {ride ? (
              <>
                <dt>{t('console.need.ride')}</dt>
                <dd>
                  {t('console.need.rideText', {
                    pickup: ride.pickupPlace ?? '',
                    destination: ride.destinationPlace,
                    pickupTime: formatTime(ride.pickupAt, language),
                    time: formatTime(ride.appointmentAt, language),
                  })}
                </dd>
              </>
            ) : null}
            <dt>{t('console.need.source')}</dt>
            <dd>{t(`console.source.${need.source}`)}</dd>
          </dl>
        </section>
      ) : null}

      {need?.hasSensitiveNotes ? (
        <section aria-labelledby="notes-title" className="mb-5 readable">
          <h2 id="notes-title">{t('console.need.notesTitle')}</h2>
          {notesQuery.data?.need.sensitiveNotes ? (
            <p className="need-notes text-break">{notesQuery.data.need.sensitiveNotes}</p>
          ) : (
            <>
              <p>{t('console.need.notesLead')}</p>
              {readingNotes ? (
                <ConsoleLoadState
                  loading={notesQuery.loading}
                  error={notesQuery.error}
                  onRetry={() => void notesQuery.refetch()}
                  loadingText={t('console.need.notesLoading')}
                />
              ) : (
                <button
                  type="button"
                  className="btn btn-outline-primary"
                  onClick={() =>
                    setSearch(
                      (current) => {
                        const next = new URLSearchParams(current);
                        next.set('note', 'salute');
                        return next;
                      },
                      { replace: true },
                    )
                  }
                >
                  {t('console.need.notesRead')}
                </button>
              )}
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="candidates-title" className="mb-5">
        <h2 id="candidates-title">{t('console.need.candidatesTitle')}</h2>
        <p className="readable">{t('console.need.candidatesLead')}</p>
        <ErrorSummary errors={errors} />
        {assigned ? (
          <p className="alert alert-success" role="status">
            {t('console.need.assigned', { name: assigned })}
          </p>
        ) : null}
        <ConsoleLoadState
          loading={candidatesQuery.loading && !candidatesQuery.data}
          error={candidatesQuery.error}
          onRetry={() => void candidatesQuery.refetch()}
        />
        {candidatesQuery.data && !candidates.length ? (
          <p>{t(`console.need.${noCandidatesReason(need?.status, proposals)}`)}</p>
        ) : null}
        {candidates.length ? (
          <DataTable
            caption={t('console.need.candidatesCaption')}
            columns={[
              t('console.need.rank'),
              t('console.need.helper'),
              t('console.need.distance'),
              t('console.need.why'),
              t('console.common.actions'),
            ]}
          >
            {candidates.map((candidate) => (
              <tr key={`${candidate.helperUserId}-${candidate.organisationId ?? ''}`}>
                <td>{candidate.rank}</td>
                <td>
                  {candidate.helperName}
                  <br />
                  <span className="small">{t(`console.need.${candidate.kind}`)}</span>
                </td>
                <td>{t('console.need.km', { km: formatNumber(candidate.distanceKm, language) })}</td>
                <td>{candidate.whyThisHelper}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-primary btn-sm"
                    disabled={assigning}
                    aria-label={t('console.need.assignLabel', { name: candidate.helperName })}
                    onClick={() => void assignTo(candidate)}
                  >
                    {t('console.need.assign')}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>

      {proposals.length ? (
        <section aria-labelledby="proposals-title">
          <h2 id="proposals-title">{t('console.need.proposalsTitle')}</h2>
          <DataTable
            caption={t('console.need.proposalsCaption')}
            columns={[t('console.need.helper'), t('console.common.status'), t('console.need.why')]}
          >
            {proposals.map((proposal) => (
              <tr key={proposal.id}>
                <td>
                  {proposal.helperName}
                  {proposal.assignedByUserId ? ` (${t('console.need.byHand')})` : ''}
                </td>
                <td>
                  <StatusTag tone={PROPOSAL_TONE[proposal.status]}>
                    {t(`console.need.proposalStatus.${proposal.status}`)}
                  </StatusTag>
                </td>
                <td>{proposal.whyThisHelper}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
    </Page>
  );
}

/**
 * Why nobody is listed: the request is no longer open, or whoever can help already has a proposal
 * waiting for an answer (the candidates leave out who was asked), or nobody can take it yet.
 */
function noCandidatesReason(
  status: string | undefined,
  proposals: readonly { status: string }[],
): 'notOpen' | 'noOtherCandidates' | 'noCandidates' {
  if (status && status !== 'OPEN') return 'notOpen';
  return proposals.some((proposal) => proposal.status === 'PENDING') ? 'noOtherCandidates' : 'noCandidates';
}
