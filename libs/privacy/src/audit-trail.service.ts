import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import { decodeCursor, DomainError, Page, toPage } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { AuditEntry, AuditTrailArgs } from './privacy.types';

/** Days since 1970 of a real calendar day (2026-02-30 is not one), or null. */
function dayNumber(value: string): number | null {
  const [year, month, day] = value.split('-').map(Number);
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day
    ? time / 86_400_000
    : null;
}

/** LIKE's own characters in a family name are literal ("need_" is not "need" and one character). */
function likePrefix(family: string): string {
  return `${family.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The audit log of a territory, newest first, for its moderators (platform admins: any). Read only. */
@Injectable()
export class AuditTrailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async trail(user: AuthenticatedUser, args: AuditTrailArgs): Promise<Page<AuditEntry>> {
    this.access.requireTerritoryRole(user, args.territoryId, [Role.COMUNE_MODERATOR]);
    // Left out or null: no bound.
    const from = args.from ? dayNumber(args.from) : undefined;
    const to = args.to ? dayNumber(args.to) : undefined;
    if (from === null) throw new DomainError('FIELD_INVALID', { field: 'from' });
    if (to === null) throw new DomainError('FIELD_INVALID', { field: 'to' });
    if (from !== undefined && to !== undefined && to < from) {
      throw new DomainError('AUDIT_PERIOD_REVERSED', { field: 'to' });
    }
    const params: unknown[] = [args.territoryId];
    const conditions = ['a.territory_id = $1'];
    if (args.action) {
      params.push(args.action);
      conditions.push(`a.action = $${params.length}`);
    }
    if (args.actions?.length) {
      const exact = args.actions.filter((action) => !action.endsWith('.'));
      const families = args.actions.filter((action) => action.endsWith('.')).map(likePrefix);
      params.push(exact, families);
      conditions.push(
        `(a.action = ANY($${params.length - 1}::text[]) OR a.action LIKE ANY($${params.length}::text[]))`,
      );
    }
    if (args.actorUserId) {
      params.push(args.actorUserId);
      conditions.push(`a.actor_user_id = $${params.length}`);
    }
    // Whole days of the Comune's calendar, whatever the server's zone.
    if (args.from) {
      params.push(args.from);
      conditions.push(`a.created_at >= ($${params.length}::date)::timestamp AT TIME ZONE 'Europe/Rome'`);
    }
    if (args.to) {
      params.push(args.to);
      conditions.push(`a.created_at < ($${params.length}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome'`);
    }
    const cursor = decodeCursor(args.after, 1);
    if (cursor) {
      params.push(String(cursor[0]));
      conditions.push(`a.id < $${params.length}::bigint`);
    }
    params.push(args.first + 1);
    // The actor's name and roles for the page's rows only (at most first + 1 lookups by key).
    const rows: AuditEntry[] = await this.dataSource.query(
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
    return toPage(rows, args.first, (row) => [row.id]);
  }
}
