import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { problemsOf } from '../../api/errors';
import { ApiForm, Field, useServerErrors } from '../../forms';
import { Options } from '../../forms/controls';
import { graphql } from '../../gql';
import type { NeedCategory, Role } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { showConsoleApiError } from '../api-problems';
import { romeDaysOf, romeDaysWindow, STATUS_TONE, tomorrowInRome } from '../batch';
import { NoTerritory, QueryState, SelectField, StatusTag, TableScroll } from '../fields';
import { formatDate, formatDateTime } from '../format';
import { MoreOf } from '../organisation/states';
import { useHoldsRoleIn } from '../staff-roles';
import { useStaffTerritory } from '../territory';
import '../comune.css';

const PAGE_SIZE = 20;

const RUNS = graphql(`
  query BatchAssignmentRunsPage($territoryId: ID, $first: Int!, $after: String) {
    batchAssignmentRuns(territoryId: $territoryId, first: $first, after: $after) {
      items {
        ...BatchRunFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const REQUEST = graphql(`
  mutation RequestBatchPlan($input: RequestBatchAssignmentInput!) {
    requestBatchAssignment(input: $input) {
      ...BatchRunFields
    }
  }
`);

const OPERATOR: Role[] = ['COMUNE_OPERATOR'];
const CATEGORIES: NeedCategory[] = [
  'RIDES_AND_ACCOMPANIMENT',
  'COMPANIONSHIP',
  'SHOPPING_AND_DELIVERY',
  'HOME_HELP',
  'DIGITAL_HELP',
  'CHILDCARE',
  'OTHER',
];

/** The operator's batch assignment: plan a day's open needs, then look at the plan and publish it. */
export default function BatchAssignments() {
  const { t, language } = useTranslation();
  const navigate = useNavigate();
  const { territory, loading: territoryLoading } = useStaffTerritory();
  const isOperator = useHoldsRoleIn(territory?.id, OPERATOR);
  const [day, setDay] = useState(() => tomorrowInRome());
  const [days, setDays] = useState('1');
  const [category, setCategory] = useState<NeedCategory>('RIDES_AND_ACCOMPANIMENT');
  const errors = useServerErrors();
  const runs = useQuery(RUNS, {
    variables: { territoryId: territory?.id ?? null, first: PAGE_SIZE },
    skip: !territory || !isOperator,
    fetchPolicy: 'cache-and-network',
  });
  const [request, { loading: requesting }] = useMutation(REQUEST);

  async function plan() {
    const window = romeDaysWindow(day, days);
    if ('invalid' in window || !territory) {
      errors.show([
        'invalid' in window && window.invalid === 'days'
          ? { fieldId: 'batchDays', message: t('console.batch.badDays') }
          : { fieldId: 'batchDay', message: t('console.batch.missingDay') },
      ]);
      return;
    }
    try {
      const result = await request({
        variables: { input: { territoryId: territory.id, category, ...window, publish: false } },
      });
      const run = result.data?.requestBatchAssignment;
      errors.clear();
      if (run) await navigate(`/sportello/assegnazione/${run.id}`);
    } catch (error) {
      // A period too long comes from the number of days; one already over, from the day.
      const tooLong = problemsOf(error).some((problem) => problem.code === 'BATCH_WINDOW_TOO_LONG');
      const period = tooLong ? 'batchDays' : 'batchDay';
      showConsoleApiError(errors, error, { from: 'batchDay', to: period, category: 'batchCategory' });
    }
  }

  const page = runs.data?.batchAssignmentRuns;
  return (
    <Page title={t('console.batch.title')} lead={t('console.batch.lead')}>
      <NoTerritory territory={territory} loading={territoryLoading} />
      {territory && !isOperator ? (
        <p className="alert alert-info readable">{t('console.batch.onlyOperators')}</p>
      ) : null}
      {territory && isOperator ? (
        <>
          <section aria-labelledby="batch-new" className="readable mb-5">
            <h2 id="batch-new">{t('console.batch.newTitle')}</h2>
            <ApiForm errors={errors} onSubmit={plan}>
              <Field
                id="batchDay"
                type="date"
                label={t('console.batch.day')}
                hint={t('console.batch.dayHint')}
                error={errors.byField.batchDay}
                value={day}
                onChange={(event) => setDay(event.target.value)}
              />
              <Field
                id="batchDays"
                type="text"
                inputMode="numeric"
                className="batch-days"
                label={t('console.batch.days')}
                hint={t('console.batch.daysHint')}
                error={errors.byField.batchDays}
                value={days}
                onChange={(event) => setDays(event.target.value)}
              />
              <SelectField
                id="batchCategory"
                label={t('console.batch.category')}
                error={errors.byField.batchCategory}
                value={category}
                onChange={(event) => setCategory(event.target.value as NeedCategory)}
              >
                <Options values={CATEGORIES} labelOf={(option) => t(`console.category.${option}`)} />
              </SelectField>
              <button type="submit" className="btn btn-primary" disabled={requesting} aria-busy={requesting}>
                {requesting ? t('state.loading') : t('console.batch.planButton')}
              </button>
            </ApiForm>
          </section>
          <section aria-labelledby="batch-runs">
            <h2 id="batch-runs">{t('console.batch.runsTitle')}</h2>
            <QueryState query={runs} />
            {page && !page.items.length ? <p>{t('console.batch.noRuns')}</p> : null}
            {page?.items.length ? (
              <TableScroll label={t('console.batch.runsCaption')}>
                <table className="table stack-table" role="table">
                  <caption>{t('console.batch.runsCaption')}</caption>
                  <thead role="rowgroup">
                    <tr role="row">
                      <th scope="col" role="columnheader">
                        {t('console.batch.dayColumn')}
                      </th>
                      <th scope="col" role="columnheader">
                        {t('console.batch.category')}
                      </th>
                      <th scope="col" role="columnheader">
                        {t('console.common.status')}
                      </th>
                      <th scope="col" role="columnheader">
                        {t('console.batch.servedColumn')}
                      </th>
                      <th scope="col" role="columnheader">
                        {t('console.batch.startedColumn')}
                      </th>
                    </tr>
                  </thead>
                  <tbody role="rowgroup">
                    {page.items.map((run) => {
                      const { first, last } = romeDaysOf(run.windowStart, run.windowEnd);
                      const dateOf = (d: string) => formatDate(`${d}T12:00:00Z`, language);
                      const range = { first: dateOf(first), last: dateOf(last) };
                      return (
                        <tr key={run.id} role="row">
                          <td role="cell" data-label={t('console.batch.dayColumn')}>
                            <Link
                              to={`/sportello/assegnazione/${run.id}`}
                              aria-label={
                                first === last
                                  ? t('console.batch.openLabel', { day: range.first })
                                  : t('console.batch.openLabelDays', range)
                              }
                            >
                              {first === last ? range.first : t('console.batch.dayRange', range)}
                            </Link>
                          </td>
                          <td role="cell" data-label={t('console.batch.category')}>
                            {t(`console.category.${run.category}`)}
                          </td>
                          <td role="cell" data-label={t('console.common.status')}>
                            <StatusTag tone={STATUS_TONE[run.status]}>
                              {t(`console.batch.status.${run.status}`)}
                            </StatusTag>
                            {run.scheduled ? (
                              <span className="d-block small">{t('console.batch.scheduled')}</span>
                            ) : null}
                          </td>
                          <td role="cell" data-label={t('console.batch.servedColumn')}>
                            {run.needsCount === null || run.needsCount === undefined
                              ? t('console.indicators.none')
                              : t('console.batch.servedOf', {
                                  served: run.served ?? 0,
                                  needs: run.needsCount,
                                })}
                          </td>
                          <td role="cell" data-label={t('console.batch.startedColumn')}>
                            {formatDateTime(run.createdAt, language)}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            ) : null}
            <MoreOf query={runs} field="batchAssignmentRuns" />
          </section>
        </>
      ) : null}
    </Page>
  );
}
