import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { Options, SelectField } from '../../forms/controls';
import type { CareGroupStatus, EtsCareGroupsQuery } from '../../gql/graphql';
import { formatEuro } from '../../format';
import { useTranslation } from '../../i18n';
import { StatusTag, TableScroll } from '../fields';
import { formatDate, formatNumber } from '../format';
import { organisationSection, type OrganisationSummary } from './OrganisationFrame';
import { organisationPath } from './paths';
import { AREA_COMUNI, CARE_GROUPS } from './operations';
import { MoreOf, QueryState } from './states';
import '../comune.css';

const STATUS_TONE: Record<CareGroupStatus, 'info' | 'success' | 'neutral'> = {
  PROPOSED: 'info',
  CONFIRMED: 'success',
  DISSOLVED: 'neutral',
};

const STATUSES: CareGroupStatus[] = ['PROPOSED', 'CONFIRMED', 'DISSOLVED'];

const COLUMNS = ['household', 'memberStatus', 'pricePerHour', 'weeklyCost', 'alone', 'saving'] as const;
type Column = (typeof COLUMNS)[number];

/** The shared-carer groups the organisation serves, with the common hours and every household's quote. */
export default organisationSection('careGroups', CareGroupsOf);

type Group = EtsCareGroupsQuery['organisationCareGroups']['items'][number];

function CareGroupsOf({ organisation }: { organisation: OrganisationSummary }) {
  const { t } = useTranslation();
  // The state shown is in the address (?stato=PROPOSED), so that a reload or a link keeps it.
  const [search, setSearch] = useSearchParams();
  const chosen = search.get('stato');
  const status = STATUSES.find((value) => value === chosen) ?? null;
  const groups = useQuery(CARE_GROUPS, {
    variables: { organisationId: organisation.id, status },
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
      <div className="readable">
        <SelectField
          id="care-groups-status"
          label={t('ets.careGroups.filter')}
          value={status ?? ''}
          onChange={(event) =>
            setSearch(event.target.value ? { stato: event.target.value } : {}, { replace: true })
          }
        >
          <option value="">{t('ets.careGroups.filterAll')}</option>
          <Options values={STATUSES} labelOf={(value) => t(`ets.careGroups.status.${value}`)} />
        </SelectField>
      </div>
      <QueryState query={groups} />
      {groups.data && !list.length ? (
        <p role="status">{t(status ? 'ets.careGroups.noneInState' : 'ets.careGroups.none')}</p>
      ) : null}
      <ul className="list-unstyled ets-list" data-testid="care-groups">
        {list.map((group) => (
          <GroupItem
            key={group.id}
            organisationId={organisation.id}
            group={group}
            comune={names.get(group.comuneIstat) ?? group.comuneIstat}
          />
        ))}
      </ul>
      <MoreOf query={groups} field="organisationCareGroups" />
    </>
  );
}

function GroupItem({
  organisationId,
  group,
  comune,
}: {
  organisationId: string;
  group: Group;
  comune: string;
}) {
  const { t, language } = useTranslation();
  const waiting = (group.members ?? []).filter((member) => member.status === 'INVITED').length;
  /** A household's state in words, with its day: when it confirmed or left, or since when it is asked. */
  const memberState = (member: NonNullable<Group['members']>[number]) => {
    const date = (at: string) => formatDate(at, language);
    if (member.leftAt) return t('ets.careGroups.memberLeft', { date: date(member.leftAt) });
    if (member.confirmedAt) return t('ets.careGroups.memberConfirmed', { date: date(member.confirmedAt) });
    return `${t(`ets.careGroups.memberStatusName.${member.status}`)} · ${t('ets.careGroups.memberSince', {
      date: date(member.joinedAt),
    })}`;
  };

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
        {group.status === 'PROPOSED' ? (
          <p className="mb-1">
            {t('ets.careGroups.proposedOn', { date: formatDate(group.createdAt, language) })}{' '}
            {waiting ? t('ets.careGroups.waiting', { count: waiting }) : null}
          </p>
        ) : null}
        {group.status === 'CONFIRMED' && group.confirmedAt ? (
          <p className="mb-1">
            {t('ets.careGroups.confirmedOn', { date: formatDate(group.confirmedAt, language) })}{' '}
            <Link to={organisationPath(organisationId, 'requests')}>{t('ets.careGroups.engagements')}</Link>
          </p>
        ) : null}
        {group.status === 'DISSOLVED' && group.dissolvedAt ? (
          <p className="mb-1">
            {t('ets.careGroups.dissolvedOn', { date: formatDate(group.dissolvedAt, language) })}
          </p>
        ) : null}
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
                    ['memberStatus', memberState(member)],
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
