import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { QueryExecutor } from './indicator-snapshots';

/**
 * The refresh's own statements. The snapshot reads and writes (indicator-snapshots.ts,
 * indicator-snapshot-changes.ts) stay module functions over a QueryExecutor, which this
 * repository hands out: they run on a data source or on a refresh's query runner alike.
 */
@Injectable()
export class IndicatorSnapshotsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Statements of their own on the data source. */
  readonly executor: QueryExecutor = (sql, params) => this.dataSource.query(sql, params);

  /** Statements on the runner's connection, inside whatever transaction the caller opened there. */
  executorOn(runner: QueryRunner): QueryExecutor {
    return (sql, params) => runner.query(sql, params);
  }

  /** Removes the snapshots and watermarks of every node not among `nodes`. */
  async deleteOtherNodes(nodes: string[]): Promise<void> {
    for (const table of ['indicator_snapshots', 'indicator_snapshot_watermarks']) {
      await this.dataSource.query(`DELETE FROM ${table} WHERE NOT (node = ANY($1::text[]))`, [nodes]);
    }
  }
}
