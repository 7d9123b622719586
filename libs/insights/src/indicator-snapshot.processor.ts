import { Injectable } from '@nestjs/common';
import { JobHandler, QueueProcessor } from '@prossimo/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { IndicatorSnapshotService, SnapshotRefreshReport } from './indicator-snapshot.service';

export const REFRESH_INDICATOR_SNAPSHOTS_JOB = 'refresh-indicator-snapshots';

/** The maintenance job that recomputes indicator snapshots (scheduled, or asked for by staff). */
@Injectable()
@QueueProcessor('maintenance', [REFRESH_INDICATOR_SNAPSHOTS_JOB])
export class IndicatorSnapshotProcessor implements JobHandler {
  constructor(private readonly snapshots: IndicatorSnapshotService) {}

  process(job: Job<unknown, unknown, string>): Promise<SnapshotRefreshReport> {
    const data = (job.data ?? {}) as { territoryId?: unknown; requestedAt?: unknown };
    if (job.name !== REFRESH_INDICATOR_SNAPSHOTS_JOB) {
      throw new UnrecoverableError(`No handler for maintenance/${job.name}`);
    }
    // The scheduled job carries no payload: every node, always recomputed.
    const requestedAt = typeof data.requestedAt === 'string' ? new Date(data.requestedAt) : null;
    return this.snapshots.refresh(
      typeof data.territoryId === 'string' ? data.territoryId : null,
      requestedAt !== null && !Number.isNaN(requestedAt.getTime()) ? requestedAt : null,
    );
  }
}
