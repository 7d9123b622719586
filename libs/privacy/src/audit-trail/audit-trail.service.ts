import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import { decodeCursor, DomainError, Page, toPage, writeAudit } from '@prossimo/platform';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { AuditTrailRepository } from './audit-trail.repository';
import { AuditEntry, AuditFilterArgs, AuditTrailArgs, AuditTrailCsv } from '../privacy.types';

/** An export larger than this asks for a narrower period (the page is the way to read more). */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;

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
    private readonly trailRows: AuditTrailRepository,
  ) {}

  async trail(user: AuthenticatedUser, args: AuditTrailArgs): Promise<Page<AuditEntry>> {
    const { params, conditions } = this.filter(user, args);
    const cursor = decodeCursor(args.after, 1);
    if (cursor) {
      params.push(String(cursor[0]));
      conditions.push(`a.id < $${params.length}::bigint`);
    }
    params.push(args.first + 1);
    const rows = await this.trailRows.findEntries(conditions, params);
    return toPage(rows, args.first, (row) => [row.id]);
  }

  /**
   * The trail with the same filters as CSV, newest first, for the moderator's records: at most
   * AUDIT_EXPORT_MAX_ROWS rows (a narrower period otherwise). The export is audited itself.
   */
  async csv(user: AuthenticatedUser, args: AuditFilterArgs): Promise<AuditTrailCsv> {
    const { params, conditions } = this.filter(user, args);
    params.push(AUDIT_EXPORT_MAX_ROWS + 1);
    const rows = await this.trailRows.findEntries(conditions, params);
    if (rows.length > AUDIT_EXPORT_MAX_ROWS) {
      throw new DomainError('AUDIT_EXPORT_TOO_LARGE', {
        field: 'from',
        params: { max: AUDIT_EXPORT_MAX_ROWS },
      });
    }
    const csv = stringify(
      rows.map((row) => [
        row.id,
        new Date(row.createdAt).toISOString(),
        row.action,
        row.entityType,
        row.entityId ?? '',
        row.actorUserId ?? '',
        row.actorName ?? '',
        row.actorRoles.join(' '),
        row.details,
      ]),
      {
        header: true,
        columns: [
          'id',
          'created_at',
          'action',
          'entity_type',
          'entity_id',
          'actor_user_id',
          'actor_name',
          'actor_roles',
          'details',
        ],
      },
    );
    await writeAudit(this.dataSource.manager, {
      actorUserId: user.userId,
      action: 'audit.exported',
      entityType: 'territory',
      entityId: args.territoryId,
      territoryId: args.territoryId,
      details: {
        rows: rows.length,
        entityId: args.entityId ?? null,
        from: args.from ?? null,
        to: args.to ?? null,
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return { fileName: `registro-attivita-${day}.csv`, csv, rowCount: rows.length };
  }

  /** The moderator's check, and the WHERE of the filters (with their params). */
  private filter(
    user: AuthenticatedUser,
    args: AuditFilterArgs,
  ): { params: unknown[]; conditions: string[] } {
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
    if (args.entityId) {
      params.push(args.entityId);
      conditions.push(`a.entity_id = $${params.length}`);
    }
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
    return { params, conditions };
  }
}
