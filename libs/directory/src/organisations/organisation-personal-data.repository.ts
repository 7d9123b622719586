import { Injectable } from '@nestjs/common';
import { Queryable } from '@prossimo/platform';

/** An organisation the person registered, as "download my data" shows it. */
export interface OrganisationCreatedRow {
  id: string;
  name: string;
  createdAt: Date;
}

/** The directory's personal data: erasure and export, in the caller's transaction. */
@Injectable()
export class OrganisationPersonalDataRepository {
  /** Invitations accepted by the person, or sent to their number (its lookup HMAC, when known). */
  async deleteInvitationsOf(db: Queryable, userId: string, phoneHmac: Buffer | null): Promise<void> {
    await db.query(
      `DELETE FROM organisation_invitations WHERE accepted_by_user_id = $1 OR ($2::bytea IS NOT NULL AND phone_hmac = $2)`,
      [userId, phoneHmac],
    );
  }

  /** Organisations whose contact number is the person's own mobile lose it. */
  async clearContactPhone(db: Queryable, phone: string): Promise<void> {
    await db.query(
      `UPDATE organisations SET contact_phone = NULL, updated_at = now() WHERE contact_phone = $1`,
      [phone],
    );
  }

  findOrganisationsCreatedBy(db: Queryable, userId: string): Promise<OrganisationCreatedRow[]> {
    return db.query(
      `SELECT id, name, created_at AS "createdAt" FROM organisations WHERE created_by_user_id = $1`,
      [userId],
    );
  }
}
