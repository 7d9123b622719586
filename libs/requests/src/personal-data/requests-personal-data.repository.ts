import { Injectable } from '@nestjs/common';
import { blankStatusReasonsAbout, firstRow, Queryable, statusChangesForExport } from '@prossimo/platform';

/** A need as the person's export reads it (personal fields still encrypted). */
export type NeedExportRow = Record<string, unknown>;

/**
 * The pickup of a ride is usually the person's home. It becomes the point due north of the
 * destination at the same great-circle distance: the ride kilometres the indicators add up stay
 * exact, and the home is gone.
 */
const MOVED_PICKUP = `jsonb_build_object(
  'lat', (details #>> '{ride,destinationLocation,lat}')::float8 + degrees(earth_distance(
      ll_to_earth((details #>> '{ride,pickupLocation,lat}')::float8, (details #>> '{ride,pickupLocation,lon}')::float8),
      ll_to_earth((details #>> '{ride,destinationLocation,lat}')::float8, (details #>> '{ride,destinationLocation,lon}')::float8)
    ) / earth()),
  'lon', (details #>> '{ride,destinationLocation,lon}')::float8)`;

/**
 * Requests' personal data, for the export and the erasures: the person's needs and the
 * beneficiaries they entered, with the needs' rows in platform's status_history. Runs in the
 * caller's transaction.
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
    const changes = await statusChangesForExport(db, 'need_lifecycle', needIds);
    return changes.map(({ entityId, ...change }) => ({ needId: entityId, ...change }));
  }

  /** The ids of the person's needs (their own, not desk ones they entered, and those for them); `lock`: FOR NO KEY UPDATE. */
  async findNeedIdsOfPerson(db: Queryable, userId: string, lock: boolean): Promise<{ id: string }[]> {
    return db.query(
      `SELECT n.id FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
          WHERE (n.author_user_id = $1 AND n.source <> 'desk') OR b.user_id = $1
          ORDER BY n.id ${lock ? 'FOR NO KEY UPDATE OF n' : ''}`,
      [userId],
    );
  }

  /** The needs for a beneficiary, with their Comune; `lock`: FOR NO KEY UPDATE. */
  async findNeedsOfBeneficiary(
    db: Queryable,
    beneficiaryId: string,
    lock: boolean,
  ): Promise<{ id: string; istat: string }[]> {
    return db.query(
      `SELECT id, comune_istat AS istat FROM needs WHERE beneficiary_id = $1
          ORDER BY id ${lock ? 'FOR NO KEY UPDATE' : ''}`,
      [beneficiaryId],
    );
  }

  /** Of these needs, those in one of the statuses. */
  async findNeedsInStatus(db: Queryable, needIds: string[], statuses: string[]): Promise<{ id: string }[]> {
    return db.query(`SELECT id FROM needs WHERE id = ANY($1::uuid[]) AND status = ANY($2::text[])`, [
      needIds,
      statuses,
    ]);
  }

  /**
   * The needs' text, address, notes and exact places (rounded to about a kilometre; a ride's
   * pickup moved so that its kilometres stay) become `erasedText`; returns how many.
   */
  async blankNeeds(db: Queryable, needIds: string[], erasedText: string): Promise<number> {
    const [, blanked]: [unknown[], number] = await db.query(
      `UPDATE needs SET description = $2, address_encrypted = NULL, sensitive_notes_encrypted = NULL,
              lat = round(lat::numeric, 2), lon = round(lon::numeric, 2),
              details = CASE WHEN details ? 'ride' THEN jsonb_set(jsonb_set(jsonb_set(details,
                  '{ride,pickupPlace}', to_jsonb($2::text)),
                  '{ride,destinationPlace}', to_jsonb($2::text)),
                  '{ride,pickupLocation}', ${MOVED_PICKUP})
                ELSE details END
        WHERE id = ANY($1::uuid[])`,
      [needIds, erasedText],
    );
    return blanked;
  }

  /** The reasons written in the status history of these needs (any library's rows about them). */
  async blankStatusReasonsOfNeeds(db: Queryable, needIds: string[]): Promise<void> {
    await blankStatusReasonsAbout(db, needIds);
  }

  /** Relatives the person entered: the name is required by the table, so it becomes the placeholder. */
  async blankRelativesEnteredBy(db: Queryable, userId: string, erasedNameEncrypted: string): Promise<void> {
    await db.query(
      `UPDATE beneficiaries SET full_name_encrypted = $2, phone_encrypted = NULL,
              codice_fiscale_encrypted = NULL, codice_fiscale_hmac = NULL
        WHERE created_by_user_id = $1 AND kind = 'relative'`,
      [userId, erasedNameEncrypted],
    );
  }

  /** Locks a beneficiary without an account (desk person or relative); undefined when there is none. */
  async lockBeneficiaryWithoutAccount(
    db: Queryable,
    beneficiaryId: string,
  ): Promise<{ phone_encrypted: string | null } | undefined> {
    return firstRow(
      db,
      `SELECT phone_encrypted FROM beneficiaries
          WHERE id = $1 AND user_id IS NULL AND kind IN ('desk', 'relative') FOR UPDATE`,
      [beneficiaryId],
    );
  }

  /** The beneficiary's name becomes the placeholder; phone, codice fiscale, consents, blind index go. */
  async eraseBeneficiary(
    db: Queryable,
    beneficiaryId: string,
    erasedNameEncrypted: string,
    blindIndexVersion: number,
  ): Promise<void> {
    await db.query(
      // The blind index and the consent's witness go too: nothing left to find the person by.
      `UPDATE beneficiaries SET full_name_encrypted = $2, phone_encrypted = NULL, health_consent_at = NULL,
                codice_fiscale_encrypted = NULL, codice_fiscale_hmac = NULL,
                phone_search = NULL, name_search = '{}', search_version = $3, consent_witness_encrypted = NULL
          WHERE id = $1`,
      [beneficiaryId, erasedNameEncrypted, blindIndexVersion],
    );
  }

  /** The health notes of the needs the person posted for themselves or a relative, or that are for them; returns how many. */
  async purgeHealthNotesOf(db: Queryable, userId: string): Promise<number> {
    const [, purged]: [unknown[], number] = await db.query(
      `UPDATE needs n SET sensitive_notes_encrypted = NULL
        WHERE n.sensitive_notes_encrypted IS NOT NULL
          AND ((n.author_user_id = $1 AND n.source = 'citizen')
               OR n.beneficiary_id IN (SELECT id FROM beneficiaries WHERE user_id = $1))`,
      [userId],
    );
    return purged;
  }

  /** Retention: the health notes of needs closed `days` ago (a terminal need is not updated again, so updated_at is when it closed). */
  async purgeHealthNotesOfClosedNeeds(
    db: Queryable,
    closedStatuses: string[],
    days: number,
  ): Promise<number> {
    const [, purged]: [unknown[], number] = await db.query(
      `UPDATE needs SET sensitive_notes_encrypted = NULL
          WHERE sensitive_notes_encrypted IS NOT NULL AND status = ANY($1::text[])
            AND updated_at <= now() - make_interval(days => $2)`,
      [closedStatuses, days],
    );
    return purged;
  }
}
