import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, QueueBackendService, RepeatableJobScheduler } from '@prossimo/platform';
import { REFRESH_INDICATOR_SNAPSHOTS_JOB } from './indicator-snapshot.processor';

/**
 * Every INDICATOR_SNAPSHOT_EVERY_MINUTES, all snapshots are recomputed (worker only). The first run
 * waits one interval: a region takes about a minute, not worth paying on every worker restart
 * (until then, and for anything no snapshot covers, requests are computed live).
 */
@Injectable()
export class IndicatorSnapshotScheduler extends RepeatableJobScheduler {
  constructor(@Inject(APP_CONFIG) config: AppConfig, queues: QueueBackendService) {
    super(
      queues,
      'maintenance',
      REFRESH_INDICATOR_SNAPSHOTS_JOB,
      config.INDICATOR_SNAPSHOT_EVERY_MINUTES * 60_000,
      true,
    );
  }
}
