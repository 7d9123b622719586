import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { leftJoinUserSql } from '@prossimo/identity';
import { Queryable, recentAuditEntriesBy } from '@prossimo/platform';
import { comuniAs } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { DeskPersonNeed } from './desk-people.types';
import { BeneficiaryKind, DeskConsentMethod } from '../requests.types';

/** A person as the desk reads them (still encrypted), with the consent recorded for them. */
export interface DeskPersonRow {
  id: string;
  kind: BeneficiaryKind;
  full_name_encrypted: string;
  phone_encrypted: string | null;
  comune_istat: string | null;
  comune_name: string | null;
  created_at: Date;
  consent_recorded_at: Date | null;
  recorded_by: string | null;
  consent_method: DeskConsentMethod | null;
  consent_witness_encrypted: string | null;
  health_consent_at: Date | null;
}

/**
 * The desk's people: beneficiaries with their Comune (territory's comuni) and who recorded their
 * consent (identity's users), their needs, and the operator's searches (counted from platform's
 * audit_log). Conditions (`condition`, `inScope`) come from the service with their parameters in
 * `params`.
 */
@Injectable()
export class DeskPeopleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The people found by the blind index (`$1`), newest first; the limit is the last parameter. */
  async findPeople(
    db: Queryable,
    condition: string,
    inScope: string,
    params: unknown[],
  ): Promise<DeskPersonRow[]> {
    return db.query(
      `${PERSON_SELECT} WHERE ${condition} AND b.kind IN ('desk', 'relative') AND ${inScope}
          ORDER BY b.created_at DESC, b.id LIMIT $${params.length}`,
      params,
    );
  }

  /** The person `$1`, when in scope. */
  async findPerson(inScope: string, params: unknown[]): Promise<DeskPersonRow[]> {
    return this.dataSource.query(
      `${PERSON_SELECT} WHERE b.id = $1 AND b.kind IN ('desk', 'relative') AND ${inScope}`,
      params,
    );
  }

  /** Serialises one operator's searches until the caller's transaction ends. */
  async lockSearchesOf(db: Queryable, userId: string): Promise<void> {
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('desk-search:' || $1))`, [userId]);
  }

  /** The operator's searches in the last minutes, and when the oldest was made. */
  async countRecentSearches(
    db: Queryable,
    userId: string,
    minutes: number,
  ): Promise<{ searches: number; oldest: Date | null }> {
    const { entries, oldest } = await recentAuditEntriesBy(db, userId, 'desk.person_searched', minutes);
    return { searches: entries, oldest };
  }

  /** The 50 newest needs of each person (`$1`) in scope (`inScope` on `n`). */
  async findNeedsOfPeople(
    inScope: string,
    params: unknown[],
  ): Promise<(DeskPersonNeed & { beneficiary_id: string })[]> {
    return this.dataSource.query(
      `SELECT beneficiary_id, id, category, status, description, window_start AS "windowStart",
              window_end AS "windowEnd", created_at AS "createdAt" FROM (
         SELECT n.*, row_number() OVER (PARTITION BY n.beneficiary_id ORDER BY n.created_at DESC, n.id) AS position
           FROM needs n WHERE n.beneficiary_id = ANY($1::uuid[]) AND ${inScope}) ranked
        WHERE position <= 50 ORDER BY created_at DESC, id`,
      params,
    );
  }
}

const PERSON_SELECT = `SELECT b.id, b.kind, b.full_name_encrypted, b.phone_encrypted, b.registered_comune_istat AS comune_istat, c.name AS comune_name,
       b.created_at, b.consent_recorded_at, coalesce(u.display_name, u.phone_e164) AS recorded_by, b.consent_method,
       b.consent_witness_encrypted, b.health_consent_at
  FROM beneficiaries b
  LEFT JOIN ${comuniAs('c')} ON c.istat = b.registered_comune_istat
  ${leftJoinUserSql('u', 'b.consent_recorded_by_user_id')}`;
