import { Module } from '@nestjs/common';
import { IdentityModule } from '@prossimo/identity';
import { NotificationsModule } from '@prossimo/notifications';
import { RequestsModule, RequestsWorkerModule } from '@prossimo/requests';
import { CareGroupDepartures } from './care-group-departures.service';
import { CareGroupFormation } from './care-group-formation.service';
import { CareGroupsProcessor } from './care-groups.processor';
import { CareGroupsRepository } from './care-groups.repository';
import { CareGroupsResolver } from './care-groups.resolver';
import { CareGroupsService } from './care-groups.service';

/** Shared-caregiver groups for the API: quotes, confirmations, departures, staff views. */
@Module({
  imports: [IdentityModule, RequestsModule, NotificationsModule],
  providers: [CareGroupsRepository, CareGroupsService, CareGroupsResolver],
  exports: [CareGroupsService],
})
export class CareGroupsModule {}

/** Shared-caregiver groups for the worker: forming groups as shared-care needs open, leaving as they close. */
@Module({
  imports: [RequestsWorkerModule, NotificationsModule],
  providers: [CareGroupsRepository, CareGroupFormation, CareGroupDepartures, CareGroupsProcessor],
  exports: [CareGroupFormation],
})
export class CareGroupsWorkerModule {}
