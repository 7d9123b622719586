import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService } from '@prossimo/notifications';
import { NeedLifecycleService } from '@prossimo/requests';
import { DataSource } from 'typeorm';
import { removeHousehold } from './care-group-records';
import { CareGroupsRepository } from './care-groups.repository';

export interface CareGroupDepartureOutcome {
  /** Groups the closed need's household was taken out of (0 when it was in none). */
  groupsLeft: number;
}

/**
 * A shared-care need that closed (cancelled, expired, rejected) leaves its group exactly as a
 * household that clicks "leave" does: the others are re-priced and told, or the group dissolves.
 * Idempotent: a repeated job finds no live membership and changes nothing.
 */
@Injectable()
export class CareGroupDepartures {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: NeedLifecycleService,
    private readonly notifications: NotificationsService,
    private readonly rows: CareGroupsRepository,
  ) {}

  async releaseClosedNeed(needId: string): Promise<CareGroupDepartureOutcome> {
    const memberships = await this.rows.findLiveGroupIdsOfNeed(needId);
    let groupsLeft = 0;
    for (const { groupId } of memberships) {
      const left = await this.dataSource.transaction(async (manager) => {
        const group = await this.rows.lockCareGroup(manager, groupId);
        if (!group) return false;
        // Read again under the group's lock: the household may have left meanwhile.
        const member = await this.rows.findLiveMembership(manager, groupId, needId);
        if (!member) return false;
        await removeHousehold(this.rows, manager, this.lifecycle, this.notifications, group, member, {
          actorUserId: null,
          reason: 'need closed',
          leftReason: 'need_closed',
        });
        return true;
      });
      if (left) groupsLeft += 1;
    }
    return { groupsLeft };
  }
}
