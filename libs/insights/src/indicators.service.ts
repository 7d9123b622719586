import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES } from '@prossimo/identity';
import { DomainError, writeAudit } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { Granularity, INDICATOR_TIME_ZONE, periodProblem, wholeMonths } from './indicator-period';
import {
  activityStatement,
  demandStatement,
  INDICATOR_SESSION_SETTINGS,
  IndicatorScope,
  IndicatorStatement,
  latentNeedsStatement,
  reachStatement,
  satisfactionStatement,
  sharedCareStatement,
  unmatchedStatement,
} from './indicator-queries';
import { openDataCsv, TABLE_SPECS, tableCsv } from './indicator-tables';
import {
  ActivityIndicatorRow,
  DemandIndicatorRow,
  ImpactIndicators,
  IndicatorExport,
  IndicatorExportInput,
  IndicatorFilterInput,
  IndicatorGranularity,
  IndicatorRowKey,
  IndicatorTable,
  LatentNeedIndicatorRow,
  ReachIndicatorRow,
  SatisfactionIndicatorRow,
  SharedCareIndicatorRow,
  UnmatchedIndicatorRow,
} from './indicator.types';

const STATEMENTS: Record<IndicatorTable, (scope: IndicatorScope) => IndicatorStatement> = {
  [IndicatorTable.DEMAND]: demandStatement,
  [IndicatorTable.UNMATCHED]: unmatchedStatement,
  [IndicatorTable.REACH]: reachStatement,
  [IndicatorTable.ACTIVITY]: activityStatement,
  [IndicatorTable.LATENT_NEEDS]: latentNeedsStatement,
  [IndicatorTable.SHARED_CARE]: sharedCareStatement,
  [IndicatorTable.SATISFACTION]: satisfactionStatement,
};

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/**
 * Impact indicators for the Comune's staff (moderators and operators of a territory; platform
 * admins everywhere). Every definition is in the README ("Indicators") and on the GraphQL fields.
 */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Checks the caller may see the filter's territory and Comune, and the period; returns the scope. */
  async resolve(user: AuthenticatedUser, filter: IndicatorFilterInput): Promise<ImpactIndicators> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const problem = periodProblem(filter.from, filter.to);
    if (problem) throw new DomainError(problem.code, { field: `filter.${problem.field}` });

    let comuni: string[] | null = null;
    if (filter.territoryId) {
      this.access.requireTerritoryRole(user, filter.territoryId, COMUNE_STAFF_ROLES);
      comuni = await this.comuniOf([filter.territoryId]);
      if (!comuni.length) throw new DomainError('TERRITORY_NOT_FOUND', { field: 'filter.territoryId' });
    } else {
      const scope = this.access.scope(user, COMUNE_STAFF_ROLES);
      if (!scope.all) comuni = await this.comuniOf(scope.territoryIds);
    }
    if (filter.comuneIstat) {
      if (comuni !== null && !comuni.includes(filter.comuneIstat)) {
        throw new DomainError('FORBIDDEN', { field: 'filter.comuneIstat' });
      }
      const [known]: unknown[] = await this.dataSource.query(`SELECT 1 FROM comuni WHERE istat = $1`, [
        filter.comuneIstat,
      ]);
      if (!known) throw new DomainError('COMUNE_NOT_FOUND', { field: 'filter.comuneIstat' });
      comuni = [filter.comuneIstat];
    }
    const comuneCount =
      comuni?.length ?? Number((await this.dataSource.query(`SELECT count(*) AS n FROM comuni`))[0].n);
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
      },
    };
  }

  async demand(scope: IndicatorScope): Promise<DemandIndicatorRow[]> {
    const rows = await this.rows<DemandIndicatorRow>(IndicatorTable.DEMAND, scope);
    return rows.map((row) => ({
      ...row,
      medianHoursToMatch: numberOrNull(row.medianHoursToMatch),
      p90HoursToMatch: numberOrNull(row.p90HoursToMatch),
      shareMatched: ratio(row.needsMatched, row.needsReceived),
      coverageRate: ratio(row.needsServed, row.needsReceived),
    }));
  }

  unmatched(scope: IndicatorScope): Promise<UnmatchedIndicatorRow[]> {
    return this.rows<UnmatchedIndicatorRow>(IndicatorTable.UNMATCHED, scope);
  }

  async reach(scope: IndicatorScope): Promise<ReachIndicatorRow[]> {
    const rows = await this.rows<ReachIndicatorRow>(IndicatorTable.REACH, scope);
    return rows.map((row) => ({ ...row, returningCitizens: row.citizensReached - row.newCitizens }));
  }

  activity(scope: IndicatorScope): Promise<ActivityIndicatorRow[]> {
    return this.rows<ActivityIndicatorRow>(IndicatorTable.ACTIVITY, scope);
  }

  latentNeeds(scope: IndicatorScope): Promise<LatentNeedIndicatorRow[]> {
    return this.rows<LatentNeedIndicatorRow>(IndicatorTable.LATENT_NEEDS, scope);
  }

  async satisfaction(scope: IndicatorScope): Promise<SatisfactionIndicatorRow[]> {
    const rows = await this.rows<SatisfactionIndicatorRow>(IndicatorTable.SATISFACTION, scope);
    return rows.map((row) => ({
      ...row,
      averageStars: numberOrNull(row.averageStars),
      shareSatisfied: ratio(row.satisfiedReviews, row.reviews),
    }));
  }

  async sharedCare(scope: IndicatorScope): Promise<SharedCareIndicatorRow[]> {
    const rows = await this.rows<SharedCareIndicatorRow>(IndicatorTable.SHARED_CARE, scope);
    return rows.map((row) => ({
      ...row,
      averageHourlySavingCents: numberOrNull(row.averageHourlySavingCents),
      averageHouseholdsPerGroup: ratio(row.households, row.groupsFormed),
      averageWeeklySavingCentsPerHousehold: ratio(
        row.weeklyCentsIndividual - row.weeklyCentsShared,
        row.households,
      ),
      savingRate:
        row.weeklyCentsIndividual > 0 ? 1 - row.weeklyCentsShared / row.weeklyCentsIndividual : null,
    }));
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
    const rows = await this.table(input.table, scope);
    const { csv, suppressedCells } = render(rows);
    await this.audit(user, action, input, scope, rows.length);
    const kind = action === 'indicators.exported' ? 'indicatori' : 'open-data';
    return {
      table: input.table,
      fileName: `${kind}-${input.table}-${scope.from}-${scope.to}.csv`,
      csv,
      rowCount: rows.length,
      suppressedCells,
    };
  }

  table(table: IndicatorTable, scope: IndicatorScope): Promise<IndicatorRowKey[]> {
    switch (table) {
      case IndicatorTable.DEMAND:
        return this.demand(scope);
      case IndicatorTable.REACH:
        return this.reach(scope);
      case IndicatorTable.SHARED_CARE:
        return this.sharedCare(scope);
      case IndicatorTable.SATISFACTION:
        return this.satisfaction(scope);
      default:
        return this.rows(table, scope);
    }
  }

  private monthsOf(filter: IndicatorFilterInput): { from: string; to: string } {
    // A bad date is reported by resolve(), with its field.
    return periodProblem(filter.from, filter.to) ? filter : wholeMonths(filter.from, filter.to);
  }

  private async rows<Row extends IndicatorRowKey>(
    table: IndicatorTable,
    scope: IndicatorScope,
  ): Promise<Row[]> {
    if (scope.comuni !== null && !scope.comuni.length) return [];
    const { sql, params } = STATEMENTS[table](scope);
    const rows: Row[] = await this.dataSource.transaction(async (manager) => {
      for (const setting of INDICATOR_SESSION_SETTINGS) await manager.query(setting);
      return manager.query(sql, params);
    });
    if (!scope.byComune) return rows.map((row) => ({ ...row, comuneName: null }));
    const istats = [...new Set(rows.map((row) => row.comuneIstat))];
    const names: { istat: string; name: string }[] = await this.dataSource.query(
      `SELECT istat::text, name FROM comuni WHERE istat = ANY($1::text[])`,
      [istats],
    );
    const nameOf = new Map(names.map((comune) => [comune.istat, comune.name]));
    return rows.map((row) => ({ ...row, comuneName: nameOf.get(row.comuneIstat ?? '') ?? null }));
  }

  private comuniOf(territoryIds: string[]): Promise<string[]> {
    return this.dataSource
      .query(
        `SELECT DISTINCT comune_istat::text AS istat FROM territory_comuni WHERE territory_id = ANY($1::uuid[])`,
        [territoryIds],
      )
      .then((rows: { istat: string }[]) => rows.map((row) => row.istat));
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
