import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  organisationsWorkedForArraySql,
  organisationsWorkedForSql,
  rolesOfActiveUsersSql,
} from '@prossimo/identity';
import { NeedNoticeRow, Recipient, recipientsSql } from '@prossimo/notifications';
import {
  CombinedStatement,
  CursorAt,
  decodeCursor,
  firstRow,
  firstValue,
  keysetPageSql,
  onlyRow,
  PageArgs,
  Queryable,
  queryPrepared,
  queryPreparedIn,
  statusHistoryIn,
} from '@prossimo/platform';
import { TransitionResult } from '@prossimo/requests';
import { joinTerritoryComuniSql } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { EngagementStatus } from '../engagements/engagement-rules';
import { ENGAGEMENT_COLUMNS, EngagementRow } from '../engagements/engagement-rows';
import { needNoticeSql } from '../engagements/engagement-notices.repository';
import { OrganisationProposalsArgs, ProposalStatus } from '../matching.types';
import {
  ENGAGEMENT_HISTORY_ENTITY,
  NeedForMatching,
  PROPOSAL_HISTORY_ENTITY,
} from '../needs/need-for-matching';
import { lockedNeedOfProposalSql } from '../needs/need-reads.repository';
import type { ProposalTarget } from './proposal-writer.service';
import { PROPOSAL_COLUMNS, PROPOSAL_SOURCES, ProposalRow } from './proposal-rows';
import { leftJoinVolunteerSql } from '@prossimo/community';
import { joinOrganisationSql, serviceOffersAs } from '@prossimo/directory';

/** A proposal as locked for an answer. */
export interface LockedProposal {
  id: string;
  needId: string;
  status: ProposalStatus;
  expiresAt: Date;
  serviceOfferId: string | null;
}

/** What an acceptance reads in its one locking statement: the need and the proposal, and more. */
export type AcceptanceRow = NeedForMatching & {
  proposalId: string;
  proposalStatus: ProposalStatus;
  expiresAt: Date;
  serviceOfferId: string | null;
  confirmationRequired: boolean;
  helperName: string;
  volunteerName: string | null;
  needNotice: NeedNoticeRow;
  citizens: Recipient[];
};

/** A new (or withdrawn and asked again) proposal, as proposeToHelper writes it. */
export interface NewProposal {
  needId: string;
  helperUserId: string;
  volunteerId: string | null;
  organisationId: string | null;
  serviceOfferId: string | null;
  rank: number;
  score: number;
  distanceKm: number;
  /** The score's breakdown, as JSON text. */
  breakdown: string;
  expiresAt: Date;
  assignedByUserId: string | null;
}

/** A proposal withdrawn by an acceptance, for telling its helper. */
export interface WithdrawnProposal {
  id: string;
  helperUserId: string;
}

/** What an acceptance's writing statement returns: the engagement, the need's transition, the withdrawn. */
export type AcceptedRow = EngagementRow & TransitionResult & { withdrawnProposals: WithdrawnProposal[] };

/** The parts of an acceptance's statement that the final SELECT reads. */
export interface AcceptanceParts {
  engagement: string;
  withdrawn: string;
}

/** The proposal is answered by its volunteer, or by any admin or operator of its organisation. */
const ANSWERABLE_BY_PARAM_2 = `(mp.helper_user_id = $2 OR mp.organisation_id IN ${organisationsWorkedForSql('$2')})`;

/**
 * The match_proposals table. Joins other libraries' rows through their owners' parts: organisations
 * and service offers (directory), volunteer profiles (community), the roles of active accounts
 * (identity) and the Comuni of territories (territory).
 */
@Injectable()
export class ProposalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The helper's own proposals (and their organisations'), newest first, a page plus one. Every
   * helper's home screen: prepared, so PostgreSQL does not plan it again on each request.
   */
  async findProposalsPageOfHelper(userId: string, args: PageArgs): Promise<(ProposalRow & CursorAt)[]> {
    const params: unknown[] = [userId];
    const conditions = [
      // An array, not IN (sub-select): each half of the OR uses its index (see the helper).
      `(mp.helper_user_id = $1 OR mp.organisation_id = ANY (${organisationsWorkedForArraySql('$1')}))`,
    ];
    const keyset = keysetPageSql({ at: 'mp.created_at', id: 'mp.id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    return queryPrepared<ProposalRow & CursorAt>(
      this.dataSource,
      `SELECT ${PROPOSAL_COLUMNS}, ${keyset.cursorColumn} FROM ${PROPOSAL_SOURCES}
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** The organisation's proposals, optionally of some statuses, newest first, a page plus one. */
  async findOrganisationProposalsPage(args: OrganisationProposalsArgs): Promise<(ProposalRow & CursorAt)[]> {
    const params: unknown[] = [args.organisationId];
    const conditions = ['mp.organisation_id = $1'];
    if (args.statuses?.length) {
      params.push(args.statuses);
      conditions.push(`mp.status = ANY($${params.length})`);
    }
    const keyset = keysetPageSql({ at: 'mp.created_at', id: 'mp.id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT ${PROPOSAL_COLUMNS}, ${keyset.cursorColumn} FROM ${PROPOSAL_SOURCES}
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** A need's proposals by rank, a page plus one (the cursor is rank and id). */
  async findNeedProposalsPage(needId: string, args: PageArgs): Promise<ProposalRow[]> {
    const params: unknown[] = [needId];
    const conditions = ['mp.need_id = $1'];
    const cursor = decodeCursor(args.after, 2);
    if (cursor) {
      params.push(Number(cursor[0]), cursor[1]);
      conditions.push(`(mp.rank, mp.id) > ($${params.length - 1}::int, $${params.length}::uuid)`);
    }
    params.push(args.first + 1);
    return this.dataSource.query(
      `SELECT ${PROPOSAL_COLUMNS} FROM ${PROPOSAL_SOURCES}
        WHERE ${conditions.join(' AND ')} ORDER BY mp.rank, mp.id LIMIT $${params.length}`,
      params,
    );
  }

  /** A proposal the user may answer (theirs or their organisation's). */
  async findAnswerableProposal(proposalId: string, userId: string): Promise<ProposalRow | undefined> {
    const row = await firstRow<ProposalRow>(
      this.dataSource,
      `SELECT ${PROPOSAL_COLUMNS} FROM ${PROPOSAL_SOURCES}
        WHERE mp.id = $1 AND ${ANSWERABLE_BY_PARAM_2}`,
      [proposalId, userId],
    );
    return row;
  }

  /** The need of a proposal the user may answer; undefined otherwise. */
  async findNeedIdOfAnswerableProposal(
    manager: Queryable,
    proposalId: string,
    helperUserId: string,
  ): Promise<string | undefined> {
    // The volunteer asked, or any admin or operator of the organisation asked.
    return firstValue<string>(
      manager,
      `SELECT need_id FROM match_proposals
        WHERE id = $1 AND (helper_user_id = $2 OR organisation_id IN ${organisationsWorkedForSql('$2')})`,
      [proposalId, helperUserId],
    );
  }

  /** Locks the proposal row (FOR UPDATE); its need is locked first by the caller. */
  async lockProposal(manager: Queryable, proposalId: string): Promise<LockedProposal> {
    const row = await onlyRow<LockedProposal>(
      manager,
      `SELECT id, need_id AS "needId", status, expires_at AS "expiresAt", service_offer_id AS "serviceOfferId"
         FROM match_proposals WHERE id = $1 FOR UPDATE`,
      [proposalId],
    );
    return row;
  }

  /**
   * One statement: the proposal's need locked first (FOR NO KEY UPDATE), then the proposal (FOR
   * UPDATE), with the territory's confirmation setting, the helper's names, the need's side of the
   * engagement notice and the citizens as recipients. Undefined: not a proposal the user may answer.
   */
  async lockForAcceptance(
    manager: Queryable,
    proposalId: string,
    helperUserId: string,
  ): Promise<AcceptanceRow | undefined> {
    // Prepared: planning this statement cost several times running it (bench/README.md, issue 18).
    const [row] = (await queryPreparedIn(
      manager,
      `WITH need AS MATERIALIZED (
         ${lockedNeedOfProposalSql(`mp.id = $1 AND ${ANSWERABLE_BY_PARAM_2}`)})
       SELECT need.*, mp.id AS "proposalId", mp.status AS "proposalStatus", mp.expires_at AS "expiresAt",
              mp.service_offer_id AS "serviceOfferId",
              (SELECT coalesce(bool_or(s.citizen_confirmation_required), false)
                 FROM territory_matching_settings s ${joinTerritoryComuniSql('tc', 's.territory_id')}
                WHERE tc.comune_istat = need."comuneIstat") AS "confirmationRequired",
              coalesce(o.name, v.display_name, '') AS "helperName", v.display_name AS "volunteerName",
              ${needNoticeSql('need.id')} AS "needNotice",
              ${recipientsSql(`ARRAY[CASE WHEN need.source = 'citizen' THEN need."authorUserId" END, need."beneficiaryUserId"]::uuid[]`)}
                AS citizens
         FROM need JOIN match_proposals mp ON mp.id = $1 AND mp.need_id = need.id
         ${leftJoinVolunteerSql('mp.volunteer_id')}
         ${joinOrganisationSql('o', 'mp.organisation_id', 'LEFT JOIN')}
          FOR UPDATE OF mp`,
      [proposalId, helperUserId],
    )) as AcceptanceRow[];
    return row;
  }

  /** A proposal as the API shows it (the caller checked who may see it). */
  async findProposal(manager: Queryable, proposalId: string): Promise<ProposalRow> {
    const row = await onlyRow<ProposalRow>(
      manager,
      `SELECT ${PROPOSAL_COLUMNS} FROM ${PROPOSAL_SOURCES} WHERE mp.id = $1`,
      [proposalId],
    );
    return row;
  }

  async findNeedIdOfProposal(manager: Queryable, proposalId: string): Promise<string | undefined> {
    return firstValue<string>(manager, `SELECT need_id FROM match_proposals WHERE id = $1`, [proposalId]);
  }

  /** The need's proposals: pending ones, and all of them (the next rank follows the total). */
  async countProposalsOfNeed(
    manager: Queryable,
    needId: string,
  ): Promise<{ pending: number; total: number }> {
    const counts = await onlyRow<{ pending: number; total: number }>(
      manager,
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*)::int AS total
         FROM match_proposals WHERE need_id = $1`,
      [needId],
    );
    return counts;
  }

  /** Every proposal of the need, whatever its status. */
  async countAllProposalsOfNeed(manager: Queryable, needId: string): Promise<number> {
    const [{ total }]: { total: number }[] = await manager.query(
      `SELECT count(*)::int AS total FROM match_proposals WHERE need_id = $1`,
      [needId],
    );
    return total;
  }

  /** Pending proposals of the need whose time is over become expired; their ids. */
  async expireOverdueProposals(manager: Queryable, needId: string): Promise<{ id: string }[]> {
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE match_proposals SET status = 'expired', decided_at = now()
        WHERE need_id = $1 AND status = 'pending' AND expires_at <= now() RETURNING id`,
      [needId],
    );
    return rows;
  }

  /** The helpers of the need's pending proposals, as proposal targets. */
  async findPendingTargetsOfNeed(manager: Queryable, needId: string): Promise<ProposalTarget[]> {
    return manager.query(
      `SELECT helper_user_id AS "userId", volunteer_id AS "volunteerId", organisation_id AS "organisationId",
              service_offer_id AS "serviceOfferId", distance_km AS "distanceKm", breakdown AS score
         FROM match_proposals WHERE need_id = $1 AND status = 'pending'`,
      [needId],
    );
  }

  /** Whether the helper has answered (or let expire) a proposal for the need. */
  async hasAnswered(manager: Queryable, needId: string, helperUserId: string): Promise<boolean> {
    const answered = await firstRow<unknown>(
      manager,
      `SELECT 1 FROM match_proposals WHERE need_id = $1 AND helper_user_id = $2
            AND status NOT IN ('pending', 'withdrawn')`,
      [needId, helperUserId],
    );
    return answered !== undefined;
  }

  async findPendingProposalsOfNeed(
    manager: Queryable,
    needId: string,
  ): Promise<{ id: string; helperUserId: string }[]> {
    return manager.query(
      `SELECT id, helper_user_id AS "helperUserId" FROM match_proposals WHERE need_id = $1 AND status = 'pending'`,
      [needId],
    );
  }

  /** Withdraws the proposal if it is still pending. */
  async withdrawIfPending(manager: Queryable, proposalId: string): Promise<void> {
    await manager.query(
      `UPDATE match_proposals SET status = 'withdrawn', decided_at = now() WHERE id = $1 AND status = 'pending'`,
      [proposalId],
    );
  }

  /**
   * Adds to the acceptance's one writing statement the parts for matching's tables: the helper's
   * booking lock, the proposal accepted, the engagement, the need off the unmatched list, the
   * other pending proposals withdrawn and the status history. The caller adds the other
   * libraries' parts, then runs it with runAcceptance.
   */
  acceptIn(
    statement: CombinedStatement,
    acceptance: {
      needId: string;
      proposalId: string;
      helperUserId: string;
      engagementId: string;
      status: EngagementStatus;
      slot: { start: Date; end: Date };
    },
  ): AcceptanceParts {
    const { proposalId, helperUserId, engagementId, status, slot } = acceptance;
    const value = (v: unknown, type: string) => statement.param(v, type);
    const needId = value(acceptance.needId, 'uuid');
    const proposalRef = value(proposalId, 'uuid');
    const helper = value(helperUserId, 'uuid');
    const engagementStatus = value(status, 'text');
    const proposalEntity = value(PROPOSAL_HISTORY_ENTITY, 'text');
    // One booking at a time per helper: two concurrent inserts checking the exclusion constraint
    // against each other's uncommitted rows would deadlock. The advisory lock is taken after the
    // need lock, always, and before the engagement row is built (the INSERT reads its row).
    const helperLock = statement.with(
      'helper_lock',
      `SELECT pg_advisory_xact_lock(hashtextextended('engagement-helper:' || ${value(helperUserId, 'text')}, 0))`,
    );
    const accepted = statement.with(
      'accepted',
      `UPDATE match_proposals SET status = 'accepted', decided_at = now() WHERE id = ${proposalRef}
       RETURNING volunteer_id, organisation_id, service_offer_id`,
    );
    const engagement = statement.with(
      'engagement',
      `INSERT INTO engagements (id, need_id, proposal_id, helper_user_id, volunteer_id, organisation_id,
                               service_offer_id, during, status, confirmed_at)
       SELECT ${value(engagementId, 'uuid')}, ${needId}, ${proposalRef}, ${helper}, a.volunteer_id, a.organisation_id,
              a.service_offer_id, tstzrange(${value(slot.start, 'timestamptz')}, ${value(slot.end, 'timestamptz')}, '[)'),
              ${engagementStatus}, CASE WHEN ${engagementStatus} = 'confirmed' THEN now() END
         FROM ${accepted} a CROSS JOIN ${helperLock}
       RETURNING *`,
    );
    // The need is no longer unmatched; its other pending proposals are withdrawn.
    statement.with(
      'matched',
      `UPDATE need_match_states SET unmatched_reason = NULL, unmatched_at = NULL, updated_at = now()
        WHERE need_id = ${needId}`,
    );
    const withdrawn = statement.with(
      'withdrawn',
      `UPDATE match_proposals SET status = 'withdrawn', decided_at = now()
        WHERE need_id = ${needId} AND status = 'pending' AND id <> ${proposalRef}
       RETURNING id, helper_user_id`,
    );
    statusHistoryIn(
      statement,
      'proposal_history',
      `SELECT ${proposalEntity}, ${proposalRef}, 'pending', 'accepted', ${helper}, NULL
        UNION ALL
       SELECT ${value(ENGAGEMENT_HISTORY_ENTITY, 'text')}, e.id, NULL, ${engagementStatus}, ${helper}, 'proposal accepted'
         FROM ${engagement} e
        UNION ALL
       SELECT ${proposalEntity}, w.id, 'pending', 'withdrawn', NULL, 'another helper accepted first' FROM ${withdrawn} w`,
    );
    return { engagement, withdrawn };
  }

  /** Runs the acceptance's statement; its one row (a refused write throws the database's error). */
  async runAcceptance(
    manager: Queryable,
    statement: CombinedStatement,
    parts: AcceptanceParts,
    transitionResult: string,
  ): Promise<AcceptedRow> {
    const [row] = await statement.runPrepared<AcceptedRow>(
      manager,
      `SELECT ${ENGAGEMENT_COLUMNS}, ${transitionResult},
                (SELECT coalesce(json_agg(json_build_object('id', w.id, 'helperUserId', w.helper_user_id)), '[]')
                   FROM ${parts.withdrawn} w) AS "withdrawnProposals"
           FROM ${parts.engagement} e ${leftJoinVolunteerSql('e.volunteer_id')}
           ${joinOrganisationSql('o', 'e.organisation_id', 'LEFT JOIN')}`,
    );
    return row;
  }

  async markDeclined(manager: Queryable, proposalId: string): Promise<void> {
    await manager.query(`UPDATE match_proposals SET status = 'declined', decided_at = now() WHERE id = $1`, [
      proposalId,
    ]);
  }

  /** Inserts a pending proposal, or asks again a helper whose proposal was withdrawn (askedAgain). */
  async insertProposal(
    manager: Queryable,
    proposal: NewProposal,
  ): Promise<{ id: string; askedAgain: boolean }> {
    // xmax is set only on the ON CONFLICT update: a withdrawn proposal asked again.
    const row = await onlyRow<{ id: string; askedAgain: boolean }>(
      manager,
      `INSERT INTO match_proposals (need_id, helper_user_id, volunteer_id, organisation_id, service_offer_id, rank,
                                    score, distance_km, breakdown, status, expires_at, assigned_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10, $11)
       ON CONFLICT (need_id, helper_user_id) DO UPDATE SET rank = excluded.rank, score = excluded.score,
         distance_km = excluded.distance_km, breakdown = excluded.breakdown, status = 'pending',
         expires_at = excluded.expires_at, decided_at = NULL, created_at = now(),
         assigned_by_user_id = excluded.assigned_by_user_id
         WHERE match_proposals.status = 'withdrawn'
       RETURNING id, (xmax::text <> '0') AS "askedAgain"`,
      [
        proposal.needId,
        proposal.helperUserId,
        proposal.volunteerId,
        proposal.organisationId,
        proposal.serviceOfferId,
        proposal.rank,
        proposal.score,
        proposal.distanceKm,
        proposal.breakdown,
        proposal.expiresAt,
        proposal.assignedByUserId,
      ],
    );
    return row;
  }

  /**
   * The organisation's other active admins (identity's part), except the citizens and anyone they
   * blocked.
   */
  async findOtherOrganisationAdmins(
    manager: Queryable,
    organisationId: string,
    contactUserId: string,
    citizenUserIds: string[],
  ): Promise<string[]> {
    const admins: { user_id: string }[] = await manager.query(
      `SELECT DISTINCT ur.user_id FROM ${rolesOfActiveUsersSql('ur')}
        WHERE ur.organisation_id = $1 AND ur.role = 'organisation_admin' AND ur.user_id <> $2
          AND ur.user_id <> ALL($3::uuid[])
          AND NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.blocked_user_id = ur.user_id
                AND ub.blocker_user_id = ANY($3::uuid[]))
        ORDER BY ur.user_id`,
      [organisationId, contactUserId, citizenUserIds],
    );
    return admins.map((admin) => admin.user_id);
  }

  /** The service offer (directory's, through its part) locked FOR UPDATE: its acceptances serialised. */
  async lockServiceOffer(
    manager: Queryable,
    serviceOfferId: string,
  ): Promise<{ capacity: number | null; status: string } | undefined> {
    const offer = await firstRow<{ capacity: number | null; status: string }>(
      manager,
      `SELECT so.capacity, so.status FROM ${serviceOffersAs('so')} WHERE so.id = $1 FOR UPDATE`,
      [serviceOfferId],
    );
    return offer;
  }

  /** Live engagements of the offer overlapping the slot. */
  async countLiveEngagementsOfOffer(
    manager: Queryable,
    serviceOfferId: string,
    slot: { start: Date; end: Date },
  ): Promise<number> {
    const [{ busy }]: { busy: number }[] = await manager.query(
      `SELECT count(*)::int AS busy FROM engagements WHERE service_offer_id = $1
          AND status IN ('awaiting_confirmation', 'confirmed', 'in_progress') AND during && tstzrange($2, $3, '[)')`,
      [serviceOfferId, slot.start, slot.end],
    );
    return busy;
  }
}
