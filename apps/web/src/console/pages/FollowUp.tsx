import { useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Field } from '../../forms';
import { graphql } from '../../gql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { LoadState, SelectField, StatusTag, TableScroll } from '../fields';
import { formatDateTime } from '../format';
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

  function apply(event: FormEvent) {
    event.preventDefault();
    const hours = Number.parseInt(hoursInput, 10);
    setFilter({ hours: Number.isFinite(hours) && hours >= 0 ? hours : 24, comune: comuneInput });
  }

  const openPage = open.data?.territoryNeeds;
  const unmatchedPage = unmatched.data?.unmatchedNeeds;
  return (
    <Page title={t('console.followUp.title')} lead={t('console.followUp.lead')}>
      <form className="filters d-flex flex-wrap align-items-end gap-3 mb-4" onSubmit={apply}>
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
        <button type="submit" className="btn btn-primary mb-4">
          {t('console.followUp.apply')}
        </button>
      </form>

      <section aria-labelledby="open-title" className="mb-5">
        <h2 id="open-title">{t('console.followUp.openTitle', { hours: filter.hours })}</h2>
        <LoadState
          loading={open.loading && !openPage}
          error={open.error}
          onRetry={() => void open.refetch()}
          loadingText={t('state.loading')}
          failedText={t('console.common.loadFailed')}
          retryText={t('console.common.retry')}
        />
        {openPage && !openPage.items.length ? <p>{t('console.common.empty')}</p> : null}
        {openPage?.items.length ? (
          <TableScroll label={t('console.followUp.openCaption', { hours: filter.hours })}>
            <table className="table">
              <caption>{t('console.followUp.openCaption', { hours: filter.hours })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.followUp.need')}</th>
                  <th scope="col">{t('console.common.comune')}</th>
                  <th scope="col">{t('console.followUp.opened')}</th>
                  <th scope="col">{t('console.common.status')}</th>
                </tr>
              </thead>
              <tbody>
                {openPage.items.map((need) => (
                  <tr key={need.id}>
                    <td>
                      <Link to={`/sportello/richieste/${need.id}`}>
                        {t(`console.category.${need.category}`)}
                      </Link>
                      <br />
                      <span className="small">{need.description}</span>
                    </td>
                    <td>{names.get(need.comuneIstat) ?? need.comuneIstat}</td>
                    <td>{formatDateTime(need.openedAt ?? need.createdAt, language)}</td>
                    <td>
                      <StatusTag tone="warning">{t(`console.needStatus.${need.status}`)}</StatusTag>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
        {openPage?.pageInfo.hasNextPage ? (
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={() =>
              void open.fetchMore({
                variables: { after: openPage.pageInfo.endCursor },
                updateQuery: (previous, { fetchMoreResult }) => ({
                  territoryNeeds: {
                    ...fetchMoreResult.territoryNeeds,
                    items: [
                      ...(previous.territoryNeeds?.items ?? []),
                      ...fetchMoreResult.territoryNeeds.items,
                    ],
                  },
                }),
              })
            }
          >
            {t('console.common.loadMore')}
          </button>
        ) : null}
      </section>

      <section aria-labelledby="unmatched-title">
        <h2 id="unmatched-title">{t('console.followUp.unmatchedTitle')}</h2>
        <LoadState
          loading={unmatched.loading && !unmatchedPage}
          error={unmatched.error}
          onRetry={() => void unmatched.refetch()}
          loadingText={t('state.loading')}
          failedText={t('console.common.loadFailed')}
          retryText={t('console.common.retry')}
        />
        {unmatchedPage && !unmatchedPage.items.length ? <p>{t('console.common.empty')}</p> : null}
        {unmatchedPage?.items.length ? (
          <TableScroll label={t('console.followUp.unmatchedCaption')}>
            <table className="table">
              <caption>{t('console.followUp.unmatchedCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.followUp.need')}</th>
                  <th scope="col">{t('console.common.comune')}</th>
                  <th scope="col">{t('console.followUp.reason')}</th>
                  <th scope="col">{t('console.followUp.since')}</th>
                </tr>
              </thead>
              <tbody>
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
                    <td>
                      <StatusTag tone="danger">{t(`console.unmatchedReason.${need.reason}`)}</StatusTag>
                      <br />
                      <span className="small">{need.reasonText}</span>
                    </td>
                    <td>{formatDateTime(need.unmatchedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
        {unmatchedPage?.pageInfo.hasNextPage ? (
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={() =>
              void unmatched.fetchMore({
                variables: { after: unmatchedPage.pageInfo.endCursor },
                updateQuery: (previous, { fetchMoreResult }) => ({
                  unmatchedNeeds: {
                    ...fetchMoreResult.unmatchedNeeds,
                    items: [
                      ...(previous.unmatchedNeeds?.items ?? []),
                      ...fetchMoreResult.unmatchedNeeds.items,
                    ],
                  },
                }),
              })
            }
          >
            {t('console.common.loadMore')}
          </button>
        ) : null}
      </section>
    </Page>
  );
}
