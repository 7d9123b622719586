import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, wallClockOf } from '@prossimo/platform';
import { ambitiWithComuni } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { INDICATOR_TIME_ZONE } from '../periods/indicator-period';
import { pruneChanges, refreshNodesIncrementally } from './indicator-snapshot-changes';
import { IndicatorSnapshotsRepository } from './indicator-snapshots.repository';
import {
  freshSince,
  lockNode,
  NodeRefresh,
  PLATFORM_NODE,
  refreshNodeSnapshots,
} from './indicator-snapshots';

export interface SnapshotRefreshReport {
  nodes: number;
  /** Nodes left as they were: a refresh that began after the request had already stored them. */
  skipped: number;
  /** Nodes recomputed in full (no watermark yet, other years, or their Comuni changed). */
  full: number;
  /** Nodes brought up to date from the change log (only the rows the changes touched). */
  incremental: number;
  years: number[];
  statements: number;
  milliseconds: number;
}

/** Recomputes the indicator snapshots (the maintenance job; see indicator-snapshots.ts). */
@Injectable()
export class IndicatorSnapshotService {
  private readonly logger = new Logger(IndicatorSnapshotService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: IndicatorSnapshotsRepository,
  ) {}

  /** The current calendar year in Rome and the INDICATOR_SNAPSHOT_YEARS - 1 before it. */
  years(now = new Date()): number[] {
    const current = wallClockOf(now, INDICATOR_TIME_ZONE).year;
    const count = this.config.INDICATOR_SNAPSHOT_YEARS;
    return Array.from({ length: count }, (_, index) => current - count + 1 + index);
  }

  /**
   * One ambito's snapshots, or (territoryId null) every ambito's and the platform's; snapshots
   * of territories that are no longer ambiti are removed. One transaction per node.
   *
   * With requestedAt (an on-demand request), a node whose every snapshot was computed at or after
   * that moment is skipped: that refresh already saw everything committed before the request, so
   * repeated clicks cost one region-wide computation, not one each.
   */
  async refresh(territoryId: string | null, requestedAt: Date | null = null): Promise<SnapshotRefreshReport> {
    const started = Date.now();
    const years = this.years();
    const ambiti = await ambitiWithComuni(this.dataSource, territoryId);
    const nodes: NodeRefresh[] = ambiti.map((ambito) => ({ node: ambito.id, comuni: ambito.comuni }));
    if (territoryId === null) {
      nodes.push({ node: PLATFORM_NODE, comuni: null });
      await this.snapshots.deleteOtherNodes(nodes.map((node) => node.node));
    }
    const { statements, skipped, full } = await this.refreshNodes(nodes, years, requestedAt);
    // Every node has moved its watermark: the log entries all of them include are done with.
    if (territoryId === null) await pruneChanges(this.snapshots.executor);
    const report = {
      nodes: nodes.length,
      skipped,
      full,
      incremental: nodes.length - skipped - full,
      years,
      statements,
      milliseconds: Date.now() - started,
    };
    this.logger.log(
      `Indicator snapshots: ${report.nodes} nodes (${skipped} already fresh, ${full} in full, ${report.incremental} incrementally), years ${years.join(', ')}, ${statements} statements in ${report.milliseconds} ms`,
    );
    return report;
  }

  /**
   * The nodes' refresh, on one connection holding every node's lock (taken in node order, so two
   * runs cannot deadlock). A node whose snapshots were all computed at or after requestedAt is
   * skipped. The others are brought up to date together from the change log (only the rows the
   * changes touched, in short transactions, INDICATOR_REFRESH_CONNECTIONS results at once; the rows
   * per Comune once for all of them); a node that
   * cannot be (no watermark yet, other years, its Comuni changed) is recomputed in full, in one
   * REPEATABLE READ transaction (its statements on the same connections, in its snapshot).
   */
  private async refreshNodes(
    nodes: NodeRefresh[],
    years: number[],
    requestedAt: Date | null,
  ): Promise<{ statements: number; skipped: number; full: number }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const query = this.snapshots.executorOn(runner);
    // Connections of their own for the incremental refresh to recompute results on beside this one;
    // at least one of the pool is left to the worker's other jobs.
    const helperCount = Math.max(
      0,
      Math.min(this.config.INDICATOR_REFRESH_CONNECTIONS - 1, this.config.DATABASE_POOL_SIZE - 2),
    );
    const helperRunners = Array.from({ length: helperCount }, () => this.dataSource.createQueryRunner());
    const locked: string[] = [];
    let statements = 0;
    let full = 0;
    try {
      for (const node of [...nodes.map((each) => each.node)].sort()) {
        await lockNode(query, node, true);
        locked.push(node);
      }
      // Checked under the locks: a refresh that held them before us has committed by now.
      const stale: NodeRefresh[] = [];
      for (const node of nodes) {
        if (requestedAt === null || !(await freshSince(query, node.node, years, requestedAt)))
          stale.push(node);
      }
      await Promise.all(helperRunners.map((helper) => helper.connect()));
      const helpers = helperRunners.map((helper) => this.snapshots.executorOn(helper));
      const applied = await refreshNodesIncrementally(query, stale, years, { helpers });
      for (const [index, node] of stale.entries()) {
        const done = applied[index];
        if (done !== null) {
          statements += done.statements;
          continue;
        }
        await runner.startTransaction('REPEATABLE READ');
        try {
          statements += (await refreshNodeSnapshots(query, node, years, helpers)).statements;
          await runner.commitTransaction();
          full += 1;
        } catch (error) {
          await runner.rollbackTransaction();
          throw error;
        }
      }
      return { statements, skipped: nodes.length - stale.length, full };
    } finally {
      try {
        for (const node of locked) await lockNode(query, node, false);
      } finally {
        await Promise.all([runner, ...helperRunners].map((each) => each.release()));
      }
    }
  }
}
