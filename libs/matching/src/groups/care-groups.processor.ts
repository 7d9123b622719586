import { Injectable } from '@nestjs/common';
import { JobHandler, QueueProcessor } from '@prossimo/platform';
import { NEED_CLOSED_LEAVE_CARE_GROUP_JOB } from '@prossimo/requests';
import { Job, UnrecoverableError } from 'bullmq';
import { CareGroupDepartureOutcome, CareGroupDepartures } from './care-group-departures.service';
import { CareGroupFormation, CareGroupOutcome } from './care-group-formation.service';

export const FORM_CARE_GROUPS_JOB = 'form-care-groups';

/**
 * A shared-care need opened: group it with waiting neighbours; one closed: take its household out
 * of its group and re-price the rest (both idempotent, see the services).
 */
@Injectable()
@QueueProcessor('matching', [FORM_CARE_GROUPS_JOB, NEED_CLOSED_LEAVE_CARE_GROUP_JOB])
export class CareGroupsProcessor implements JobHandler {
  constructor(
    private readonly formation: CareGroupFormation,
    private readonly departures: CareGroupDepartures,
  ) {}

  async process(job: Job<unknown, unknown, string>): Promise<CareGroupOutcome | CareGroupDepartureOutcome> {
    const data = job.data as { needId?: unknown };
    if (typeof data.needId !== 'string') {
      throw new UnrecoverableError(`matching/${job.name}: needId missing`);
    }
    if (job.name === FORM_CARE_GROUPS_JOB) return this.formation.formAround(data.needId);
    if (job.name === NEED_CLOSED_LEAVE_CARE_GROUP_JOB) return this.departures.releaseClosedNeed(data.needId);
    throw new UnrecoverableError(`No handler for matching/${job.name}`);
  }
}
