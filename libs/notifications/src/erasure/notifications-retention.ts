import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationsErasureRepository } from './notifications-erasure.repository';

/** Notifications' part of the retention purge (privacy's maintenance `purge` job): one idempotent statement. */
@Injectable()
export class NotificationsRetention {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly erasure: NotificationsErasureRepository,
  ) {}

  /** Messages `days` old or older, except those still waiting to go out; returns how many. */
  deleteNotifications(days: number): Promise<number> {
    return this.erasure.deleteOlderThan(this.dataSource, days);
  }
}
