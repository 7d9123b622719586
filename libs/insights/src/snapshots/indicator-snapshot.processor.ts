import { Injectable } from '@nestjs/common';
import { JOBS, OnJob, PayloadOf } from '@prossimo/platform';
import { IndicatorSnapshotService, SnapshotRefreshReport } from './indicator-snapshot.service';

/** The maintenance job that recomputes indicator snapshots (scheduled, or asked for by staff). */
@Injectable()
export class IndicatorSnapshotProcessor {
  constructor(private readonly snapshots: IndicatorSnapshotService) {}

  @OnJob(JOBS.refreshIndicatorSnapshots)
  refresh(data: PayloadOf<typeof JOBS.refreshIndicatorSnapshots>): Promise<SnapshotRefreshReport> {
    // The scheduled job carries no payload: every node (incrementally where it can be).
    const requestedAt = typeof data.requestedAt === 'string' ? new Date(data.requestedAt) : null;
    return this.snapshots.refresh(
      typeof data.territoryId === 'string' ? data.territoryId : null,
      requestedAt !== null && !Number.isNaN(requestedAt.getTime()) ? requestedAt : null,
    );
  }
}
