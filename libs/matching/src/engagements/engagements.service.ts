import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import {
  afterCursorCondition,
  CursorAt,
  cursorAtColumn,
  oneByKey,
  Page,
  PageArgs,
  RequestLoader,
  toPage,
} from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Engagement, EngagementStatusChange, OrganisationEngagementsArgs } from '../matching.types';
import { ENGAGEMENT_HISTORY_ENTITY } from '../need-for-matching';
import { organisationsOf } from '../proposals/proposal-rows';
import { EngagementParties } from './engagement-parties.service';
import { ENGAGEMENT_COLUMNS, EngagementRow, toEngagement } from './engagement-rows';

/** Engagements as their parties read them: the helper, the citizen, Comune staff of the territory. */
@Injectable()
export class EngagementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parties: EngagementParties,
    private readonly access: AccessService,
  ) {}

  /** Engagements where the caller is the helper or the citizen, newest first. */
  async myEngagements(user: AuthenticatedUser, args: PageArgs): Promise<Page<Engagement>> {
    const params: unknown[] = [user.userId];
    const conditions = [
      `(e.helper_user_id = $1 OR (n.source = 'citizen' AND n.author_user_id = $1) OR b.user_id = $1
        OR e.organisation_id IN ${organisationsOf('$1')})`,
    ];
    conditions.push(...afterCursorCondition(args.after, '(e.created_at, e.id)', 'DESC', params));
    params.push(args.first + 1);
    const rows: (EngagementRow & CursorAt)[] = await this.dataSource.query(
      `SELECT ${ENGAGEMENT_COLUMNS}, ${cursorAtColumn('e.created_at')} FROM engagements e JOIN needs n ON n.id = e.need_id
         LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
         LEFT JOIN volunteer_profiles v ON v.id = e.volunteer_id
         LEFT JOIN organisations o ON o.id = e.organisation_id
        WHERE ${conditions.join(' AND ')} ORDER BY e.created_at DESC, e.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.cursorAt, row.id]);
    return { items: page.items.map(toEngagement), pageInfo: page.pageInfo };
  }

  /** Members of an organisation: the engagements it took, newest first, optionally only some statuses. */
  async organisationEngagements(
    user: AuthenticatedUser,
    args: OrganisationEngagementsArgs,
  ): Promise<Page<Engagement>> {
    this.access.requireOrganisationRole(user, args.organisationId, [
      Role.ORGANISATION_ADMIN,
      Role.ORGANISATION_OPERATOR,
    ]);
    const params: unknown[] = [args.organisationId];
    const conditions = ['e.organisation_id = $1'];
    if (args.statuses?.length) {
      params.push(args.statuses);
      conditions.push(`e.status = ANY($${params.length})`);
    }
    conditions.push(...afterCursorCondition(args.after, '(e.created_at, e.id)', 'DESC', params));
    params.push(args.first + 1);
    const rows: (EngagementRow & CursorAt)[] = await this.dataSource.query(
      `SELECT ${ENGAGEMENT_COLUMNS}, ${cursorAtColumn('e.created_at')} FROM engagements e
         LEFT JOIN volunteer_profiles v ON v.id = e.volunteer_id
         LEFT JOIN organisations o ON o.id = e.organisation_id
        WHERE ${conditions.join(' AND ')} ORDER BY e.created_at DESC, e.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.cursorAt, row.id]);
    return { items: page.items.map(toEngagement), pageInfo: page.pageInfo };
  }

  /** The live (or completed) engagement of a need; the caller must already be allowed to see it. */
  /** The engagement that counts for a need (the confirmed or done one, else the latest), batched per request. */
  engagementOfNeed(needId: string, request: object): Promise<Engagement | null> {
    return this.engagementsOfNeeds.for(request).load(needId);
  }

  private readonly engagementsOfNeeds = new RequestLoader<string, Engagement | null>(async (needIds) => {
    const rows: EngagementRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (e.need_id) ${ENGAGEMENT_COLUMNS}
         FROM engagements e LEFT JOIN volunteer_profiles v ON v.id = e.volunteer_id
         LEFT JOIN organisations o ON o.id = e.organisation_id
        WHERE e.need_id = ANY($1::uuid[])
        ORDER BY e.need_id, (e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress', 'completed')) DESC,
          e.created_at DESC`,
      [needIds],
    );
    return oneByKey(needIds, rows, (row) => row.needId, null, toEngagement);
  });

  async engagement(user: AuthenticatedUser, engagementId: string): Promise<Engagement> {
    const manager = this.dataSource.manager;
    const party = await this.parties.engagementParty(manager, engagementId, false);
    await this.parties.requireParty(manager, user, party, ['helper', 'citizen', 'staff']);
    return this.engagementRow(manager, engagementId);
  }

  /** One engagement as the API shows it; the caller has checked who may see it. */
  private async engagementRow(manager: EntityManager, engagementId: string): Promise<Engagement> {
    const [row]: EngagementRow[] = await manager.query(
      `SELECT ${ENGAGEMENT_COLUMNS} FROM engagements e LEFT JOIN volunteer_profiles v ON v.id = e.volunteer_id
         LEFT JOIN organisations o ON o.id = e.organisation_id
        WHERE e.id = $1`,
      [engagementId],
    );
    return toEngagement(row);
  }

  async engagementHistory(user: AuthenticatedUser, engagementId: string): Promise<EngagementStatusChange[]> {
    await this.engagement(user, engagementId);
    return this.dataSource.query(
      `SELECT from_status AS "from", to_status AS "to", actor_user_id AS "actorUserId", reason, created_at AS "createdAt"
         FROM status_history WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
      [ENGAGEMENT_HISTORY_ENTITY, engagementId],
    );
  }
}
