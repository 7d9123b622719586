import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@prossimo/identity';
import { NotificationsService } from '@prossimo/notifications';
import {
  afterCursorCondition,
  APP_CONFIG,
  AppConfig,
  CursorAt,
  cursorAtColumn,
  DomainError,
  FieldCipher,
  JOBS,
  outboxJob,
  Page,
  PageArgs,
  toPage,
  writeAudit,
  writeOutbox,
} from '@prossimo/platform';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { PersonalDataExport } from './personal-data-export';
import { DataExport, DataExportStatus } from './privacy.types';

const EXPORT_COLUMNS = `id, user_id AS "userId", status, requested_at AS "requestedAt", ready_at AS "readyAt",
  expires_at AS "expiresAt", size_bytes AS "sizeBytes"`;

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
  ) {}

  /** One export in preparation at a time: asking again returns the one under way. */
  async request(user: AuthenticatedUser): Promise<DataExport> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [user.userId]);
      const [pending]: DataExport[] = await manager.query(
        `SELECT ${EXPORT_COLUMNS} FROM personal_data_exports WHERE user_id = $1 AND status = 'pending'`,
        [user.userId],
      );
      if (pending) return pending;
      const [created]: DataExport[] = await manager.query(
        `INSERT INTO personal_data_exports (user_id) VALUES ($1) RETURNING ${EXPORT_COLUMNS}`,
        [user.userId],
      );
      await writeOutbox(manager, outboxJob(JOBS.buildExport, { exportId: created.id }));
      await this.audit(manager, 'privacy.export_requested', created.id, user.userId, user.userId);
      return created;
    });
  }

  async mine(user: AuthenticatedUser, args: PageArgs): Promise<Page<DataExport>> {
    const params: unknown[] = [user.userId];
    const conditions = ['user_id = $1'];
    conditions.push(...afterCursorCondition(args.after, '(requested_at, id)', 'DESC', params));
    params.push(args.first + 1);
    const rows: (DataExport & CursorAt)[] = await this.dataSource.query(
      `SELECT ${EXPORT_COLUMNS}, ${cursorAtColumn('requested_at')} FROM personal_data_exports
        WHERE ${conditions.join(' AND ')} ORDER BY requested_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, args.first, (row) => [row.cursorAt, row.id]);
  }

  async one(user: AuthenticatedUser, id: string): Promise<DataExport> {
    if (!isUUID(id)) throw new DomainError('DATA_EXPORT_NOT_FOUND', { field: 'id' });
    const [row]: DataExport[] = await this.dataSource.query(
      `SELECT ${EXPORT_COLUMNS} FROM personal_data_exports WHERE id = $1 AND user_id = $2`,
      [id, user.userId],
    );
    if (!row) throw new DomainError('DATA_EXPORT_NOT_FOUND', { field: 'id' });
    return row;
  }

  /** The JSON copy, for its owner only, while it has not expired; each download is audited. */
  async download(viewer: AuthenticatedUser, dataExport: DataExport): Promise<string | null> {
    if (dataExport.userId !== viewer.userId) return null;
    return this.dataSource.transaction(async (manager) => {
      const [row]: { content_encrypted: string | null; live: boolean }[] = await manager.query(
        `SELECT content_encrypted, (status = 'ready' AND expires_at > now()) AS live
           FROM personal_data_exports WHERE id = $1`,
        [dataExport.id],
      );
      if (!row?.live || !row.content_encrypted) {
        if (dataExport.status === DataExportStatus.PENDING) return null;
        throw new DomainError('DATA_EXPORT_EXPIRED', { field: 'id' });
      }
      await manager.query(`UPDATE personal_data_exports SET downloaded_at = now() WHERE id = $1`, [
        dataExport.id,
      ]);
      await this.audit(manager, 'privacy.export_downloaded', dataExport.id, viewer.userId, viewer.userId);
      return this.cipher.decrypt(row.content_encrypted);
    });
  }

  /** Worker: builds the copy. Idempotent: a ready, expired or unknown export is left alone. */
  async build(exportId: string): Promise<'built' | 'skipped'> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: { user_id: string; status: string }[] = await manager.query(
        `SELECT user_id, status FROM personal_data_exports WHERE id = $1 FOR UPDATE`,
        [exportId],
      );
      if (!row || row.status !== DataExportStatus.PENDING) return 'skipped';
      const content = JSON.stringify(await this.personalData.collect(manager, row.user_id), null, 2);
      await manager.query(
        `UPDATE personal_data_exports SET status = 'ready', content_encrypted = $2, size_bytes = $3, ready_at = now(),
                expires_at = now() + make_interval(hours => $4)
          WHERE id = $1`,
        [
          exportId,
          this.cipher.encrypt(content),
          Buffer.byteLength(content),
          this.config.DATA_EXPORT_TTL_HOURS,
        ],
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
    await this.dataSource.query(
      `UPDATE personal_data_exports SET status = 'failed' WHERE id = $1 AND status = 'pending'`,
      [exportId],
    );
  }
}
