import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@prossimo/identity';
import { NotificationsService } from '@prossimo/notifications';
import {
  APP_CONFIG,
  AppConfig,
  DomainError,
  FieldCipher,
  JOBS,
  outboxJob,
  Page,
  PageArgs,
  toKeysetPage,
  writeAudit,
  writeOutbox,
} from '@prossimo/platform';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { DataExportsRepository } from './data-exports.repository';
import { PersonalDataExport } from './personal-data-export';
import { DataExport, DataExportStatus } from '../privacy.types';

/**
 * "Download my data": the request writes an outbox row (payload: the export id); the worker
 * collects the data, stores it encrypted, and it can be downloaded until it expires. Every
 * request, build and download is in the audit log.
 */
@Injectable()
export class DataExportService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: FieldCipher,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly personalData: PersonalDataExport,
    private readonly exports: DataExportsRepository,
  ) {}

  /** One export in preparation at a time: asking again returns the one under way. */
  async request(user: AuthenticatedUser): Promise<DataExport> {
    return this.dataSource.transaction(async (manager) => {
      await this.exports.lockAccount(manager, user.userId);
      const pending = await this.exports.findPendingExportOf(manager, user.userId);
      if (pending) return pending;
      const created = await this.exports.insertExport(manager, user.userId);
      await writeOutbox(manager, outboxJob(JOBS.buildExport, { exportId: created.id }));
      await this.audit(manager, 'privacy.export_requested', created.id, user.userId, user.userId);
      return created;
    });
  }

  async mine(user: AuthenticatedUser, args: PageArgs): Promise<Page<DataExport>> {
    const rows = await this.exports.findExportsPageOf(user.userId, args);
    return toKeysetPage(rows, args.first);
  }

  async one(user: AuthenticatedUser, id: string): Promise<DataExport> {
    if (!isUUID(id)) throw new DomainError('DATA_EXPORT_NOT_FOUND', { field: 'id' });
    const row = await this.exports.findExportOf(id, user.userId);
    if (!row) throw new DomainError('DATA_EXPORT_NOT_FOUND', { field: 'id' });
    return row;
  }

  /** The JSON copy, for its owner only, while it has not expired; each download is audited. */
  async download(viewer: AuthenticatedUser, dataExport: DataExport): Promise<string | null> {
    if (dataExport.userId !== viewer.userId) return null;
    return this.dataSource.transaction(async (manager) => {
      const row = await this.exports.findContent(manager, dataExport.id);
      if (!row?.live || !row.content_encrypted) {
        if (dataExport.status === DataExportStatus.PENDING) return null;
        throw new DomainError('DATA_EXPORT_EXPIRED', { field: 'id' });
      }
      await this.exports.markDownloaded(manager, dataExport.id);
      await this.audit(manager, 'privacy.export_downloaded', dataExport.id, viewer.userId, viewer.userId);
      return this.cipher.decrypt(row.content_encrypted);
    });
  }

  /** Worker: builds the copy. Idempotent: a ready, expired or unknown export is left alone. */
  async build(exportId: string): Promise<'built' | 'skipped'> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.exports.lockExport(manager, exportId);
      if (!row || row.status !== DataExportStatus.PENDING) return 'skipped';
      const content = JSON.stringify(await this.personalData.collect(manager, row.user_id), null, 2);
      await this.exports.storeContent(
        manager,
        exportId,
        this.cipher.encrypt(content),
        Buffer.byteLength(content),
        this.config.DATA_EXPORT_TTL_HOURS,
      );
      await this.audit(manager, 'privacy.export_built', exportId, row.user_id, null);
      await this.notifications.notifyUser(manager, {
        userId: row.user_id,
        event: 'data_export_ready',
        params: { hours: this.config.DATA_EXPORT_TTL_HOURS },
      });
      return 'built';
    });
  }

  private audit(
    manager: EntityManager,
    action: string,
    exportId: string,
    subjectUserId: string,
    actorUserId: string | null,
  ): Promise<void> {
    return writeAudit(manager, {
      actorUserId,
      action,
      entityType: 'personal_data_export',
      entityId: exportId,
      details: { subjectUserId },
    });
  }

  /** Worker: the job gave up; the person sees FAILED and may ask again. */
  async markFailed(exportId: string): Promise<void> {
    await this.exports.markFailed(exportId);
  }
}
