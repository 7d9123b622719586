import { Injectable } from '@nestjs/common';
import { JobHandler, QueueProcessor } from '@prossimo/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { CareGroupFormation, CareGroupOutcome } from './care-group-formation.service';

export const FORM_CARE_GROUPS_JOB = 'form-care-groups';

/** A shared-care need opened: group it with waiting neighbours (idempotent, see CareGroupFormation). */
@Injectable()
@QueueProcessor('matching', [FORM_CARE_GROUPS_JOB])
export class CareGroupsProcessor implements JobHandler {
  constructor(private readonly formation: CareGroupFormation) {}

  async process(job: Job<unknown, unknown, string>): Promise<CareGroupOutcome> {
    const data = job.data as { needId?: unknown };
    if (job.name !== FORM_CARE_GROUPS_JOB || typeof data.needId !== 'string') {
      throw new UnrecoverableError(`No handler for matching/${job.name}`);
    }
    return this.formation.formAround(data.needId);
  }
}
