import { useQuery } from '@apollo/client/react';
import type { CareGroupStatus, EtsCareGroupsQuery } from '../../gql/graphql';
import { formatEuro } from '../../format';
import { useTranslation } from '../../i18n';
import { StatusTag, TableScroll } from '../fields';
import { formatNumber } from '../format';
import { OrganisationFrame, type OrganisationSummary } from './OrganisationFrame';
import { AREA_COMUNI, CARE_GROUPS } from './operations';
import { MoreOf, QueryState } from './states';
import '../comune.css';

const STATUS_TONE: Record<CareGroupStatus, 'info' | 'success' | 'neutral'> = {
  PROPOSED: 'info',
  CONFIRMED: 'success',
  DISSOLVED: 'neutral',
};

const COLUMNS = ['household', 'memberStatus', 'pricePerHour', 'weeklyCost', 'alone', 'saving'] as const;
type Column = (typeof COLUMNS)[number];

/** The shared-carer groups the organisation serves, with the common hours and every household's quote. */
export default function CareGroups() {
  const { t } = useTranslation();
  return (
    <OrganisationFrame section="careGroups" lead={t('ets.careGroups.lead')}>
      {(organisation) => <CareGroupsOf organisation={organisation} />}
    </OrganisationFrame>
  );
}

type Group = EtsCareGroupsQuery['organisationCareGroups']['items'][number];

function CareGroupsOf({ organisation }: { organisation: OrganisationSummary }) {
  const { t } = useTranslation();
  const groups = useQuery(CARE_GROUPS, {
    variables: { organisationId: organisation.id },
    fetchPolicy: 'cache-and-network',
  });
  // Comune names of the organisation's territories (a group's Comune is one of them).
  const area = useQuery(AREA_COMUNI, { variables: { istat: organisation.homeComuneIstat } });
  const names = new Map(
    (area.data?.territoriesOfComune ?? [])
      .flatMap((territory) => territory.comuni)
      .map((c) => [c.istat, c.name]),
  );
  const list = groups.data?.organisationCareGroups.items ?? [];
  return (
    <>
      <QueryState query={groups} />
      {groups.data && !list.length ? <p>{t('ets.careGroups.none')}</p> : null}
      <ul className="list-unstyled ets-list" data-testid="care-groups">
        {list.map((group) => (
          <GroupItem
            key={group.id}
            group={group}
            comune={names.get(group.comuneIstat) ?? group.comuneIstat}
          />
        ))}
      </ul>
      <MoreOf query={groups} field="organisationCareGroups" />
    </>
  );
}

function GroupItem({ group, comune }: { group: Group; comune: string }) {
  const { t, language } = useTranslation();
  const headingId = `group-${group.id}`;
  const euro = (cents: number) => formatEuro(cents, language);
  const title = t('ets.careGroups.title', { offer: group.offer.title, comune });
  return (
    <li className="ets-item">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="h4 mb-1">
          {title}
        </h2>
        <p className="mb-1 d-flex flex-wrap gap-2 align-items-center">
          <StatusTag tone={STATUS_TONE[group.status]}>{t(`ets.careGroups.status.${group.status}`)}</StatusTag>
          <span>{t('ets.careGroups.households', { count: group.householdCount })}</span>
        </p>
        <p className="mb-1">
          {t('ets.careGroups.weekly', { hours: formatNumber(group.weeklyMinutes / 60, language) })}
        </p>
        <ul className="mb-2">
          {group.sharedSchedule.map((slot) => (
            <li key={`${slot.dayOfWeek}-${slot.start}`}>
              {t('ets.careGroups.slot', {
                day: t(`weekday.d${slot.dayOfWeek}`),
                start: slot.start,
                end: slot.end,
              })}
            </li>
          ))}
        </ul>
        {group.members?.length ? (
          <TableScroll label={t('ets.careGroups.caption', { offer: group.offer.title, comune })}>
            <table className="table table-sm stack-table" role="table">
              <caption>{t('ets.careGroups.caption', { offer: group.offer.title, comune })}</caption>
              <thead role="rowgroup">
                <tr role="row">
                  {COLUMNS.map((column) => (
                    <th key={column} scope="col" role="columnheader">
                      {t(`ets.careGroups.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody role="rowgroup">
                {group.members.map((member, index) => {
                  const cells: [Column, string][] = [
                    ['memberStatus', t(`ets.careGroups.memberStatusName.${member.status}`)],
                    ['pricePerHour', euro(member.priceCentsPerHour)],
                    ['weeklyCost', euro(member.weeklyCents)],
                    ['alone', euro(member.individualWeeklyCents)],
                    ['saving', euro(member.weeklySavingCents)],
                  ];
                  return (
                    <tr key={member.needId} role="row">
                      <th scope="row" role="rowheader">
                        {t('ets.careGroups.householdN', { n: index + 1 })}
                      </th>
                      {cells.map(([column, value]) => (
                        <td key={column} role="cell" data-label={t(`ets.careGroups.${column}`)}>
                          {value}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </article>
    </li>
  );
}
