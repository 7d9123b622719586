import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Page } from '../../layout/Page';
import { appendPage } from '../../layout/ShowMore';
import { formatDate } from '../datetime';
import { useCitizenTranslation } from '../i18n';
import { CARE_GROUPS, MY_NEEDS } from '../operations';
import { CITIZEN_PATHS } from '../paths';
import { QueryState } from '../QueryState';
import { ACTIVE_NEED_STATUSES, needTitle, needWhen } from './need-text';
import { StatusTag } from './StatusTag';

/** "Le mie richieste": the current ones first, each with its status in words and what comes next. */
export default function MyNeedsPage() {
  const { t, language } = useCitizenTranslation();
  const needs = useQuery(MY_NEEDS, { notifyOnNetworkStatusChange: true });
  const groups = useQuery(CARE_GROUPS);
  const page = needs.data?.myNeeds;
  const items = page?.items ?? [];
  const active = items.filter((need) => ACTIVE_NEED_STATUSES.includes(need.status));
  const past = items.filter((need) => !ACTIVE_NEED_STATUSES.includes(need.status));
  const groupWaiting = (groups.data?.myCareGroups.items ?? []).some(
    (group) => group.status === 'PROPOSED' && group.myQuotes.some((quote) => quote.status === 'INVITED'),
  );

  const list = (shown: typeof items, headingId: string) => (
    <ul className="list-unstyled" aria-labelledby={headingId}>
      {shown.map((need) => {
        const engagement = need.engagement;
        return (
          <li key={need.id} className="need-card">
            <div className="d-flex flex-wrap justify-content-between align-items-start gap-2 mb-2">
              <h3 className="h5 mb-0">
                <Link to={CITIZEN_PATHS.need(need.id)}>{needTitle(need, t)}</Link>
              </h3>
              <StatusTag kind="need" status={need.status} />
            </div>
            <p className="mb-1">{t('list.when', { when: needWhen(need, language) })}</p>
            {need.beneficiary?.kind === 'RELATIVE' && need.beneficiary.fullName ? (
              <p className="mb-1">{t('list.for', { name: need.beneficiary.fullName })}</p>
            ) : null}
            {engagement?.status === 'AWAITING_CONFIRMATION' ? (
              <p className="mb-1 fw-semibold">{t('list.toConfirm', { name: engagement.helperName })}</p>
            ) : engagement && ['CONFIRMED', 'IN_PROGRESS'].includes(engagement.status) ? (
              <p className="mb-1">{t('list.helper', { name: engagement.helperName })}</p>
            ) : null}
            <p className="mb-0 small text-muted-strong">
              {t('list.posted', { date: formatDate(need.createdAt, language) })}
            </p>
          </li>
        );
      })}
    </ul>
  );

  return (
    <Page title={t('list.title')} lead={t('list.intro')}>
      <p>
        <Link to={CITIZEN_PATHS.newNeed} className="btn btn-primary btn-lg">
          {t('list.new')}
        </Link>
      </p>
      {groupWaiting ? (
        <div className="callout note">
          <p className="mb-0">
            <Link to={CITIZEN_PATHS.careGroups}>{t('list.careGroupsWaiting')}</Link>
          </p>
        </div>
      ) : null}
      {!page ? (
        <QueryState error={needs.error} onRetry={() => void needs.refetch()} />
      ) : items.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <>
          {active.length ? (
            <section className="mb-4">
              <h2 id="needs-active">{t('list.active')}</h2>
              {list(active, 'needs-active')}
            </section>
          ) : null}
          {past.length ? (
            <section className="mb-4">
              <h2 id="needs-past">{t('list.past')}</h2>
              {list(past, 'needs-past')}
            </section>
          ) : null}
          {page.pageInfo.hasNextPage ? (
            <button
              type="button"
              className="btn btn-outline-primary"
              onClick={() =>
                void needs.fetchMore({
                  variables: { after: page.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    myNeeds: appendPage(previous.myNeeds, fetchMoreResult.myNeeds),
                  }),
                })
              }
            >
              {t('showMore')}
            </button>
          ) : null}
        </>
      )}
    </Page>
  );
}
