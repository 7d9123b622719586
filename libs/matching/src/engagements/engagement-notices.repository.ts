import { Global, Injectable, Module } from '@nestjs/common';
import {
  ENGAGEMENT_NOTICES,
  EngagementNotice,
  EngagementNoticeSource,
  NeedNoticeRow,
  noticeOf,
} from '@prossimo/notifications';
import { EntityManager } from 'typeorm';
import { firstRow } from '@prossimo/platform';
import { joinBeneficiaryOfNeedSql, joinNeedSql, NEEDS_AS_N } from '@prossimo/requests';
import { leftJoinVolunteerSql } from '@prossimo/community';
import { leftJoinUserSql } from '@prossimo/identity';
import { deskOfComuneSql, joinComuneSql } from '@prossimo/territory';

/** What a notice says about the need (alias n) and its people, as NeedNoticeRow names them. */
const NEED_NOTICE_COLUMNS = `CASE WHEN n.source = 'citizen' THEN n.author_user_id END AS author_user_id,
  b.user_id AS beneficiary_user_id, coalesce(cu.display_name, '') AS citizen_name,
  n.description, c.name AS comune_name, n.details->'ride' AS ride, desk.desk_phone, desk.desk_hours`;

/** The tables NEED_NOTICE_COLUMNS reads, joined to the need `n`. */
const NEED_NOTICE_JOINS = `${joinComuneSql('c', 'n.comune_istat')}
  ${deskOfComuneSql('n.comune_istat')}
  ${joinBeneficiaryOfNeedSql()}
  ${leftJoinUserSql('cu', 'coalesce(b.user_id, n.author_user_id)')}`;

interface EngagementRow extends NeedNoticeRow {
  id: string;
  status: string;
  starts_at: Date;
  helper_user_id: string;
  helper_name: string | null;
}

/**
 * SQL for a caller's read statement before it creates an engagement for the need whose id is
 * `needId` (SQL): the need's side of the notice, as a JSON NeedNoticeRow (noticeOf).
 */
export function needNoticeSql(needId: string): string {
  return `(SELECT row_to_json(r) FROM (
      SELECT ${NEED_NOTICE_COLUMNS} FROM ${NEEDS_AS_N} ${NEED_NOTICE_JOINS} WHERE n.id = ${needId}) r)`;
}

/** The engagements' side of notifications' ENGAGEMENT_NOTICES port: what the notices say. */
@Injectable()
export class EngagementNoticeQuery implements EngagementNoticeSource {
  async load(
    manager: EntityManager,
    engagementId: string,
    lock = false,
  ): Promise<EngagementNotice | undefined> {
    const row = await firstRow<EngagementRow>(
      manager,
      `SELECT e.id, e.status, lower(e.during) AS starts_at, e.helper_user_id, v.display_name AS helper_name,
              ${NEED_NOTICE_COLUMNS}
         FROM engagements e
         ${joinNeedSql('e.need_id')}
         ${NEED_NOTICE_JOINS}
         ${leftJoinVolunteerSql('e.volunteer_id')}
        WHERE e.id = $1 ${lock ? 'FOR SHARE OF e' : ''}`,
      [engagementId],
    );
    if (!row) return undefined;
    return noticeOf(
      {
        id: row.id,
        status: row.status,
        startsAt: row.starts_at,
        helperUserId: row.helper_user_id,
        helperName: row.helper_name ?? '',
      },
      row,
    );
  }
}

/** Gives notifications its ENGAGEMENT_NOTICES: import once in each app's root module. */
@Global()
@Module({
  providers: [{ provide: ENGAGEMENT_NOTICES, useClass: EngagementNoticeQuery }],
  exports: [ENGAGEMENT_NOTICES],
})
export class EngagementNoticesModule {}
