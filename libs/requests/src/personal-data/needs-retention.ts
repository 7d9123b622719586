import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestsPersonalDataRepository } from './requests-personal-data.repository';

/** Requests' part of the retention purge (privacy's maintenance `purge` job): one idempotent statement. */
@Injectable()
export class NeedsRetention {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly personalData: RequestsPersonalDataRepository,
  ) {}

  /** The health notes of needs in one of `closedStatuses` for `days`; returns how many. */
  purgeHealthNotesOfClosedNeeds(closedStatuses: string[], days: number): Promise<number> {
    return this.personalData.purgeHealthNotesOfClosedNeeds(this.dataSource, closedStatuses, days);
  }
}
