import { Injectable } from '@nestjs/common';
import { Queryable } from '@prossimo/platform';

/** A need as the person's export reads it (personal fields still encrypted). */
export type NeedExportRow = Record<string, unknown>;

/**
 * Requests' personal data, for the export (and the erasure): the person's needs and the
 * beneficiaries they entered, with the needs' lifecycle rows in platform's status_history. Runs in
 * the caller's transaction.
 */
@Injectable()
export class RequestsPersonalDataRepository {
  /** The person's needs (their own, and those posted for them), oldest first. */
  async findNeedsOfPerson(db: Queryable, userId: string): Promise<NeedExportRow[]> {
    return db.query(
      `SELECT n.id, n.source, n.status, n.category, n.description, n.comune_istat AS "comuneIstat", n.lat, n.lon,
              n.address_encrypted, n.window_start AS "windowStart", n.window_end AS "windowEnd", n.urgency,
              n.language, n.accessibility_needs AS "accessibilityNeeds", n.sensitive_notes_encrypted, n.details,
              n.created_at AS "createdAt", n.updated_at AS "updatedAt",
              b.kind AS "beneficiaryKind", b.relationship AS "beneficiaryRelationship",
              CASE WHEN b.created_by_user_id = $1 THEN b.full_name_encrypted END AS beneficiary_name_encrypted,
              CASE WHEN b.created_by_user_id = $1 THEN b.phone_encrypted END AS beneficiary_phone_encrypted,
              CASE WHEN b.created_by_user_id = $1 THEN b.codice_fiscale_encrypted END
                AS beneficiary_codice_fiscale_encrypted
         FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
        WHERE (n.author_user_id = $1 AND n.source <> 'desk') OR b.user_id = $1
        ORDER BY n.created_at`,
      [userId],
    );
  }

  /** The lifecycle changes of these needs, in order. */
  async findNeedStatusHistory(db: Queryable, needIds: string[]): Promise<Record<string, unknown>[]> {
    return db.query(
      `SELECT entity_id AS "needId", from_status AS "from", to_status AS "to", reason, created_at AS "createdAt"
         FROM status_history WHERE entity_type = 'need_lifecycle' AND entity_id = ANY($1::uuid[]) ORDER BY id`,
      [needIds],
    );
  }
}
