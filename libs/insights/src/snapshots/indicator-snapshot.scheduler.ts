import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JOBS, QueueBackendService, RepeatableJobScheduler } from '@prossimo/platform';

/**
 * Every INDICATOR_SNAPSHOT_EVERY_MINUTES, all snapshots are brought up to date (worker only): from
 * the change log where a node has a watermark, in full otherwise. The first run waits one interval:
 * a full region takes about a minute, not worth paying on every worker restart (until then, and for
 * anything no snapshot covers, requests are computed live).
 */
@Injectable()
export class IndicatorSnapshotScheduler extends RepeatableJobScheduler {
  constructor(@Inject(APP_CONFIG) config: AppConfig, queues: QueueBackendService) {
    super(queues, JOBS.refreshIndicatorSnapshots, config.INDICATOR_SNAPSHOT_EVERY_MINUTES * 60_000, true);
  }
}
