import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../privacy.types';

/**
 * Reads of the audit log (platform's audit_log, written by every library with writeAudit) for the
 * territory's trail, with each actor's name and roles (identity's users and user_roles).
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
              coalesce((SELECT array_agg(DISTINCT r.role ORDER BY r.role) FROM user_roles r
                         WHERE r.user_id = a.actor_user_id
                           AND (r.role = 'platform_admin'
                                OR (r.territory_id = a.territory_id
                                    AND r.role IN ('comune_operator', 'comune_moderator')))),
                       '{}') AS "actorRoles"
         FROM (SELECT * FROM audit_log a WHERE ${conditions.join(' AND ')}
                ORDER BY a.id DESC LIMIT $${params.length}) a
         LEFT JOIN users u ON u.id = a.actor_user_id
        ORDER BY a.id DESC`,
      params,
    );
  }
}
