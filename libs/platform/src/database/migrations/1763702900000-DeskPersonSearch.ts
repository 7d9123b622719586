import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The desk finds a person by phone or name. Names and phones are encrypted, so each beneficiary
 * also carries keyed hashes (a blind index: the phone in E.164, each word of the name) that the
 * application computes; rows written before this migration have search_version NULL and are
 * indexed by the api at start-up (the key is not the database's to know). The Comune where the
 * person was registered (registered_comune_istat: a name of its own, so that queries joining
 * needs keep their unqualified comune_istat) scopes the search to its territory. The desk also records how consent was
 * given (signed form, verbal with a witness...), beside who recorded it and when.
 */
export class DeskPersonSearch1763702900000 implements MigrationInterface {
  name = 'DeskPersonSearch1763702900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE beneficiaries
      ADD COLUMN registered_comune_istat char(6) REFERENCES comuni(istat),
      ADD COLUMN phone_search bytea,
      ADD COLUMN name_search text[],
      ADD COLUMN search_version smallint,
      ADD COLUMN consent_method text
        CHECK (consent_method IN ('signed_form', 'verbal_with_witness', 'phone_call', 'digital_form')),
      ADD COLUMN consent_witness_encrypted text,
      ADD CHECK (consent_method <> 'verbal_with_witness' OR consent_witness_encrypted IS NOT NULL)`);
    // Where each person was first helped: the Comune of their first need.
    await db.query(`UPDATE beneficiaries b SET registered_comune_istat = first.comune_istat
      FROM (SELECT DISTINCT ON (beneficiary_id) beneficiary_id, comune_istat FROM needs
             WHERE beneficiary_id IS NOT NULL ORDER BY beneficiary_id, created_at) first
     WHERE first.beneficiary_id = b.id`);
    await db.query(
      `CREATE INDEX beneficiaries_phone_search_idx ON beneficiaries (phone_search) WHERE phone_search IS NOT NULL`,
    );
    await db.query(`CREATE INDEX beneficiaries_name_search_idx ON beneficiaries USING gin (name_search)`);
    // The per-operator search limit counts the operator's recent searches in the audit log.
    await db.query(
      `CREATE INDEX audit_log_desk_search_idx ON audit_log (actor_user_id, created_at) WHERE action = 'desk.person_searched'`,
    );
    await db.query(
      `CREATE INDEX beneficiaries_unindexed_idx ON beneficiaries (id) WHERE search_version IS NULL AND kind <> 'self'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit_log_desk_search_idx`);
    await db.query(`ALTER TABLE beneficiaries
      DROP COLUMN registered_comune_istat, DROP COLUMN phone_search, DROP COLUMN name_search, DROP COLUMN search_version,
      DROP COLUMN consent_method, DROP COLUMN consent_witness_encrypted`);
  }
}
