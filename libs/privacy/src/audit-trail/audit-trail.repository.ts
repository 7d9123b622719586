import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { leftJoinUserSql, staffRolesInTerritorySql } from '@prossimo/identity';
import { newestAuditEntriesSql } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../privacy.types';

/**
 * Reads of the audit log (platform's audit_log, written by every library with writeAudit) for the
 * territory's trail, with each actor's name and roles: one statement of platform's and identity's
 * parts (newestAuditEntriesSql; leftJoinUserSql, staffRolesInTerritorySql).
 */
@Injectable()
export class AuditTrailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The rows of the filters (`conditions` on `a`), newest first, LIMIT the last param; each with its actor's name and roles. */
  async findEntries(conditions: string[], params: unknown[]): Promise<AuditEntry[]> {
    // The actor's name and roles for the page's rows only (at most LIMIT lookups by key).
    return this.dataSource.query(
      `SELECT a.id::text, a.action, a.entity_type AS "entityType", a.entity_id AS "entityId",
              a.actor_user_id AS "actorUserId", a.territory_id AS "territoryId", a.details::text AS details,
              a.created_at AS "createdAt", u.display_name AS "actorName",
              ${staffRolesInTerritorySql('a.actor_user_id', 'a.territory_id')} AS "actorRoles"
         FROM (${newestAuditEntriesSql(conditions, `$${params.length}`)}) a
         ${leftJoinUserSql('u', 'a.actor_user_id')}
        ORDER BY a.id DESC`,
      params,
    );
  }
}
