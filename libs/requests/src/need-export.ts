import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';

type Row = Record<string, unknown>;

/**
 * "Download my data", requests' part: the person's needs (their own, and those posted for them),
 * with the address, notes and the beneficiary they entered decrypted, and the needs' history.
 */
@Injectable()
export class NeedExport extends PersonalDataExportArea {
  readonly area = 'requests';
  readonly sections = ['needs', 'needStatusHistory'];
  readonly tables = ['needs', 'beneficiaries', 'status_history'];

  async collect({ manager, userId, decrypt }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const rows: Row[] = await manager.query(
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
    const needIds = rows.map((need) => need.id as string);
    const needStatusHistory = await manager.query(
      `SELECT entity_id AS "needId", from_status AS "from", to_status AS "to", reason, created_at AS "createdAt"
         FROM status_history WHERE entity_type = 'need_lifecycle' AND entity_id = ANY($1::uuid[]) ORDER BY id`,
      [needIds],
    );
    const needs = rows.map(
      ({
        address_encrypted,
        sensitive_notes_encrypted,
        beneficiary_name_encrypted,
        beneficiary_phone_encrypted,
        beneficiary_codice_fiscale_encrypted,
        ...need
      }) => ({
        ...need,
        address: decrypt(address_encrypted),
        sensitiveNotes: decrypt(sensitive_notes_encrypted),
        beneficiaryName: decrypt(beneficiary_name_encrypted),
        beneficiaryPhone: decrypt(beneficiary_phone_encrypted),
        beneficiaryCodiceFiscale: decrypt(beneficiary_codice_fiscale_encrypted),
      }),
    );
    return { sections: { needs, needStatusHistory }, found: { need: needIds } };
  }
}
