import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import { decodeCursor, Page, toPage } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { AuditEntry, AuditTrailArgs } from './privacy.types';

/** The audit log of a territory, newest first, for its moderators (platform admins: any). Read only. */
@Injectable()
export class AuditTrailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async trail(user: AuthenticatedUser, args: AuditTrailArgs): Promise<Page<AuditEntry>> {
    this.access.requireTerritoryRole(user, args.territoryId, [Role.COMUNE_MODERATOR]);
    const params: unknown[] = [args.territoryId];
    const conditions = ['territory_id = $1'];
    if (args.action) {
      params.push(args.action);
      conditions.push(`action = $${params.length}`);
    }
    const cursor = decodeCursor(args.after, 1);
    if (cursor) {
      params.push(String(cursor[0]));
      conditions.push(`id < $${params.length}::bigint`);
    }
    params.push(args.first + 1);
    const rows: AuditEntry[] = await this.dataSource.query(
      `SELECT id::text, action, entity_type AS "entityType", entity_id AS "entityId", actor_user_id AS "actorUserId",
              territory_id AS "territoryId", details::text AS details, created_at AS "createdAt"
         FROM audit_log WHERE ${conditions.join(' AND ')} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, args.first, (row) => [row.id]);
  }
}
