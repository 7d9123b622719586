import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayload, QueueProcessor } from '@prossimo/platform';
import { Job } from 'bullmq';
import { DataExportService } from './data-export.service';

type BuildExport = JobPayload<'privacy', 'build-export'>;

/** Builds "download my data" copies; the payload is the export id only. */
@Injectable()
@QueueProcessor('privacy', ['build-export'])
export class DataExportProcessor implements JobHandler {
  constructor(private readonly exports: DataExportService) {}

  process(job: Job<unknown, unknown, string>): Promise<'built' | 'skipped'> {
    return this.exports.build((job.data as BuildExport).exportId);
  }

  async onExhausted(job: Job<unknown, unknown, string>): Promise<void> {
    await this.exports.markFailed((job.data as BuildExport).exportId);
  }
}
