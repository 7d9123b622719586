import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { firstRow, firstValue, Queryable } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import type { SealedCodiceFiscale } from './codice-fiscale.service';

/** The codice fiscale columns of users. */
@Injectable()
export class CodiceFiscaleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Sets (null: removes) the active account's code. Fails with the unique violation (23505) when
   * another account has it.
   */
  async setCodiceFiscale(userId: string, sealed: SealedCodiceFiscale | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET codice_fiscale_encrypted = $2, codice_fiscale_hmac = $3, updated_at = now()
          WHERE id = $1 AND status = 'active'`,
      [userId, sealed?.encrypted ?? null, sealed?.hmac ?? null],
    );
  }

  /** The account's encrypted code (null: none; undefined: no such account). */
  async findEncryptedCodiceFiscale(db: Queryable, userId: string): Promise<string | null | undefined> {
    return firstValue<string | null>(db, `SELECT codice_fiscale_encrypted FROM users WHERE id = $1`, [
      userId,
    ]);
  }

  /** The account's encrypted code and status (undefined: no such account), for a staff read. */
  async findSealedWithStatus(
    db: Queryable,
    userId: string,
  ): Promise<{ codice_fiscale_encrypted: string | null; status: string } | undefined> {
    return firstRow(db, `SELECT codice_fiscale_encrypted, status FROM users WHERE id = $1`, [userId]);
  }
}
