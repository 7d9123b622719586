import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorSummary } from '../../forms';
import { Options } from '../../forms/controls';
import { graphql } from '../../gql';
import type { NeedCategory } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { NoTerritory, QueryState, SelectField, TableScroll } from '../fields';
import { formatDateTime, formatNumber, formatPercent } from '../format';
import { LiveAndApply, PeriodFields, usePeriodFilter } from '../PeriodFields';
import { defaultRange } from '../periods';
import {
  type ComuneRow,
  fitHeight,
  mergeRows,
  project,
  radiusFor,
  type SortDirection,
  type SortKey,
  sortRows,
} from '../territory-map';
import { useStaffTerritory } from '../territory';
import '../comune.css';
import { HELP_CATEGORIES } from '../../categories';

const TERRITORY_VIEW = graphql(`
  query TerritoryDemandSupply($filter: IndicatorFilterInput!, $territoryId: ID!, $category: NeedCategory) {
    impactIndicators(filter: $filter) {
      asOf
      demand {
        comuneIstat
        needsReceived
        coverageRate
      }
    }
    territorySupply(territoryId: $territoryId, category: $category) {
      comuneIstat
      volunteers
      serviceOffers
      openNeeds
    }
  }
`);

const COLUMNS: SortKey[] = [
  'name',
  'needsReceived',
  'coverageRate',
  'openNeeds',
  'volunteers',
  'serviceOffers',
  'needsPerHelper',
];
const WIDTH = 640;
const MIN_HEIGHT = 220;
const MAX_HEIGHT = 480;
const PADDING = 56;
const MAX_RADIUS = 44;
/** Past this many Comuni the names would cover each other: the busiest are named, the table has all. */
const NAMED = 12;
const PERIOD_IDS = { from: 'mapFrom', to: 'mapTo' };

interface Filter {
  from: string;
  to: string;
  category: string;
  live: boolean;
}

/** Demand against supply in each Comune of the territory: a map of our own drawing and a sortable table. */
export default function TerritoryMap() {
  const { t, language } = useTranslation();
  const { territory, loading: territoryLoading } = useStaffTerritory();
  const period = usePeriodFilter<Filter>(
    () => ({ ...defaultRange(), category: '', live: false }),
    PERIOD_IDS,
  );
  const { input, setInput, applied: filter, errors } = period;
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: 'needsPerHelper',
    direction: 'descending',
  });
  const category = (filter.category || null) as NeedCategory | null;
  const view = useQuery(TERRITORY_VIEW, {
    variables: {
      territoryId: territory?.id ?? '',
      category,
      filter: {
        territoryId: territory?.id ?? null,
        from: filter.from,
        to: filter.to,
        live: filter.live,
        category,
        byComune: true,
        granularity: 'PERIOD' as const,
      },
    },
    skip: !territory,
  });

  const comuni = territory?.comuni ?? [];
  const data = view.data;
  const rows = data ? mergeRows(comuni, data.impactIndicators.demand, data.territorySupply) : [];
  const sorted = sortRows(rows, sort.key, sort.direction);
  const number = (value: number) => formatNumber(value, language);
  const cell = (row: ComuneRow, key: SortKey): string => {
    const value = row[key];
    if (key === 'name') return row.name;
    if (key === 'coverageRate')
      return value === null ? t('console.indicators.none') : formatPercent(value as number, language);
    if (key === 'needsPerHelper') {
      if (value === null) return t('console.indicators.none');
      return value === Number.POSITIVE_INFINITY
        ? t('console.map.nobodyToHelp')
        : formatNumber(value as number, language);
    }
    return number(value as number);
  };

  function sortBy(key: SortKey) {
    setSort((current) => ({
      key,
      direction:
        current.key === key
          ? current.direction === 'ascending'
            ? 'descending'
            : 'ascending'
          : key === 'name'
            ? 'ascending'
            : 'descending',
    }));
  }

  return (
    <Page title={t('console.map.title')} lead={t('console.map.lead')}>
      <NoTerritory territory={territory} loading={territoryLoading} />
      <ErrorSummary errors={errors} />
      <form className="filters audit-filters mb-3" noValidate onSubmit={period.apply}>
        <PeriodFields {...period.fields} />
        <SelectField
          id="mapCategory"
          label={t('console.map.category')}
          value={input.category}
          onChange={(event) => setInput({ ...input, category: event.target.value })}
        >
          <option value="">{t('console.map.allCategories')}</option>
          <Options values={HELP_CATEGORIES} labelOf={(option) => t(`console.category.${option}`)} />
        </SelectField>
        <div>
          <LiveAndApply id="mapLive" filter={period} />
        </div>
      </form>
      <QueryState query={view} />
      {data ? (
        <>
          <p data-testid="map-as-of">
            {data.impactIndicators.asOf
              ? t('console.map.asOf', { date: formatDateTime(data.impactIndicators.asOf, language) })
              : t('console.indicators.live')}
          </p>
          <ComuniMap rows={rows} comuni={comuni} />
          <section aria-labelledby="map-table-title" className="mt-4">
            <h2 id="map-table-title">{t('console.map.tableTitle')}</h2>
            <p className="readable">{t('console.map.tableHint')}</p>
            <p className="visually-hidden" aria-live="polite">
              {t('console.map.sortedBy', {
                column: t(`console.map.columns.${sort.key}`),
                direction: t(`console.map.${sort.direction}`),
              })}
            </p>
            <TableScroll label={t('console.map.caption')}>
              <table className="table map-table">
                <caption>{t('console.map.caption')}</caption>
                <thead>
                  <tr>
                    {COLUMNS.map((key) => (
                      <th
                        key={key}
                        scope="col"
                        aria-sort={sort.key === key ? sort.direction : undefined}
                        className={key === 'name' ? undefined : 'text-end'}
                      >
                        <button type="button" className="sort-button" onClick={() => sortBy(key)}>
                          {t(`console.map.columns.${key}`)}
                          <span aria-hidden="true" className="sort-button__arrow">
                            {sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                          </span>
                        </button>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((row) => (
                    <tr key={row.istat}>
                      {COLUMNS.map((key) =>
                        key === 'name' ? (
                          <th key={key} scope="row">
                            {row.name}
                          </th>
                        ) : (
                          <td key={key} className="text-end">
                            {cell(row, key)}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        </>
      ) : null}
    </Page>
  );
}

/** The territory's Comuni where they are: a filled circle for the needs received, a ring for who can help. */
function ComuniMap({
  rows,
  comuni,
}: {
  rows: ComuneRow[];
  comuni: { istat: string; name: string; lat: number; lon: number }[];
}) {
  const { t } = useTranslation();
  const height = fitHeight(comuni, WIDTH, PADDING, MIN_HEIGHT, MAX_HEIGHT);
  const points = project(comuni, WIDTH, height, PADDING);
  const helpersOf = (row: ComuneRow) => row.volunteers + row.serviceOffers;
  // One scale for both marks, so that a ring smaller than its disc means fewer helpers than needs.
  const largest = Math.max(1, ...rows.map((row) => Math.max(row.needsReceived, helpersOf(row))));
  const named = new Set(
    (comuni.length <= NAMED
      ? rows
      : [...rows].sort((a, b) => b.needsReceived - a.needsReceived).slice(0, NAMED)
    ).map((row) => row.istat),
  );
  const totalNeeds = rows.reduce((sum, row) => sum + row.needsReceived, 0);
  const totalHelpers = rows.reduce((sum, row) => sum + helpersOf(row), 0);
  return (
    <figure className="territory-map mb-0">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby="territory-map-title territory-map-desc"
        className="territory-map__svg"
      >
        <title id="territory-map-title">{t('console.map.mapTitle')}</title>
        <desc id="territory-map-desc">
          {t('console.map.mapDescription', { comuni: rows.length, needs: totalNeeds, helpers: totalHelpers })}
        </desc>
        <rect x="0" y="0" width={WIDTH} height={height} className="territory-map__ground" />
        {rows.map((row) => {
          const point = points.get(row.istat);
          if (!point) return null;
          const demand = radiusFor(row.needsReceived, largest, MAX_RADIUS);
          const supply = radiusFor(helpersOf(row), largest, MAX_RADIUS);
          return (
            <g key={row.istat} data-istat={row.istat}>
              {demand ? (
                <circle cx={point.x} cy={point.y} r={demand} className="territory-map__demand" />
              ) : null}
              {supply ? (
                <circle cx={point.x} cy={point.y} r={supply} className="territory-map__supply" />
              ) : null}
              <circle cx={point.x} cy={point.y} r={3} className="territory-map__place" />
              {named.has(row.istat) ? (
                // Names of the places near the right edge go to their left, inside the drawing.
                <text
                  x={point.x > WIDTH * 0.7 ? point.x - 6 : point.x + 6}
                  y={point.y - 6}
                  textAnchor={point.x > WIDTH * 0.7 ? 'end' : 'start'}
                  className="territory-map__name"
                >
                  {row.name}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="territory-map__legend list-unstyled d-flex flex-wrap gap-4 my-2">
          <li>
            <svg width="20" height="20" aria-hidden="true" focusable="false">
              <circle cx="10" cy="10" r="8" className="territory-map__demand" />
            </svg>{' '}
            {t('console.map.legendDemand')}
          </li>
          <li>
            <svg width="20" height="20" aria-hidden="true" focusable="false">
              <circle cx="10" cy="10" r="7" className="territory-map__supply" />
            </svg>{' '}
            {t('console.map.legendSupply')}
          </li>
        </ul>
        <p className="small readable mb-0">{t('console.map.mapNote')}</p>
      </figcaption>
    </figure>
  );
}
