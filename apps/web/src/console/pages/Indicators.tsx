import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorSummary, useServerErrors } from '../../forms';
import { Options } from '../../forms/controls';
import { graphql } from '../../gql';
import type { IndicatorTable } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { BarChart } from '../BarChart';
import { ConsoleLoadState, NoTerritory, SelectField } from '../fields';
import { LiveAndApply, PeriodFields, usePeriodFilter } from '../PeriodFields';
import { formatDateTime, formatMonth, formatNumber, formatPercent } from '../format';
import { ageOf, defaultRange, monthsBetween } from '../periods';
import { saveCsvFile } from '../save-file';
import { useStaffTerritory } from '../territory';

const INDICATORS = graphql(`
  query TerritoryIndicators($period: IndicatorFilterInput!, $monthly: IndicatorFilterInput!) {
    period: impactIndicators(filter: $period) {
      asOf
      from
      to
      demand {
        needsReceived
        needsMatched
        needsServed
        coverageRate
        medianHoursToMatch
        p90HoursToMatch
      }
      reach {
        citizensReached
      }
      unmatched {
        reason
        needs
        people
      }
      activity {
        volunteerHours
      }
    }
    monthly: impactIndicators(filter: $monthly) {
      asOf
      demand {
        periodStart
        needsReceived
        coverageRate
        medianHoursToMatch
        p90HoursToMatch
      }
      reach {
        periodStart
        citizensReached
      }
      activity {
        periodStart
        volunteerHours
      }
    }
  }
`);

const EXPORT_CSV = graphql(`
  mutation ExportIndicatorsCsvFile($input: IndicatorExportInput!) {
    exportIndicatorsCsv(input: $input) {
      csv
      fileName
      rowCount
    }
  }
`);

const EXPORT_OPEN_DATA = graphql(`
  mutation ExportIndicatorsOpenDataFile($input: IndicatorExportInput!) {
    exportOpenDataCsv(input: $input) {
      csv
      fileName
      rowCount
      suppressedCells
    }
  }
`);

const EXPORT_TABLES: IndicatorTable[] = [
  'DEMAND',
  'REACH',
  'UNMATCHED',
  'ACTIVITY',
  'SATISFACTION',
  'SHARED_CARE',
  'LATENT_NEEDS',
];
const REASONS = ['NONE_AVAILABLE', 'NO_HELPER_IN_RANGE', 'ALL_DECLINED', 'REQUIREMENT_NOT_MET'] as const;

const PERIOD_IDS = { from: 'from', to: 'to' };

/** The Comune's dashboard: the period's figures, monthly charts with their tables, and the CSV export. */
export default function Indicators() {
  const { t, language } = useTranslation();
  const { territory, loading: territoryLoading } = useStaffTerritory();
  const filter = usePeriodFilter(() => ({ ...defaultRange(), live: false }), PERIOD_IDS);
  const { applied: range, errors } = filter;
  const [table, setTable] = useState<IndicatorTable>('DEMAND');
  const [exported, setExported] = useState<string | null>(null);
  const exportErrors = useServerErrors();
  const territoryId = territory?.id ?? null;
  const period = {
    from: range.from,
    to: range.to,
    live: range.live,
    territoryId,
    granularity: 'PERIOD' as const,
  };
  const indicators = useQuery(INDICATORS, {
    variables: { period, monthly: { ...period, granularity: 'MONTH' as const } },
    skip: !territory,
  });
  const [exportCsv, { loading: exportingCsv }] = useMutation(EXPORT_CSV);
  const [exportOpenData, { loading: exportingOpenData }] = useMutation(EXPORT_OPEN_DATA);
  const exporting = exportingCsv || exportingOpenData;

  /** The chosen table of the period as the Comune's CSV, or as open data (whole months, small cells empty). */
  async function download(kind: 'csv' | 'openData') {
    setExported(null);
    try {
      const variables = { input: { filter: period, table } };
      if (kind === 'csv') {
        const file = (await exportCsv({ variables })).data?.exportIndicatorsCsv;
        if (!file) return;
        saveCsvFile(file.fileName, file.csv);
        setExported(t('console.indicators.exportReady', { file: file.fileName, count: file.rowCount }));
      } else {
        const file = (await exportOpenData({ variables })).data?.exportOpenDataCsv;
        if (!file) return;
        saveCsvFile(file.fileName, file.csv);
        setExported(
          t('console.indicators.openDataReady', {
            file: file.fileName,
            count: file.rowCount,
            cells: file.suppressedCells,
          }),
        );
      }
      exportErrors.clear();
    } catch (error) {
      exportErrors.showApiError(error);
    }
  }

  const data = indicators.data;
  const totals = data?.period.demand[0];
  const months = monthsBetween(range.from, range.to);
  const monthLabels = months.map((month) => formatMonth(month, language));
  const byMonth = <Row extends { periodStart: string }>(
    rows: Row[] | undefined,
    pick: (row: Row) => number | null,
  ) =>
    months.map((month) => {
      const row = rows?.find((candidate) => candidate.periodStart.slice(0, 7) === month.slice(0, 7));
      return row ? pick(row) : null;
    });
  const number = (value: number) => formatNumber(value, language);
  const asOf = data?.period.asOf;
  const age = asOf ? ageOf(asOf) : null;
  const unmatchedRows = data?.period.unmatched ?? [];

  return (
    <Page title={t('console.indicators.title')} lead={t('console.indicators.lead')}>
      <NoTerritory territory={territory} loading={territoryLoading} />
      <ErrorSummary errors={errors} />
      <form
        className="filters d-flex flex-wrap align-items-end gap-3 mb-3"
        noValidate
        onSubmit={filter.apply}
      >
        <PeriodFields {...filter.fields} />
        <LiveAndApply id="live" filter={filter} />
      </form>
      <ConsoleLoadState
        loading={indicators.loading}
        error={indicators.error}
        onRetry={() => void indicators.refetch()}
      />
      {data ? (
        <>
          <p data-testid="snapshot-age">
            {asOf && age
              ? t('console.indicators.asOf', {
                  date: formatDateTime(asOf, language),
                  age: t(`console.indicators.${age.key}`, { count: age.count }),
                })
              : t('console.indicators.live')}
          </p>
          <section aria-labelledby="totals-title" className="mb-5">
            <h2 id="totals-title">{t('console.indicators.totalsTitle')}</h2>
            <dl className="kpis" data-testid="totals">
              <div>
                <dt>{t('console.indicators.needsReceived')}</dt>
                <dd data-testid="needsReceived">{number(totals?.needsReceived ?? 0)}</dd>
              </div>
              <div>
                <dt>{t('console.indicators.coverage')}</dt>
                <dd data-testid="coverage">
                  {totals?.coverageRate == null
                    ? t('console.indicators.none')
                    : formatPercent(totals.coverageRate, language)}
                </dd>
              </div>
              <div>
                <dt>{t('console.indicators.peopleReached')}</dt>
                <dd data-testid="peopleReached">{number(data.period.reach[0]?.citizensReached ?? 0)}</dd>
              </div>
              <div>
                <dt>{t('console.indicators.medianHours')}</dt>
                <dd data-testid="medianHours">
                  {totals?.medianHoursToMatch == null
                    ? t('console.indicators.none')
                    : t('console.indicators.hoursValue', { hours: number(totals.medianHoursToMatch) })}
                </dd>
              </div>
              <div>
                <dt>{t('console.indicators.p90Hours')}</dt>
                <dd data-testid="p90Hours">
                  {totals?.p90HoursToMatch == null
                    ? t('console.indicators.none')
                    : t('console.indicators.hoursValue', { hours: number(totals.p90HoursToMatch) })}
                </dd>
              </div>
              <div>
                <dt>{t('console.indicators.volunteerHours')}</dt>
                <dd data-testid="volunteerHours">{number(data.period.activity[0]?.volunteerHours ?? 0)}</dd>
              </div>
            </dl>
          </section>
          <BarChart
            caption={t('console.indicators.coverageChart')}
            note={t('console.indicators.chartNote')}
            empty={t('console.indicators.chartEmpty')}
            categoryHeader={t('console.indicators.byMonth')}
            categories={monthLabels}
            series={[
              {
                name: t('console.indicators.coverage'),
                values: byMonth(data.monthly.demand, (row) =>
                  row.coverageRate == null ? null : row.coverageRate,
                ),
              },
            ]}
            format={(value) => formatPercent(value, language)}
          />
          <BarChart
            caption={t('console.indicators.reachChart')}
            note={t('console.indicators.chartNote')}
            empty={t('console.indicators.chartEmpty')}
            categoryHeader={t('console.indicators.byMonth')}
            categories={monthLabels}
            series={[
              {
                name: t('console.indicators.peopleReached'),
                values: byMonth(data.monthly.reach, (row) => row.citizensReached),
              },
            ]}
            format={number}
          />
          <BarChart
            caption={t('console.indicators.timeChart')}
            note={t('console.indicators.chartNote')}
            empty={t('console.indicators.chartEmpty')}
            categoryHeader={t('console.indicators.byMonth')}
            categories={monthLabels}
            series={[
              {
                name: t('console.indicators.median'),
                values: byMonth(data.monthly.demand, (row) => row.medianHoursToMatch ?? null),
              },
              {
                name: t('console.indicators.p90'),
                values: byMonth(data.monthly.demand, (row) => row.p90HoursToMatch ?? null),
              },
            ]}
            format={number}
          />
          <BarChart
            caption={t('console.indicators.unmatchedChart')}
            note={t('console.indicators.chartNote')}
            empty={t('console.indicators.chartEmpty')}
            categoryHeader={t('console.indicators.reason')}
            categories={REASONS.map((reason) => t(`console.unmatchedReason.${reason}`))}
            series={[
              {
                name: t('console.indicators.needs'),
                values: REASONS.map((reason) =>
                  unmatchedRows
                    .filter((row) => row.reason === reason)
                    .reduce((sum, row) => sum + row.needs, 0),
                ),
              },
              {
                name: t('console.indicators.people'),
                values: REASONS.map((reason) =>
                  unmatchedRows
                    .filter((row) => row.reason === reason)
                    .reduce((sum, row) => sum + row.people, 0),
                ),
              },
            ]}
            format={number}
          />
          <BarChart
            caption={t('console.indicators.hoursChart')}
            note={t('console.indicators.chartNote')}
            empty={t('console.indicators.chartEmpty')}
            categoryHeader={t('console.indicators.byMonth')}
            categories={monthLabels}
            series={[
              {
                name: t('console.indicators.volunteerHours'),
                values: byMonth(data.monthly.activity, (row) => row.volunteerHours),
              },
            ]}
            format={number}
          />
        </>
      ) : null}
      <section aria-labelledby="export-title" className="mt-5 readable">
        <h2 id="export-title">{t('console.indicators.exportTitle')}</h2>
        <p>{t('console.indicators.exportHint')}</p>
        <ErrorSummary errors={exportErrors} />
        <SelectField
          id="exportTable"
          label={t('console.indicators.exportTable')}
          value={table}
          onChange={(event) => setTable(event.target.value as IndicatorTable)}
        >
          <Options values={EXPORT_TABLES} labelOf={(option) => t(`console.indicators.table.${option}`)} />
        </SelectField>
        <p className="form-field__hint">{t('console.indicators.openDataHint')}</p>
        <div className="d-flex flex-wrap gap-3">
          <button
            type="button"
            className="btn btn-primary"
            disabled={exporting || !territory}
            aria-busy={exportingCsv}
            onClick={() => void download('csv')}
          >
            {t('console.indicators.exportButton')}
          </button>
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={exporting || !territory}
            aria-busy={exportingOpenData}
            onClick={() => void download('openData')}
          >
            {t('console.indicators.openDataButton')}
          </button>
        </div>
        {exported ? (
          <p className="alert alert-success mt-3" role="status">
            {exported}
          </p>
        ) : null}
      </section>
    </Page>
  );
}
