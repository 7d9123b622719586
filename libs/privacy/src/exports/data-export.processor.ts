import { Injectable } from '@nestjs/common';
import { JOBS, OnJob, OnJobExhausted, PayloadOf } from '@prossimo/platform';
import { DataExportService } from './data-export.service';

type BuildExport = PayloadOf<typeof JOBS.buildExport>;

/** Builds "download my data" copies; the payload is the export id only. */
@Injectable()
export class DataExportProcessor {
  constructor(private readonly exports: DataExportService) {}

  @OnJob(JOBS.buildExport)
  build({ exportId }: BuildExport): Promise<'built' | 'skipped'> {
    return this.exports.build(exportId);
  }

  @OnJobExhausted(JOBS.buildExport)
  async buildExhausted({ exportId }: BuildExport): Promise<void> {
    await this.exports.markFailed(exportId);
  }
}
