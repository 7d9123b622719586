import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { lockAccountRow } from '@prossimo/identity';
import { CursorAt, firstRow, keysetPageSql, onlyRow, PageArgs, Queryable } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { DataExport } from '../privacy.types';

const EXPORT_COLUMNS = `id, user_id AS "userId", status, requested_at AS "requestedAt", ready_at AS "readyAt",
  expires_at AS "expiresAt", size_bytes AS "sizeBytes"`;

/** The personal_data_exports table ("download my data"), and the lock on the account row (identity's function). */
@Injectable()
export class DataExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Holds the person's account row (identity's, through its lockAccountRow): one request at a time per person. */
  async lockAccount(db: Queryable, userId: string): Promise<void> {
    await lockAccountRow(db, userId);
  }

  async findPendingExportOf(db: Queryable, userId: string): Promise<DataExport | undefined> {
    return firstRow(
      db,
      `SELECT ${EXPORT_COLUMNS} FROM personal_data_exports WHERE user_id = $1 AND status = 'pending'`,
      [userId],
    );
  }

  async insertExport(db: Queryable, userId: string): Promise<DataExport> {
    return onlyRow(
      db,
      `INSERT INTO personal_data_exports (user_id) VALUES ($1) RETURNING ${EXPORT_COLUMNS}`,
      [userId],
    );
  }

  /** The person's exports, newest first, a page plus one. */
  async findExportsPageOf(userId: string, args: PageArgs): Promise<(DataExport & CursorAt)[]> {
    const params: unknown[] = [userId];
    const conditions = ['user_id = $1'];
    const keyset = keysetPageSql({ at: 'requested_at', id: 'id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT ${EXPORT_COLUMNS}, ${keyset.cursorColumn} FROM personal_data_exports
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  async findExportOf(id: string, userId: string): Promise<DataExport | undefined> {
    return firstRow(
      this.dataSource,
      `SELECT ${EXPORT_COLUMNS} FROM personal_data_exports WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
  }

  /** The copy (encrypted) and whether it may still be downloaded. */
  async findContent(
    db: Queryable,
    id: string,
  ): Promise<{ content_encrypted: string | null; live: boolean } | undefined> {
    return firstRow(
      db,
      `SELECT content_encrypted, (status = 'ready' AND expires_at > now()) AS live
           FROM personal_data_exports WHERE id = $1`,
      [id],
    );
  }

  async markDownloaded(db: Queryable, id: string): Promise<void> {
    await db.query(`UPDATE personal_data_exports SET downloaded_at = now() WHERE id = $1`, [id]);
  }

  async lockExport(db: Queryable, id: string): Promise<{ user_id: string; status: string } | undefined> {
    return firstRow(db, `SELECT user_id, status FROM personal_data_exports WHERE id = $1 FOR UPDATE`, [id]);
  }

  async storeContent(
    db: Queryable,
    id: string,
    contentEncrypted: string,
    sizeBytes: number,
    ttlHours: number,
  ): Promise<void> {
    await db.query(
      `UPDATE personal_data_exports SET status = 'ready', content_encrypted = $2, size_bytes = $3, ready_at = now(),
                expires_at = now() + make_interval(hours => $4)
          WHERE id = $1`,
      [id, contentEncrypted, sizeBytes, ttlHours],
    );
  }

  async markFailed(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE personal_data_exports SET status = 'failed' WHERE id = $1 AND status = 'pending'`,
      [id],
    );
  }
}
