import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { ErrorSummary } from '../../forms';
import { Options } from '../../forms/controls';
import { graphql } from '../../gql';
import type { AccreditationDecision, AccreditationStatus } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { ACCREDITATION_STATUS_TONE, AccreditationHistoryTable } from '../AccreditationHistory';
import { DecisionFields, useDecision } from '../DecisionFields';
import { ConsoleLoadState, FilterForm, SelectField, StatusTag } from '../fields';
import { formatDateTime } from '../format';
import { OrganisationFacts } from '../OrganisationFacts';
import { MoreOf } from '../organisation/states';
import { useStaffTerritory } from '../territory';

const PAGE_SIZE = 20;

const REQUESTS = graphql(`
  query AccreditationRequestsPage(
    $status: AccreditationStatus
    $territoryId: ID
    $first: Int!
    $after: String
  ) {
    accreditationRequests(status: $status, territoryId: $territoryId, first: $first, after: $after) {
      items {
        id
        organisationId
        organisationName
        status
        reason
        createdAt
        updatedAt
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

const ORGANISATION = graphql(`
  query AccreditationOrganisation($organisationId: ID!) {
    organisation(id: $organisationId) {
      id
      name
      ...OrganisationFacts
      description
    }
    accreditationHistory(organisationId: $organisationId) {
      ...AccreditationHistoryFields
    }
  }
`);

const START_REVIEW = graphql(`
  mutation StartAccreditationReviewAction($id: ID!) {
    startAccreditationReview(input: { accreditationId: $id }) {
      id
      status
    }
  }
`);

const DECIDE = graphql(`
  mutation DecideAccreditationAction($input: DecideAccreditationInput!) {
    decideAccreditation(input: $input) {
      id
      status
      reason
    }
  }
`);

const STATUSES: AccreditationStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'ACCREDITED', 'SUSPENDED', 'REJECTED'];

/** The decisions the rules allow from a status (libs/directory accreditation-rules). */
const DECISIONS: Partial<Record<AccreditationStatus, AccreditationDecision[]>> = {
  UNDER_REVIEW: ['ACCREDITED', 'REJECTED'],
  ACCREDITED: ['SUSPENDED'],
  SUSPENDED: ['ACCREDITED'],
};

interface Request {
  id: string;
  organisationId: string;
  organisationName: string;
  status: AccreditationStatus;
}

/** The moderator's accreditation work: open requests of the territory, each organisation's data and history. */
export default function Accreditations() {
  const { t, language } = useTranslation();
  const { territory } = useStaffTerritory();
  const [statusInput, setStatusInput] = useState('');
  const [status, setStatus] = useState<AccreditationStatus | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const requests = useQuery(REQUESTS, {
    variables: { status, territoryId: territory?.id ?? null, first: PAGE_SIZE },
    skip: !territory,
    fetchPolicy: 'cache-and-network',
  });
  const page = requests.data?.accreditationRequests;

  return (
    <Page title={t('console.accreditation.title')} lead={t('console.accreditation.lead')}>
      <FilterForm
        onApply={() => setStatus((statusInput || null) as AccreditationStatus | null)}
        applyLabel={t('console.accreditation.apply')}
      >
        <SelectField
          id="accreditationStatus"
          label={t('console.accreditation.filterStatus')}
          value={statusInput}
          onChange={(event) => setStatusInput(event.target.value)}
        >
          <option value="">{t('console.accreditation.open')}</option>
          <Options values={STATUSES} labelOf={(option) => t(`console.accreditation.status.${option}`)} />
        </SelectField>
      </FilterForm>
      {done ? (
        <p className="alert alert-success" role="status">
          {t('console.accreditation.done')}
        </p>
      ) : null}
      <ConsoleLoadState
        loading={requests.loading && !page}
        error={requests.error}
        onRetry={() => void requests.refetch()}
      />
      {page && !page.items.length ? <p>{t('console.common.empty')}</p> : null}
      {page?.items.length ? (
        <ul className="list-unstyled">
          {page.items.map((request) => (
            <li key={request.id} className="card card-bg mb-3">
              <div className="card-body">
                <h2 className="h4">{request.organisationName}</h2>
                <p className="mb-2 d-flex flex-wrap gap-2 align-items-center">
                  <StatusTag tone={ACCREDITATION_STATUS_TONE[request.status]}>
                    {t(`console.accreditation.status.${request.status}`)}
                  </StatusTag>
                  <span className="small">
                    {t('console.accreditation.requested')} {formatDateTime(request.createdAt, language)}
                  </span>
                </p>
                {open === request.id ? (
                  <RequestDetails
                    request={request}
                    onClose={() => setOpen(null)}
                    // The answer updates the request in Apollo's cache: it stays in view with its new status.
                    onChanged={() => setDone(true)}
                  />
                ) : (
                  <button
                    type="button"
                    className="btn btn-outline-primary"
                    aria-label={t('console.accreditation.detailsLabel', { name: request.organisationName })}
                    onClick={() => {
                      setDone(false);
                      setOpen(request.id);
                    }}
                  >
                    {t('console.accreditation.details')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <MoreOf query={requests} field="accreditationRequests" />
    </Page>
  );
}

function RequestDetails({
  request,
  onClose,
  onChanged,
}: {
  request: Request;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const details = useQuery(ORGANISATION, {
    variables: { organisationId: request.organisationId },
    fetchPolicy: 'cache-and-network',
  });
  const [startReview, { loading: starting }] = useMutation(START_REVIEW);
  const [decide, { loading: deciding }] = useMutation(DECIDE);
  const organisation = details.data?.organisation;
  const history = details.data?.accreditationHistory ?? [];
  const decisions = DECISIONS[request.status] ?? [];
  const pending = useDecision(`acc-${request.id}`, decisions, 'console.accreditation');
  const { errors } = pending;

  async function start() {
    try {
      await startReview({ variables: { id: request.id } });
      onChanged();
      await details.refetch();
    } catch (error) {
      errors.showApiError(error);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const decision = pending.checked();
    if (!decision) return;
    try {
      await decide({
        variables: { input: { accreditationId: request.id, decision, reason: pending.reason } },
      });
      pending.reset();
      onChanged();
      await details.refetch();
    } catch (error) {
      pending.showApiError(error);
    }
  }

  return (
    <div>
      <ConsoleLoadState
        loading={details.loading && !details.data}
        error={details.error}
        onRetry={() => void details.refetch()}
      />
      {organisation ? (
        <OrganisationFacts organisation={organisation} withPartitaIva className="facts readable" />
      ) : null}
      {history.length ? (
        <AccreditationHistoryTable
          name={request.organisationName}
          entries={history}
          second={{
            heading: t('console.accreditation.historyFrom'),
            cellOf: (entry) =>
              entry.fromStatus ? t(`console.accreditation.status.${entry.fromStatus}`) : '—',
          }}
        />
      ) : null}
      <ErrorSummary errors={errors} />
      {request.status === 'SUBMITTED' ? (
        <p>
          <button type="button" className="btn btn-primary" disabled={starting} onClick={() => void start()}>
            {t('console.accreditation.startReview')}
          </button>
        </p>
      ) : null}
      {decisions.length ? (
        <form noValidate onSubmit={(event) => void submit(event)} className="readable">
          <DecisionFields {...pending.fields} legend={t('console.accreditation.decisionLegend')} />
          <button type="submit" className="btn btn-primary me-2" disabled={deciding}>
            {t('console.accreditation.submit')}
          </button>
        </form>
      ) : null}
      <button type="button" className="btn btn-outline-secondary mt-2" onClick={onClose}>
        {t('console.accreditation.hide')}
      </button>
    </div>
  );
}
