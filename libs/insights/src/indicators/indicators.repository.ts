import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { INDICATOR_SESSION_SETTINGS } from './indicator-queries';
import { QueryExecutor } from '../snapshots/indicator-snapshots';

/** A territory's Comune and the territory's kind. */
export interface TerritoryComuneRow {
  istat: string;
  kind: string;
}

/**
 * The indicators' statements outside the snapshots. The indicator statements themselves are built
 * in indicator-queries.ts; the snapshot reads go through `executor` (indicator-snapshots.ts).
 */
@Injectable()
export class IndicatorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Statements of their own on the data source, for the snapshot module functions. */
  readonly executor: QueryExecutor = (sql, params) => this.dataSource.query(sql, params);

  /** Runs an indicator statement (INDICATOR_STATEMENTS) after the session settings it needs. */
  async indicatorRows<Row>(manager: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
    for (const setting of INDICATOR_SESSION_SETTINGS) await manager.query(setting);
    return manager.query(sql, params);
  }

  /** Reads comuni (owned by the territory library). */
  async comuneExists(istat: string): Promise<boolean> {
    const [known]: unknown[] = await this.dataSource.query(`SELECT 1 FROM comuni WHERE istat = $1`, [istat]);
    return known !== undefined;
  }

  /** Reads comuni (owned by the territory library): how many Comuni the platform knows. */
  async comuneCount(): Promise<number> {
    return Number((await this.dataSource.query(`SELECT count(*) AS n FROM comuni`))[0].n);
  }

  /** Reads comuni (owned by the territory library). */
  async comuneNames(istats: (string | null)[]): Promise<{ istat: string; name: string }[]> {
    return this.dataSource.query(`SELECT istat::text, name FROM comuni WHERE istat = ANY($1::char(6)[])`, [
      istats,
    ]);
  }

  /** Reads territories and territory_comuni (owned by the territory library). */
  async territoryComuni(territoryIds: string[]): Promise<TerritoryComuneRow[]> {
    return this.dataSource.query(
      `SELECT DISTINCT tc.comune_istat::text AS istat, t.kind
         FROM territory_comuni tc JOIN territories t ON t.id = tc.territory_id
        WHERE tc.territory_id = ANY($1::uuid[])`,
      [territoryIds],
    );
  }

  /** The database's clock. */
  async statementTimestamp(): Promise<Date> {
    const [{ requestedAt }]: { requestedAt: Date }[] = await this.dataSource.query(
      `SELECT statement_timestamp() AS "requestedAt"`,
    );
    return requestedAt;
  }
}
