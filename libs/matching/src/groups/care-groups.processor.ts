import { Injectable } from '@nestjs/common';
import { JOBS, OnJob, PayloadOf } from '@prossimo/platform';
import { CareGroupDepartureOutcome, CareGroupDepartures } from './care-group-departures.service';
import { CareGroupFormation, CareGroupOutcome } from './care-group-formation.service';

/**
 * A shared-care need opened: group it with waiting neighbours; one closed: take its household out
 * of its group and re-price the rest (both idempotent, see the services).
 */
@Injectable()
export class CareGroupsProcessor {
  constructor(
    private readonly formation: CareGroupFormation,
    private readonly departures: CareGroupDepartures,
  ) {}

  @OnJob(JOBS.formCareGroups)
  formAround({ needId }: PayloadOf<typeof JOBS.formCareGroups>): Promise<CareGroupOutcome> {
    return this.formation.formAround(needId);
  }

  @OnJob(JOBS.leaveCareGroupOnNeedClosed)
  releaseClosedNeed({
    needId,
  }: PayloadOf<typeof JOBS.leaveCareGroupOnNeedClosed>): Promise<CareGroupDepartureOutcome> {
    return this.departures.releaseClosedNeed(needId);
  }
}
