import { CommunityPersonalDataModule } from '@prossimo/community';
import { DirectoryPersonalDataModule } from '@prossimo/directory';
import { IdentityPersonalDataModule } from '@prossimo/identity';
import { MatchingPersonalDataModule } from '@prossimo/matching';
import { ModerationPersonalDataModule } from '@prossimo/moderation';
import { NotificationsPersonalDataModule } from '@prossimo/notifications';
import { ReputationPersonalDataModule } from '@prossimo/reputation';
import { RequestsPersonalDataModule } from '@prossimo/requests';

/**
 * Each library's part of "download my data" (its export handler): the worker builds the export,
 * and privacy refuses to boot in either app without every area, so both apps import all of them.
 */
export const PERSONAL_DATA_MODULES = [
  IdentityPersonalDataModule,
  NotificationsPersonalDataModule,
  RequestsPersonalDataModule,
  MatchingPersonalDataModule,
  CommunityPersonalDataModule,
  ReputationPersonalDataModule,
  DirectoryPersonalDataModule,
  ModerationPersonalDataModule,
];
