import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { INDICATOR_SESSION_SETTINGS } from './indicator-queries';
import { QueryExecutor } from '../snapshots/indicator-snapshots';

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

  /** The database's clock. */
  async statementTimestamp(): Promise<Date> {
    const [{ requestedAt }]: { requestedAt: Date }[] = await this.dataSource.query(
      `SELECT statement_timestamp() AS "requestedAt"`,
    );
    return requestedAt;
  }
}
