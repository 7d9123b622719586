import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { organisationsWorkedForSql } from '@prossimo/identity';
import {
  CursorAt,
  firstRow,
  firstValue,
  keysetPageSql,
  PageArgs,
  Queryable,
  readStatusHistory,
} from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { EngagementStatusChange, OrganisationEngagementsArgs } from '../matching.types';
import { ENGAGEMENT_HISTORY_ENTITY } from '../needs/need-for-matching';
import type { EngagementParty } from './engagement-parties.service';
import { EngagementStatus } from './engagement-rules';
import { ENGAGEMENT_COLUMNS, EngagementRow } from './engagement-rows';
import { joinBeneficiaryOfNeedSql, joinNeedSql } from '@prossimo/requests';
import { leftJoinVolunteerSql } from '@prossimo/community';
import { joinOrganisationSql } from '@prossimo/directory';

/** An engagement as read for a page, with its cursor. */
export type EngagementPageRow = EngagementRow & CursorAt;

/**
 * The engagements table (and its status history). Joins other libraries' rows through their owners'
 * parts: the need and its beneficiary (requests' joinNeedSql), the volunteer (community), the
 * organisation (directory's joinOrganisationSql), its staff (identity's organisationsWorkedForSql).
 */
@Injectable()
export class EngagementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Where the user is the helper, the citizen or a member of the helping organisation; newest first, a page plus one. */
  async findEngagementsPageOfUser(userId: string, args: PageArgs): Promise<EngagementPageRow[]> {
    const params: unknown[] = [userId];
    const conditions = [
      `(e.helper_user_id = $1 OR (n.source = 'citizen' AND n.author_user_id = $1) OR b.user_id = $1
        OR e.organisation_id IN ${organisationsWorkedForSql('$1')})`,
    ];
    const keyset = keysetPageSql({ at: 'e.created_at', id: 'e.id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT ${ENGAGEMENT_COLUMNS}, ${keyset.cursorColumn} FROM engagements e ${joinNeedSql('e.need_id')}
         ${joinBeneficiaryOfNeedSql()}
         ${leftJoinVolunteerSql('e.volunteer_id')}
         ${joinOrganisationSql('o', 'e.organisation_id', 'LEFT JOIN')}
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** The organisation's engagements, optionally of some statuses; newest first, a page plus one. */
  async findOrganisationEngagementsPage(args: OrganisationEngagementsArgs): Promise<EngagementPageRow[]> {
    const params: unknown[] = [args.organisationId];
    const conditions = ['e.organisation_id = $1'];
    if (args.statuses?.length) {
      params.push(args.statuses);
      conditions.push(`e.status = ANY($${params.length})`);
    }
    const keyset = keysetPageSql({ at: 'e.created_at', id: 'e.id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT ${ENGAGEMENT_COLUMNS}, ${keyset.cursorColumn} FROM engagements e
         ${leftJoinVolunteerSql('e.volunteer_id')}
         ${joinOrganisationSql('o', 'e.organisation_id', 'LEFT JOIN')}
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** Per need, the engagement that counts (the live or completed one, else the latest). */
  async findEngagementsOfNeeds(needIds: readonly string[]): Promise<EngagementRow[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (e.need_id) ${ENGAGEMENT_COLUMNS}
         FROM engagements e ${leftJoinVolunteerSql('e.volunteer_id')}
         ${joinOrganisationSql('o', 'e.organisation_id', 'LEFT JOIN')}
        WHERE e.need_id = ANY($1::uuid[])
        ORDER BY e.need_id, (e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress', 'completed')) DESC,
          e.created_at DESC`,
      [needIds],
    );
  }

  async findEngagement(manager: Queryable, engagementId: string): Promise<EngagementRow | undefined> {
    const row = await firstRow<EngagementRow>(
      manager,
      `SELECT ${ENGAGEMENT_COLUMNS} FROM engagements e ${leftJoinVolunteerSql('e.volunteer_id')}
         ${joinOrganisationSql('o', 'e.organisation_id', 'LEFT JOIN')}
        WHERE e.id = $1`,
      [engagementId],
    );
    return row;
  }

  /** The engagement's status changes, oldest first. */
  async findStatusHistory(engagementId: string): Promise<EngagementStatusChange[]> {
    return readStatusHistory<EngagementStatusChange>(
      this.dataSource,
      ENGAGEMENT_HISTORY_ENTITY,
      engagementId,
    );
  }

  /** The need of an engagement, undefined if there is no such engagement. */
  async findNeedIdOfEngagement(manager: Queryable, engagementId: string): Promise<string | undefined> {
    return firstValue<string>(manager, `SELECT need_id FROM engagements WHERE id = $1`, [engagementId]);
  }

  /** Who the parties of an engagement are; `lock` locks the engagement row (FOR UPDATE). */
  async findParty(
    manager: Queryable,
    engagementId: string,
    lock: boolean,
  ): Promise<EngagementParty | undefined> {
    const row = await firstRow<EngagementParty>(
      manager,
      `SELECT e.id, e.need_id AS "needId", e.status, e.helper_user_id AS "helperUserId",
              lower(e.during) AS "startsAt", upper(e.during) AS "endsAt",
              e.organisation_id AS "organisationId", n.comune_istat AS "comuneIstat",
              CASE WHEN n.source = 'citizen' THEN n.author_user_id END AS "authorUserId",
              b.user_id AS "beneficiaryUserId"
         FROM engagements e ${joinNeedSql('e.need_id')} ${joinBeneficiaryOfNeedSql()}
        WHERE e.id = $1 ${lock ? 'FOR UPDATE OF e' : ''}`,
      [engagementId],
    );
    return row;
  }

  async markConfirmed(manager: Queryable, engagementId: string): Promise<void> {
    await manager.query(`UPDATE engagements SET confirmed_at = now() WHERE id = $1`, [engagementId]);
  }

  async markStarted(manager: Queryable, engagementId: string): Promise<void> {
    await manager.query(`UPDATE engagements SET started_at = now() WHERE id = $1`, [engagementId]);
  }

  async markCompleted(manager: Queryable, engagementId: string, hoursLogged: number): Promise<void> {
    await manager.query(`UPDATE engagements SET hours_logged = $2, completed_at = now() WHERE id = $1`, [
      engagementId,
      hoursLogged,
    ]);
  }

  async updateStatus(manager: Queryable, engagementId: string, status: EngagementStatus): Promise<void> {
    await manager.query(`UPDATE engagements SET status = $2, updated_at = now() WHERE id = $1`, [
      engagementId,
      status,
    ]);
  }
}
