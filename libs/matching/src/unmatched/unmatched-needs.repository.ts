import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CursorAt, keysetPageSql } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { UnmatchedNeed, UnmatchedNeedsArgs } from '../matching.types';
import { joinNeedSql } from '@prossimo/requests';

/** An unmatched need as read, with its page cursor. */
export type UnmatchedNeedRow = Omit<UnmatchedNeed, 'reasonText'> & CursorAt;

/** need_match_states rows matching gave up on (joined with needs through requests' joinNeedSql). */
@Injectable()
export class UnmatchedNeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Open needs with an unmatched reason, oldest first: one row more than a page (toPage tells
   * whether there is a next one). scopeCondition and params come from the access check.
   */
  async findUnmatchedNeedsPage(
    scopeCondition: string,
    params: unknown[],
    args: UnmatchedNeedsArgs,
  ): Promise<UnmatchedNeedRow[]> {
    const conditions = [scopeCondition, `ms.unmatched_reason IS NOT NULL`, `n.status = 'open'`];
    if (args.comuneIstat) {
      params.push(args.comuneIstat);
      conditions.push(`ms.comune_istat = $${params.length}`);
    }
    const keyset = keysetPageSql({ at: 'ms.unmatched_at', id: 'ms.need_id' }, 'ASC', args, params);
    conditions.push(...keyset.after);
    const rows: UnmatchedNeedRow[] = await this.dataSource.query(
      `SELECT ms.need_id AS "needId", ms.comune_istat AS "comuneIstat", n.category, n.description,
              n.window_start AS "windowStart", ms.unmatched_reason AS reason, ms.unmatched_at AS "unmatchedAt",
              ${keyset.cursorColumn}
         FROM need_match_states ms ${joinNeedSql('ms.need_id')}
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
    return rows;
  }
}
