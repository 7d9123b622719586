import { Injectable } from '@nestjs/common';
import { firstRow, Queryable } from '@prossimo/platform';

/** The account's sealed codice fiscale and status (identity's users), for a staff read. */
@Injectable()
export class CodiceFiscaleReadRepository {
  async findSealedCodiceFiscale(
    db: Queryable,
    userId: string,
  ): Promise<{ codice_fiscale_encrypted: string | null; status: string } | undefined> {
    return firstRow(db, `SELECT codice_fiscale_encrypted, status FROM users WHERE id = $1`, [userId]);
  }
}
