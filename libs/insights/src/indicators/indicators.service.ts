import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES } from '@prossimo/identity';
import {
  DomainError,
  JOBS,
  outboxJob,
  ReadReplicaService,
  writeAudit,
  writeOutbox,
} from '@prossimo/platform';
import { comuneExists, comuneNames, comuniOfTerritories, countComuni } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { Granularity, INDICATOR_TIME_ZONE, periodProblem, wholeMonths } from '../periods/indicator-period';
import { INDICATOR_STATEMENTS, IndicatorScope } from './indicator-queries';
import {
  comuniDigest,
  PLATFORM_NODE,
  readSnapshot,
  snapshotAsOf,
  snapshotPlan,
} from '../snapshots/indicator-snapshots';
import { openDataCsv, TABLE_SPECS, tableCsv } from './indicator-tables';
import { IndicatorsRepository } from './indicators.repository';
import {
  DemandIndicatorRow,
  ImpactIndicators,
  IndicatorExport,
  IndicatorExportInput,
  IndicatorFilterInput,
  IndicatorGranularity,
  IndicatorRowKey,
  IndicatorRowOf,
  IndicatorTable,
  ReachIndicatorRow,
  SatisfactionIndicatorRow,
  SharedCareIndicatorRow,
} from './indicator.types';

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** The columns each table derives from the statement's (ratios, differences), live or snapshot. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const DERIVED: Partial<Record<IndicatorTable, (row: any) => IndicatorRowKey>> = {
  [IndicatorTable.DEMAND]: (row: DemandIndicatorRow): DemandIndicatorRow => ({
    ...row,
    medianHoursToMatch: numberOrNull(row.medianHoursToMatch),
    p90HoursToMatch: numberOrNull(row.p90HoursToMatch),
    shareMatched: ratio(row.needsMatched, row.needsReceived),
    coverageRate: ratio(row.needsServed, row.needsReceived),
  }),
  [IndicatorTable.REACH]: (row: ReachIndicatorRow): ReachIndicatorRow => ({
    ...row,
    returningCitizens: row.citizensReached - row.newCitizens,
  }),
  [IndicatorTable.SATISFACTION]: (row: SatisfactionIndicatorRow): SatisfactionIndicatorRow => ({
    ...row,
    averageStars: numberOrNull(row.averageStars),
    shareSatisfied: ratio(row.satisfiedReviews, row.reviews),
  }),
  [IndicatorTable.SHARED_CARE]: (row: SharedCareIndicatorRow): SharedCareIndicatorRow => ({
    ...row,
    averageHourlySavingCents: numberOrNull(row.averageHourlySavingCents),
    averageHouseholdsPerGroup: ratio(row.households, row.groupsFormed),
    averageWeeklySavingCentsPerHousehold: ratio(
      row.weeklyCentsIndividual - row.weeklyCentsShared,
      row.households,
    ),
    savingRate: row.weeklyCentsIndividual > 0 ? 1 - row.weeklyCentsShared / row.weeklyCentsIndividual : null,
  }),
};

/**
 * Impact indicators for the Comune's staff (moderators and operators of a territory; platform
 * admins everywhere). Every definition is in docs/indicators.md and on the GraphQL fields.
 */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly replica: ReadReplicaService,
    private readonly indicators: IndicatorsRepository,
  ) {}

  /** Checks the caller may see the filter's territory and Comune, and the period; returns the scope. */
  async resolve(user: AuthenticatedUser, filter: IndicatorFilterInput): Promise<ImpactIndicators> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const problem = periodProblem(filter.from, filter.to);
    if (problem) throw new DomainError(problem.code, { field: `filter.${problem.field}` });

    let comuni: string[] | null = null;
    // A whole ambito, or everywhere, may be answered from a snapshot; a Comune never is.
    let node: string | null = null;
    if (filter.territoryId) {
      this.access.requireTerritoryRole(user, filter.territoryId, COMUNE_STAFF_ROLES);
      const territory = await this.territoriesOf([filter.territoryId]);
      comuni = territory.comuni;
      if (!comuni.length) throw new DomainError('TERRITORY_NOT_FOUND', { field: 'filter.territoryId' });
      if (territory.kind === 'ambito') node = filter.territoryId;
    } else {
      const scope = this.access.scope(user, COMUNE_STAFF_ROLES);
      if (scope.all) node = PLATFORM_NODE;
      else {
        const territories = await this.territoriesOf(scope.territoryIds);
        comuni = territories.comuni;
        if (scope.territoryIds.length === 1 && territories.kind === 'ambito') node = scope.territoryIds[0];
      }
    }
    if (filter.comuneIstat) {
      if (comuni !== null && !comuni.includes(filter.comuneIstat)) {
        throw new DomainError('FORBIDDEN', { field: 'filter.comuneIstat' });
      }
      if (!(await comuneExists(this.dataSource, filter.comuneIstat)))
        throw new DomainError('COMUNE_NOT_FOUND', { field: 'filter.comuneIstat' });
      comuni = [filter.comuneIstat];
      node = null;
    }
    if (filter.live) node = null;
    const comuneCount = comuni?.length ?? (await countComuni(this.dataSource));
    return {
      from: filter.from,
      to: filter.to,
      timeZone: INDICATOR_TIME_ZONE,
      comuneCount,
      scope: {
        comuni,
        from: filter.from,
        to: filter.to,
        category: filter.category ?? null,
        granularity: (filter.granularity ?? IndicatorGranularity.PERIOD) as Granularity,
        byComune: filter.byComune ?? false,
        byCategory: filter.byCategory ?? false,
        snapshotNode: node === null ? null : { node, digest: comuniDigest(comuni) },
      },
    };
  }

  /** When the figures were computed, if a snapshot answers the scope; null when they are live. */
  async asOf(scope: IndicatorScope): Promise<Date | null> {
    const plan = scope.snapshotNode ? snapshotPlan(scope) : null;
    if (!scope.snapshotNode || !plan) return null;
    return snapshotAsOf(this.indicators.executor, scope.snapshotNode.node, scope.snapshotNode.digest, plan);
  }

  /**
   * Asks the worker to recompute the snapshots of an ambito (its staff) or of every ambito and the
   * platform (platform admins), now rather than at the next scheduled run.
   */
  async requestSnapshotRefresh(user: AuthenticatedUser, territoryId: string | null): Promise<boolean> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    if (territoryId === null) {
      if (!this.access.scope(user, COMUNE_STAFF_ROLES).all) throw new DomainError('FORBIDDEN');
    } else {
      this.access.requireTerritoryRole(user, territoryId, COMUNE_STAFF_ROLES);
      const territory = await this.territoriesOf([territoryId]);
      if (territory.kind !== 'ambito') {
        throw new DomainError('INDICATOR_SNAPSHOT_NOT_AMBITO', { field: 'territoryId' });
      }
    }
    // The database's clock, as the snapshots' as_of: a refresh begun after this moment saw
    // everything the requester could see, so duplicate requests are skipped by the worker.
    const requestedAt = await this.indicators.statementTimestamp();
    await writeOutbox(
      this.dataSource.manager,
      outboxJob(JOBS.refreshIndicatorSnapshots, { territoryId, requestedAt: requestedAt.toISOString() }),
    );
    return true;
  }

  /** One table's rows with their derived columns, typed as that table's row. */
  async rows<Table extends IndicatorTable>(
    table: Table,
    scope: IndicatorScope,
  ): Promise<IndicatorRowOf[Table][]> {
    return (await this.table(table, scope)).rows as IndicatorRowOf[Table][];
  }

  /** One table as CSV, for the Comune's own use; the export is audited. */
  exportCsv(user: AuthenticatedUser, input: IndicatorExportInput): Promise<IndicatorExport> {
    return this.export(user, input, input.filter, 'indicators.exported', (rows) => ({
      csv: tableCsv(TABLE_SPECS[input.table], rows),
      suppressedCells: 0,
    }));
  }

  /**
   * One table for publication: whole calendar months, and every cell that stands for fewer than
   * five people left empty (with secondary suppression, see open-data.ts).
   */
  exportOpenData(user: AuthenticatedUser, input: IndicatorExportInput): Promise<IndicatorExport> {
    if (input.filter.granularity === IndicatorGranularity.WEEK) {
      throw new DomainError('INDICATOR_OPEN_DATA_MONTHS_ONLY', { field: 'filter.granularity' });
    }
    const filter = { ...input.filter, ...this.monthsOf(input.filter) };
    return this.export(user, input, filter, 'indicators.open_data_exported', (rows) =>
      openDataCsv(TABLE_SPECS[input.table], rows),
    );
  }

  private async export(
    user: AuthenticatedUser,
    input: IndicatorExportInput,
    filter: IndicatorFilterInput,
    action: string,
    render: (rows: IndicatorRowKey[]) => { csv: string; suppressedCells: number },
  ): Promise<IndicatorExport> {
    const { scope } = await this.resolve(user, filter);
    const { rows, asOf } = await this.table(input.table, scope);
    const { csv, suppressedCells } = render(rows);
    await this.audit(user, action, input, scope, rows.length);
    const kind = action === 'indicators.exported' ? 'indicatori' : 'open-data';
    return {
      table: input.table,
      fileName: `${kind}-${input.table}-${scope.from}-${scope.to}.csv`,
      csv,
      rowCount: rows.length,
      suppressedCells,
      asOf,
    };
  }

  /** One table with its derived columns, and when it was computed if a snapshot answered. */
  async table(
    table: IndicatorTable,
    scope: IndicatorScope,
  ): Promise<{ rows: IndicatorRowKey[]; asOf: Date | null }> {
    const { rows, asOf } = await this.fetch(table, scope);
    const derive = DERIVED[table];
    return { rows: derive ? rows.map(derive) : rows, asOf };
  }

  private monthsOf(filter: IndicatorFilterInput): { from: string; to: string } {
    // A bad date is reported by resolve(), with its field.
    return periodProblem(filter.from, filter.to) ? filter : wholeMonths(filter.from, filter.to);
  }

  /** From the node's snapshot when one matches the scope exactly, else live. */
  private async fetch<Row extends IndicatorRowKey = IndicatorRowKey>(
    table: IndicatorTable,
    scope: IndicatorScope,
  ): Promise<{ rows: Row[]; asOf: Date | null }> {
    if (scope.comuni !== null && !scope.comuni.length) return { rows: [], asOf: null };
    const plan = scope.snapshotNode ? snapshotPlan(scope) : null;
    const snapshot =
      scope.snapshotNode && plan
        ? await readSnapshot(
            this.indicators.executor,
            scope.snapshotNode.node,
            scope.snapshotNode.digest,
            plan,
            table,
          )
        : null;
    let rows: Row[];
    if (snapshot) rows = snapshot.rows as unknown as Row[];
    else {
      const { sql, params } = INDICATOR_STATEMENTS[table](scope);
      // A heavy aggregate that tolerates lag: on the read replica when there is one.
      rows = await this.replica.transaction((manager) =>
        this.indicators.indicatorRows<Row>(manager, sql, params),
      );
    }
    const asOf = snapshot?.asOf ?? null;
    if (!scope.byComune) return { rows: rows.map((row) => ({ ...row, comuneName: null })), asOf };
    const istats = [...new Set(rows.map((row) => row.comuneIstat))];
    const names = await comuneNames(this.dataSource, istats);
    const nameOf = new Map(names.map((comune) => [comune.istat, comune.name]));
    return {
      rows: rows.map((row) => ({ ...row, comuneName: nameOf.get(row.comuneIstat ?? '') ?? null })),
      asOf,
    };
  }

  /** The Comuni of the territories, and their kind when there is one territory. */
  private async territoriesOf(territoryIds: string[]): Promise<{ comuni: string[]; kind: string | null }> {
    const rows = await comuniOfTerritories(this.dataSource, territoryIds);
    return {
      comuni: [...new Set(rows.map((row) => row.istat))],
      kind: territoryIds.length === 1 ? (rows[0]?.kind ?? null) : null,
    };
  }

  /** Ids and the filter only (no personal data), as every export must be in the audit log. */
  private async audit(
    user: AuthenticatedUser,
    action: string,
    input: IndicatorExportInput,
    scope: IndicatorScope,
    rowCount: number,
  ): Promise<void> {
    await writeAudit(this.dataSource.manager, {
      actorUserId: user.userId,
      action,
      entityType: 'indicators',
      territoryId: input.filter.territoryId ?? null,
      details: {
        table: input.table,
        from: scope.from,
        to: scope.to,
        comuneIstat: input.filter.comuneIstat ?? null,
        category: scope.category,
        granularity: scope.granularity,
        rowCount,
      },
    });
  }
}
