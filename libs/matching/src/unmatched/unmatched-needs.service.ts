import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES } from '@prossimo/identity';
import {
  afterCursorCondition,
  CursorAt,
  cursorAtColumn,
  Page,
  renderMessage,
  RequestContext,
  toPage,
} from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { UnmatchedNeed, UnmatchedNeedsArgs } from '../matching.types';

/** Comune staff's follow-up list: open needs matching gave up on, with the reason. */
@Injectable()
export class UnmatchedNeedsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Comune staff: open needs matching gave up on, with the reason, oldest first. */
  async unmatchedNeeds(user: AuthenticatedUser, args: UnmatchedNeedsArgs): Promise<Page<UnmatchedNeed>> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const scope = this.access.scope(user, COMUNE_STAFF_ROLES);
    const params: unknown[] = [];
    const conditions = [
      this.access.comuneCondition(scope, 'ms.comune_istat', params),
      `ms.unmatched_reason IS NOT NULL`,
      `n.status = 'open'`,
    ];
    if (args.comuneIstat) {
      params.push(args.comuneIstat);
      conditions.push(`ms.comune_istat = $${params.length}`);
    }
    conditions.push(...afterCursorCondition(args.after, '(ms.unmatched_at, ms.need_id)', 'ASC', params));
    params.push(args.first + 1);
    const rows: (Omit<UnmatchedNeed, 'reasonText'> & CursorAt)[] = await this.dataSource.query(
      `SELECT ms.need_id AS "needId", ms.comune_istat AS "comuneIstat", n.category, n.description,
              n.window_start AS "windowStart", ms.unmatched_reason AS reason, ms.unmatched_at AS "unmatchedAt",
              ${cursorAtColumn('ms.unmatched_at')}
         FROM need_match_states ms JOIN needs n ON n.id = ms.need_id
        WHERE ${conditions.join(' AND ')} ORDER BY ms.unmatched_at, ms.need_id LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.cursorAt, row.needId]);
    const language = RequestContext.language();
    return {
      items: page.items.map(({ cursorAt: _cursorAt, ...row }) => ({
        ...row,
        reasonText: renderMessage(`UNMATCHED_${row.reason.toUpperCase()}`, language, {}),
      })),
      pageInfo: page.pageInfo,
    };
  }
}
