import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { firstRow, Queryable } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { BeneficiaryKind } from '../requests.types';

/** A beneficiary as a need's field reads it (still encrypted). */
export interface BeneficiaryRow {
  id: string;
  kind: BeneficiaryKind;
  full_name_encrypted: string | null;
  phone_encrypted: string | null;
  codice_fiscale_encrypted: string | null;
  relationship: string | null;
  consent_recorded_at: Date | null;
}

/** A beneficiary whose blind index is still to write. */
export interface BeneficiaryToIndexRow {
  id: string;
  full_name_encrypted: string | null;
  phone_encrypted: string | null;
}

/** The beneficiaries table: the people needs are for (names, phones and codici fiscali encrypted). */
@Injectable()
export class BeneficiariesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findBeneficiaries(ids: readonly string[]): Promise<BeneficiaryRow[]> {
    return this.dataSource.query(
      `SELECT id, kind, full_name_encrypted, phone_encrypted, codice_fiscale_encrypted, relationship,
              consent_recorded_at
         FROM beneficiaries WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * Locks the desk person `$1` when `inScope` (a condition on `b` whose parameters are in `params`)
   * holds; undefined otherwise.
   */
  async lockDeskPerson(
    db: Queryable,
    inScope: string,
    params: unknown[],
  ): Promise<{ health_consent_at: Date | null } | undefined> {
    return firstRow(
      db,
      `SELECT b.health_consent_at FROM beneficiaries b WHERE b.id = $1 AND b.kind = 'desk' AND ${inScope}
          FOR UPDATE OF b`,
      params,
    );
  }

  /** The person's explicit consent to health data, given now. */
  async recordHealthConsent(db: Queryable, id: string): Promise<void> {
    await db.query(`UPDATE beneficiaries SET health_consent_at = now() WHERE id = $1`, [id]);
  }

  /** A batch of beneficiaries not indexed under this version, locked (SKIP LOCKED) in the caller's transaction. */
  async lockBeneficiariesToIndex(
    db: Queryable,
    version: number,
    batch: number,
  ): Promise<BeneficiaryToIndexRow[]> {
    return db.query(
      `SELECT id, full_name_encrypted, phone_encrypted FROM beneficiaries
              WHERE kind <> 'self' AND search_version IS DISTINCT FROM $1
              ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [version, batch],
    );
  }

  async writeSearchIndex(
    db: Queryable,
    id: string,
    phoneSearch: Buffer | null,
    nameSearch: string[],
    version: number,
  ): Promise<void> {
    await db.query(
      `UPDATE beneficiaries SET phone_search = $2, name_search = $3, search_version = $4 WHERE id = $1`,
      [id, phoneSearch, nameSearch, version],
    );
  }
}
