import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Field } from '../../forms';
import { graphql } from '../../gql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { ConsoleLoadState, DataTable, FilterForm, SelectField, StatusTag } from '../fields';
import { formatDateTime } from '../format';
import { MoreOf } from '../organisation/states';
import { useStaffTerritory } from '../territory';

const PAGE_SIZE = 20;

const OPEN_NEEDS = graphql(`
  query FollowUpOpenNeeds($hours: Int, $comuneIstat: String, $first: Int!, $after: String) {
    territoryNeeds(
      status: OPEN
      unmatchedForHours: $hours
      comuneIstat: $comuneIstat
      first: $first
      after: $after
    ) {
      items {
        id
        category
        description
        comuneIstat
        status
        source
        openedAt
        createdAt
        windowStart
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

const UNMATCHED_NEEDS = graphql(`
  query FollowUpUnmatchedNeeds($comuneIstat: String, $first: Int!, $after: String) {
    unmatchedNeeds(comuneIstat: $comuneIstat, first: $first, after: $after) {
      items {
        needId
        category
        description
        comuneIstat
        reason
        reasonText
        unmatchedAt
        windowStart
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** The desk's follow-up: needs still open after N hours, and needs nobody could be found for. */
export default function FollowUp() {
  const { t, language } = useTranslation();
  const { territories, territory } = useStaffTerritory();
  const [hoursInput, setHoursInput] = useState('24');
  const [comuneInput, setComuneInput] = useState('');
  const [filter, setFilter] = useState({ hours: 24, comune: '' });
  const comuneIstat = filter.comune || null;
  const names = new Map(
    territories.flatMap((item) => item.comuni.map((comune) => [comune.istat, comune.name])),
  );
  const open = useQuery(OPEN_NEEDS, {
    variables: { hours: filter.hours, comuneIstat, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const unmatched = useQuery(UNMATCHED_NEEDS, {
    variables: { comuneIstat, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });

  function apply() {
    const hours = Number.parseInt(hoursInput, 10);
    setFilter({ hours: Number.isFinite(hours) && hours >= 0 ? hours : 24, comune: comuneInput });
  }

  const openPage = open.data?.territoryNeeds;
  const unmatchedPage = unmatched.data?.unmatchedNeeds;
  return (
    <Page title={t('console.followUp.title')} lead={t('console.followUp.lead')}>
      <FilterForm onApply={apply} applyLabel={t('console.followUp.apply')}>
        <Field
          id="hours"
          type="number"
          min={0}
          inputMode="numeric"
          label={t('console.followUp.hours')}
          value={hoursInput}
          onChange={(event) => setHoursInput(event.target.value)}
        />
        <SelectField
          id="comuneFilter"
          label={t('console.common.comune')}
          value={comuneInput}
          onChange={(event) => setComuneInput(event.target.value)}
        >
          <option value="">{t('console.territory.allComuni')}</option>
          {(territory?.comuni ?? []).map((comune) => (
            <option key={comune.istat} value={comune.istat}>
              {comune.name}
            </option>
          ))}
        </SelectField>
      </FilterForm>

      <section aria-labelledby="open-title" className="mb-5">
        <h2 id="open-title">{t('console.followUp.openTitle', { hours: filter.hours })}</h2>
        <ConsoleLoadState
          loading={open.loading && !openPage}
          error={open.error}
          onRetry={() => void open.refetch()}
        />
        {openPage && !openPage.items.length ? <p>{t('console.common.empty')}</p> : null}
        {openPage?.items.length ? (
          <DataTable
            caption={t('console.followUp.openCaption', { hours: filter.hours })}
            columns={[
              t('console.followUp.need'),
              t('console.common.comune'),
              t('console.common.whenNeeded'),
              t('console.followUp.opened'),
              t('console.common.status'),
            ]}
          >
            {openPage.items.map((need) => (
              <tr key={need.id}>
                <td>
                  <Link to={`/sportello/richieste/${need.id}`}>{t(`console.category.${need.category}`)}</Link>
                  <br />
                  <span className="small">{need.description}</span>
                </td>
                <td>{names.get(need.comuneIstat) ?? need.comuneIstat}</td>
                <td>{need.windowStart ? formatDateTime(need.windowStart, language) : '—'}</td>
                <td>{formatDateTime(need.openedAt ?? need.createdAt, language)}</td>
                <td>
                  <StatusTag tone="warning">{t(`console.needStatus.${need.status}`)}</StatusTag>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        <MoreOf query={open} field="territoryNeeds" />
      </section>

      <section aria-labelledby="unmatched-title">
        <h2 id="unmatched-title">{t('console.followUp.unmatchedTitle')}</h2>
        <ConsoleLoadState
          loading={unmatched.loading && !unmatchedPage}
          error={unmatched.error}
          onRetry={() => void unmatched.refetch()}
        />
        {unmatchedPage && !unmatchedPage.items.length ? <p>{t('console.common.empty')}</p> : null}
        {unmatchedPage?.items.length ? (
          <DataTable
            caption={t('console.followUp.unmatchedCaption')}
            columns={[
              t('console.followUp.need'),
              t('console.common.comune'),
              t('console.common.whenNeeded'),
              t('console.followUp.reason'),
              t('console.followUp.since'),
            ]}
          >
            {unmatchedPage.items.map((need) => (
              <tr key={need.needId}>
                <td>
                  <Link to={`/sportello/richieste/${need.needId}`}>
                    {t(`console.category.${need.category.toUpperCase()}`)}
                  </Link>
                  <br />
                  <span className="small">{need.description}</span>
                </td>
                <td>{names.get(need.comuneIstat) ?? need.comuneIstat}</td>
                <td>{need.windowStart ? formatDateTime(need.windowStart, language) : '—'}</td>
                <td>
                  <StatusTag tone="danger">{t(`console.unmatchedReason.${need.reason}`)}</StatusTag>
                  <br />
                  <span className="small">{need.reasonText}</span>
                </td>
                <td>{formatDateTime(need.unmatchedAt, language)}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        <MoreOf query={unmatched} field="unmatchedNeeds" />
      </section>
    </Page>
  );
}
