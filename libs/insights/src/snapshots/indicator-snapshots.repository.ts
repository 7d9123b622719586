import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { QueryExecutor } from './indicator-snapshots';

/** An ambito and its Comuni, as the snapshot refresh walks them. */
export interface AmbitoComuniRow {
  id: string;
  comuni: string[];
}

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

  /**
   * Reads territories and territory_comuni (owned by the territory library): every ambito with its
   * Comuni, or only `territoryId`'s.
   */
  async ambitiWithComuni(territoryId: string | null): Promise<AmbitoComuniRow[]> {
    return this.dataSource.query(
      `SELECT t.id::text, array_agg(tc.comune_istat::text) AS comuni
         FROM territories t JOIN territory_comuni tc ON tc.territory_id = t.id
        WHERE t.kind = 'ambito' AND ($1::uuid IS NULL OR t.id = $1::uuid)
        GROUP BY t.id`,
      [territoryId],
    );
  }

  /** Removes the snapshots and watermarks of every node not among `nodes`. */
  async deleteOtherNodes(nodes: string[]): Promise<void> {
    for (const table of ['indicator_snapshots', 'indicator_snapshot_watermarks']) {
      await this.dataSource.query(`DELETE FROM ${table} WHERE NOT (node = ANY($1::text[]))`, [nodes]);
    }
  }
}
