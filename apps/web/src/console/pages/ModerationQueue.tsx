import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { ErrorSummary } from '../../forms';
import { Options } from '../../forms/controls';
import { graphql } from '../../gql';
import type { ContentType, ModerationDecision, ModerationStatus, NeedCategory } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { DecisionFields, useDecision } from '../DecisionFields';
import { ConfirmButtons, ConsoleLoadState, FilterForm, SelectField, StatusTag } from '../fields';
import { formatDateTime } from '../format';
import { MoreOf } from '../organisation/states';
import { useStaffTerritory } from '../territory';

const PAGE_SIZE = 20;

const QUEUE = graphql(`
  query ModerationQueuePage(
    $status: ModerationStatus
    $contentType: ContentType
    $first: Int!
    $after: String
  ) {
    moderationQueue(status: $status, contentType: $contentType, first: $first, after: $after) {
      items {
        contentId
        contentType
        comuneIstat
        createdAt
        needsReview
        reportCount
        status
        summary
        category
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

const MODERATE = graphql(`
  mutation ModerateContentItem($input: ModerateContentInput!) {
    moderateContent(input: $input) {
      contentId
      contentType
      status
      needsReview
    }
  }
`);

const STATUSES: ModerationStatus[] = ['PENDING', 'HIDDEN', 'PUBLISHED', 'REJECTED'];
const CONTENT_TYPES: ContentType[] = [
  'REVIEW',
  'REVIEW_REPLY',
  'SERVICE_OFFER',
  'VOLUNTEER_OFFER',
  'VOLUNTEER_PROFILE',
  'CALL_TO_ACTION',
  'ORGANISATION',
  'NEED',
  'ENGAGEMENT_MESSAGE',
];
const STATUS_TONE = {
  PENDING: 'warning',
  HIDDEN: 'danger',
  PUBLISHED: 'success',
  REJECTED: 'neutral',
} as const;

/** Which decisions make sense for an item in this state. */
function decisionsFor(status: ModerationStatus): ModerationDecision[] {
  switch (status) {
    case 'PENDING':
      return ['APPROVE', 'REJECT'];
    case 'HIDDEN':
      return ['RESTORE', 'REJECT'];
    case 'PUBLISHED':
      return ['HIDE', 'REJECT'];
    case 'REJECTED':
      return ['RESTORE'];
  }
}

interface Item {
  contentId: string;
  contentType: ContentType;
  status: ModerationStatus;
  summary: string;
}

/** The moderator's queue for every content type of their territories, with decisions and their reasons. */
export default function ModerationQueue() {
  const { t, language } = useTranslation();
  const { territories } = useStaffTerritory();
  // "To check": what needs a decision (pending, or hidden by reports); otherwise one status.
  const [statusInput, setStatusInput] = useState('');
  const [typeInput, setTypeInput] = useState('');
  const [filter, setFilter] = useState<{ status: ModerationStatus | null; contentType: ContentType | null }>({
    status: null,
    contentType: null,
  });
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const queue = useQuery(QUEUE, {
    variables: { ...filter, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const names = new Map(
    territories.flatMap((item) => item.comuni.map((comune) => [comune.istat, comune.name])),
  );
  const page = queue.data?.moderationQueue;
  // A need reads "Aiuto in casa: …": its category in the reader's language, then its description.
  const summaryOf = (item: { summary: string; category?: NeedCategory | null }) =>
    item.category ? `${t(`console.category.${item.category}`)}: ${item.summary}` : item.summary;

  return (
    <Page title={t('console.moderation.title')} lead={t('console.moderation.lead')}>
      <FilterForm
        onApply={() =>
          setFilter({
            status: (statusInput || null) as ModerationStatus | null,
            contentType: (typeInput || null) as ContentType | null,
          })
        }
        applyLabel={t('console.moderation.apply')}
      >
        <SelectField
          id="statusFilter"
          label={t('console.moderation.filterStatus')}
          value={statusInput}
          onChange={(event) => setStatusInput(event.target.value)}
        >
          <option value="">{t('console.moderation.toReview')}</option>
          <Options values={STATUSES} labelOf={(status) => t(`console.moderation.status.${status}`)} />
        </SelectField>
        <SelectField
          id="typeFilter"
          label={t('console.moderation.filterType')}
          value={typeInput}
          onChange={(event) => setTypeInput(event.target.value)}
        >
          <option value="">{t('console.moderation.any')}</option>
          <Options values={CONTENT_TYPES} labelOf={(type) => t(`console.moderation.contentType.${type}`)} />
        </SelectField>
      </FilterForm>
      {done ? (
        <p className="alert alert-success" role="status">
          {done}
        </p>
      ) : null}
      <ConsoleLoadState
        loading={queue.loading && !page}
        error={queue.error}
        onRetry={() => void queue.refetch()}
      />
      {page && !page.items.length ? <p>{t('console.common.empty')}</p> : null}
      {page?.items.length ? (
        <ul className="queue list-unstyled">
          {page.items.map((item) => {
            const key = `${item.contentType}:${item.contentId}`;
            return (
              <li key={key} className="queue__item card card-bg mb-3">
                <div className="card-body">
                  <p className="mb-1 small">
                    {t(`console.moderation.contentType.${item.contentType}`)} ·{' '}
                    {names.get(item.comuneIstat) ?? item.comuneIstat} ·{' '}
                    {formatDateTime(item.createdAt, language)}
                  </p>
                  <p className="mb-2 queue__summary">{summaryOf(item)}</p>
                  <p className="mb-2 d-flex flex-wrap gap-2">
                    <StatusTag tone={STATUS_TONE[item.status]}>
                      {t(`console.moderation.status.${item.status}`)}
                    </StatusTag>
                    {item.reportCount > 0 ? (
                      <StatusTag tone="warning">
                        {t('console.moderation.reports')}: {item.reportCount}
                      </StatusTag>
                    ) : null}
                    {item.status === 'HIDDEN' && item.reportCount > 0 ? (
                      <StatusTag tone="danger">{t('console.moderation.autoHidden')}</StatusTag>
                    ) : null}
                  </p>
                  {open === key ? (
                    <DecisionForm
                      item={item}
                      onCancel={() => setOpen(null)}
                      onDone={(decision) => {
                        setOpen(null);
                        setDone(t('console.moderation.done', { decision }));
                        void queue.refetch();
                      }}
                    />
                  ) : (
                    <button
                      type="button"
                      className="btn btn-outline-primary"
                      aria-label={t('console.moderation.decideLabel', {
                        summary: summaryOf(item).slice(0, 80),
                      })}
                      onClick={() => {
                        setDone(null);
                        setOpen(key);
                      }}
                    >
                      {t('console.moderation.decide')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      <MoreOf query={queue} field="moderationQueue" />
    </Page>
  );
}

function DecisionForm({
  item,
  onCancel,
  onDone,
}: {
  item: Item;
  onCancel: () => void;
  onDone: (decisionName: string) => void;
}) {
  const { t } = useTranslation();
  const pending = useDecision(
    `${item.contentType}-${item.contentId}`,
    decisionsFor(item.status),
    'console.moderation',
  );
  const [moderate, { loading }] = useMutation(MODERATE);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const decision = pending.checked();
    if (!decision) return;
    try {
      await moderate({
        variables: {
          input: {
            contentId: item.contentId,
            contentType: item.contentType,
            decision,
            reason: pending.reason,
          },
        },
      });
      onDone(t(`console.moderation.decisionName.${decision}`));
    } catch (error) {
      pending.showApiError(error);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="readable">
      <ErrorSummary errors={pending.errors} />
      <DecisionFields {...pending.fields} legend={t('console.moderation.decision')} />
      <ConfirmButtons confirmText={t('console.common.send')} busy={loading} onCancel={onCancel} />
    </form>
  );
}
