import { useMutation, useQuery } from '@apollo/client/react';
import { Fragment, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorSummary, Unreachable, useServerErrors } from '../../forms';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { ShowMore } from '../../layout/ShowMore';
import { showConsoleApiError } from '../api-problems';
import { BarChart } from '../BarChart';
import { isBusy, kilometres, romeDaysOf, STATUS_TONE } from '../batch';
import { batchHelperKey, BatchPlanChange, type ChangedEntry } from '../BatchPlanChange';
import { BATCH_RUN } from '../batch-operations';
import { ConsoleLoadState, QueryState, StatusTag, TableScroll } from '../fields';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../format';
import { useHoldsRoleIn } from '../staff-roles';
import { useStaffTerritory } from '../territory';
import '../comune.css';

const PAGE_SIZE = 20;
const OPERATOR: Role[] = ['COMUNE_OPERATOR'];

const PLAN = graphql(`
  query BatchAssignmentPlanPage($runId: ID!, $first: Int!, $after: String) {
    batchAssignmentPlan(runId: $runId, first: $first, after: $after) {
      items {
        ...BatchPlanEntryFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PUBLISH = graphql(`
  mutation PublishBatchPlan($input: PublishBatchAssignmentInput!) {
    publishBatchAssignment(input: $input) {
      ...BatchRunFields
    }
  }
`);

/** One run: its state, the plan against greedy nearest-first, the plan need by need, and Publish. */
export default function BatchPlan() {
  const { t, language } = useTranslation();
  const { runId = '' } = useParams();
  const { territories } = useStaffTerritory();
  const errors = useServerErrors();
  const run = useQuery(BATCH_RUN, { variables: { id: runId }, fetchPolicy: 'cache-and-network' });
  const current = run.data?.batchAssignmentRun;
  const isOperator = useHoldsRoleIn(current?.territoryId, OPERATOR);
  const busy = current ? isBusy(current.status) : false;
  // While the worker plans or publishes, ask again every second; stop once it is done.
  const { startPolling, stopPolling } = run;
  useEffect(() => {
    if (busy) startPolling(1000);
    else stopPolling();
    return () => stopPolling();
  }, [busy, startPolling, stopPolling]);
  const hasPlan = Boolean(current?.plannedAt);
  const plan = useQuery(PLAN, {
    variables: { runId, first: PAGE_SIZE },
    skip: !hasPlan,
  });
  const [publish, { loading: publishing }] = useMutation(PUBLISH);
  // The need whose helper is being changed, and where focus goes back after a change.
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  useEffect(() => {
    if (focusAfter) document.getElementById(`change-${focusAfter}`)?.focus();
  }, [focusAfter]);
  const [noticeFocus, setNoticeFocus] = useState(false);
  useEffect(() => {
    if (noticeFocus) document.getElementById('batch-notice')?.focus();
  }, [noticeFocus, notice]);

  function closeChange(needId: string) {
    setEditing(null);
    setFocusAfter(needId);
  }

  function changed(entry: ChangedEntry, need: string) {
    // The run's totals come back with the change (same id in the cache); the row is replaced here.
    plan.updateQuery((_, { complete, previousData }) =>
      complete
        ? {
            ...previousData,
            batchAssignmentPlan: {
              ...previousData.batchAssignmentPlan,
              items: previousData.batchAssignmentPlan.items.map((item) =>
                item.needId === entry.needId ? { ...item, ...entry } : item,
              ),
            },
          }
        : undefined,
    );
    setNotice(
      entry.helperName
        ? t('console.batch.changed', { need, name: entry.helperName })
        : t('console.batch.removed', { need }),
    );
    setNoticeFocus(false);
    closeChange(entry.needId);
  }

  function planClosed(message: string) {
    // Published or failed meanwhile (a colleague): the page shows the plan as it is now, and says why.
    setEditing(null);
    setNotice(message);
    setNoticeFocus(true);
    void run.refetch();
  }

  async function publishPlan() {
    try {
      await publish({ variables: { input: { runId } } });
      errors.clear();
    } catch (error) {
      showConsoleApiError(errors, error);
    }
  }

  const names = new Map(
    territories.flatMap((territory) => territory.comuni.map((comune) => [comune.istat, comune.name])),
  );
  const days = current ? romeDaysOf(current.windowStart, current.windowEnd) : null;
  const dateOf = (day: string) => formatDate(`${day}T12:00:00Z`, language);
  const title = !days
    ? t('console.batch.planTitleLoading')
    : days.first === days.last
      ? t('console.batch.planTitle', { day: dateOf(days.first) })
      : t('console.batch.planTitleDays', { first: dateOf(days.first), last: dateOf(days.last) });
  const editable = current?.status === 'PLANNED' && isOperator;
  const needs = current?.needsCount ?? 0;
  const share = (served: number) => (needs ? formatPercent(served / needs, language) : '—');
  const items = plan.data?.batchAssignmentPlan.items ?? [];

  return (
    <Page title={title}>
      <p>
        <Link to="/sportello/assegnazione">{t('console.batch.back')}</Link>
      </p>
      <ConsoleLoadState
        loading={run.loading && !current}
        error={current ? undefined : run.error}
        onRetry={() => void run.refetch()}
        failedText={t('console.batch.notFound')}
      />
      {current ? (
        <>
          <p>
            <StatusTag tone={STATUS_TONE[current.status]}>
              {t(`console.batch.status.${current.status}`)}
            </StatusTag>{' '}
            {t(`console.category.${current.category}`)}
          </p>
          <div aria-live="polite" className="readable">
            <p data-testid="batch-state">
              {current.status === 'COMPLETED' && current.plannedAt
                ? t('console.batch.state.PUBLISHED', { count: current.proposalsSent ?? 0 })
                : current.status === 'COMPLETED'
                  ? t('console.batch.state.SENT_AT_ONCE', { count: current.proposalsSent ?? 0 })
                  : t(`console.batch.state.${current.status}`)}
            </p>
            {current.edits ? (
              <p data-testid="batch-edits">{t('console.batch.edited', { count: current.edits })}</p>
            ) : null}
            {notice ? (
              <p id="batch-notice" data-testid="batch-notice" tabIndex={-1}>
                {notice}
              </p>
            ) : null}
          </div>
          {current.needsCount !== null && current.needsCount !== undefined ? (
            <section aria-labelledby="batch-compare" className="mb-5">
              <h2 id="batch-compare">{t('console.batch.compareTitle')}</h2>
              <p className="readable">{t('console.batch.compareLead')}</p>
              <dl className="kpis mb-4" data-testid="batch-figures">
                <div>
                  <dt>{t('console.batch.needs')}</dt>
                  <dd>{formatNumber(needs, language)}</dd>
                </div>
                <div>
                  <dt>{t('console.batch.helpers')}</dt>
                  <dd>{formatNumber(current.helpersCount ?? 0, language)}</dd>
                </div>
                <div>
                  <dt>{t('console.batch.servedByPlan')}</dt>
                  <dd data-testid="served">
                    {t('console.batch.servedShare', {
                      served: current.served ?? 0,
                      share: share(current.served ?? 0),
                    })}
                  </dd>
                </div>
                <div>
                  <dt>{t('console.batch.servedByGreedy')}</dt>
                  <dd data-testid="greedy-served">
                    {t('console.batch.servedShare', {
                      served: current.greedyServed ?? 0,
                      share: share(current.greedyServed ?? 0),
                    })}
                  </dd>
                </div>
              </dl>
              <div className="batch-charts">
                <BarChart
                  caption={t('console.batch.fillChart')}
                  note={t('console.indicators.chartNote')}
                  empty={t('console.batch.chartEmpty')}
                  categoryHeader={t('console.batch.way')}
                  categories={[t('console.batch.plan'), t('console.batch.greedy')]}
                  series={[
                    {
                      name: t('console.batch.servedColumn'),
                      values: [current.served ?? 0, current.greedyServed ?? 0],
                    },
                  ]}
                  format={(value) => formatNumber(value, language)}
                />
                <BarChart
                  caption={t('console.batch.travelChart')}
                  note={t('console.indicators.chartNote')}
                  empty={t('console.batch.chartEmpty')}
                  categoryHeader={t('console.batch.way')}
                  categories={[t('console.batch.plan'), t('console.batch.greedy')]}
                  series={[
                    {
                      name: t('console.batch.km'),
                      values: [(current.totalMeters ?? 0) / 1000, (current.greedyMeters ?? 0) / 1000],
                    },
                  ]}
                  format={(value) => kilometres(value * 1000, language)}
                />
              </div>
              <p className="readable small">{t('console.batch.travelNote')}</p>
            </section>
          ) : null}

          {current.status === 'PLANNED' && isOperator ? (
            <section aria-labelledby="batch-publish" className="readable mb-5">
              <h2 id="batch-publish">{t('console.batch.publishTitle')}</h2>
              <p>{t('console.batch.publishHint')}</p>
              <ErrorSummary errors={errors} />
              {errors.unreachable ? <Unreachable onRetry={() => void publishPlan()} /> : null}
              <button
                type="button"
                className="btn btn-primary"
                disabled={publishing}
                aria-busy={publishing}
                onClick={() => void publishPlan()}
              >
                {publishing ? t('state.loading') : t('console.batch.publishButton')}
              </button>
            </section>
          ) : null}

          {hasPlan ? (
            <section aria-labelledby="batch-plan">
              <h2 id="batch-plan">{t('console.batch.planTableTitle')}</h2>
              <QueryState query={plan} />
              {plan.data && !items.length ? <p>{t('console.batch.noNeeds')}</p> : null}
              {items.length ? (
                <TableScroll label={t('console.batch.planCaption')}>
                  <table className="table stack-table" role="table">
                    <caption>{t('console.batch.planCaption')}</caption>
                    <thead role="rowgroup">
                      <tr role="row">
                        <th scope="col" role="columnheader">
                          {t('console.batch.when')}
                        </th>
                        <th scope="col" role="columnheader">
                          {t('console.batch.need')}
                        </th>
                        <th scope="col" role="columnheader">
                          {t('console.common.comune')}
                        </th>
                        <th scope="col" role="columnheader">
                          {t('console.batch.helper')}
                        </th>
                        <th scope="col" role="columnheader">
                          {t('console.batch.distance')}
                        </th>
                      </tr>
                    </thead>
                    <tbody role="rowgroup">
                      {items.map((entry) => {
                        const need = `${t(`console.category.${entry.category}`)}, ${formatDateTime(entry.windowStart, language)}`;
                        return (
                          <Fragment key={entry.needId}>
                            <tr role="row">
                              <td role="cell" data-label={t('console.batch.when')}>
                                {formatDateTime(entry.windowStart, language)}
                              </td>
                              <td role="cell" data-label={t('console.batch.need')}>
                                <Link to={`/sportello/richieste/${entry.needId}`}>
                                  {t(`console.category.${entry.category}`)}
                                </Link>
                                <span className="d-block small">{entry.description}</span>
                              </td>
                              <td role="cell" data-label={t('console.common.comune')}>
                                {names.get(entry.comuneIstat) ?? entry.comuneIstat}
                              </td>
                              <td role="cell" data-label={t('console.batch.helper')}>
                                {entry.helperName ? (
                                  <>
                                    {entry.helperName}
                                    <span className="d-block small">
                                      {t(`console.batch.kind.${entry.helperKind ?? 'VOLUNTEER'}`)}
                                      {entry.alreadyAsked ? ` · ${t('console.batch.alreadyAsked')}` : ''}
                                    </span>
                                  </>
                                ) : (
                                  <StatusTag tone="danger">{t('console.batch.nobody')}</StatusTag>
                                )}
                                {editable && editing !== entry.needId ? (
                                  <button
                                    type="button"
                                    id={`change-${entry.needId}`}
                                    className="btn btn-outline-primary btn-xs d-block mt-1"
                                    aria-label={t('console.batch.changeLabel', { need })}
                                    onClick={() => {
                                      setNotice('');
                                      setFocusAfter(null);
                                      setEditing(entry.needId);
                                    }}
                                  >
                                    {t('console.batch.change')}
                                  </button>
                                ) : null}
                              </td>
                              <td role="cell" data-label={t('console.batch.distance')}>
                                {entry.meters === null || entry.meters === undefined
                                  ? t('console.indicators.none')
                                  : t('console.need.km', { km: kilometres(entry.meters, language) })}
                              </td>
                            </tr>
                            {editable && editing === entry.needId ? (
                              <tr role="row">
                                <td role="cell" colSpan={5} className="batch-change-cell">
                                  <BatchPlanChange
                                    runId={runId}
                                    needId={entry.needId}
                                    title={need}
                                    current={
                                      entry.helperUserId
                                        ? batchHelperKey(entry.helperUserId, entry.organisationId)
                                        : null
                                    }
                                    onDone={(changedEntry) => changed(changedEntry, need)}
                                    onPlanClosed={planClosed}
                                    onCancel={() => closeChange(entry.needId)}
                                  />
                                </td>
                              </tr>
                            ) : null}
                          </Fragment>
                        );
                      })}
                    </tbody>
                  </table>
                </TableScroll>
              ) : null}
              <ShowMore
                pageInfo={plan.data?.batchAssignmentPlan.pageInfo}
                label={t('console.common.loadMore')}
                onMore={(after) =>
                  plan.fetchMore({
                    variables: { after },
                    updateQuery: (previous, { fetchMoreResult }) => ({
                      ...previous,
                      // Changes keep each need's place (time order): the next page follows the last.
                      batchAssignmentPlan: {
                        ...fetchMoreResult.batchAssignmentPlan,
                        items: [
                          ...previous.batchAssignmentPlan.items,
                          ...fetchMoreResult.batchAssignmentPlan.items,
                        ],
                      },
                    }),
                  })
                }
              />
            </section>
          ) : current.status === 'COMPLETED' ? (
            <p className="readable">{t('console.batch.noStoredPlan')}</p>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
