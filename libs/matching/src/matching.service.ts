import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES, Role } from '@prossimo/identity';
import {
  NeedNoticeRow,
  needNoticeSql,
  noticeOf,
  NotificationsService,
  Recipient,
  recipientsSql,
} from '@prossimo/notifications';
import {
  afterCursorCondition,
  APP_CONFIG,
  AppConfig,
  CombinedStatement,
  CursorAt,
  cursorAtColumn,
  decodeCursor,
  DomainError,
  JOBS,
  Language,
  oneByKey,
  outboxJob,
  Page,
  PageArgs,
  queryPrepared,
  recordStatusChange,
  renderMessage,
  RequestContext,
  RequestLoader,
  toPage,
  writeAudit,
  writeOutbox,
} from '@prossimo/platform';
import { ReviewRequestService, ReviewService } from '@prossimo/reputation';
import { NeedLifecycleService, NeedStatus, TransitionResult, transitionDone } from '@prossimo/requests';
import { isUUID } from 'class-validator';
import { firstTerritoryOf } from '@prossimo/territory';
import { DataSource, EntityManager } from 'typeorm';
import {
  canEngagementTransition,
  earliestStart,
  EngagementStatus,
  maxLoggedHours,
} from './engagements/engagement-rules';
import { widenedLimitKm } from './candidates/radius-steps';
import { matchableOf, rankedCandidates, scoringConfigOf } from './matching-engine.service';
import {
  AssignHelperInput,
  BlockHelperInput,
  CandidateKind,
  CompleteEngagementInput,
  Engagement,
  EngagementActionInput,
  EngagementStatusChange,
  MatchProposal,
  NeedCandidatesArgs,
  ProposalStatus,
  RankedCandidate,
  RateEngagementInput,
  SetTerritoryMatchingSettingsInput,
  TerritoryMatchingSettings,
  UnmatchedNeed,
  UnmatchedNeedsArgs,
  UnmatchedReason,
} from './matching.types';
import {
  citizenUserIds,
  ENGAGEMENT_HISTORY_ENTITY,
  formatWhen,
  loadNeedForMatching,
  lockedNeedOfProposalSql,
  NeedForMatching,
  PROPOSAL_HISTORY_ENTITY,
  slotOf,
  whenOf,
} from './need-for-matching';
import { ProposalWriter } from './proposals/proposal-writer.service';
import { CandidateScore } from './scoring/score';

const ORGANISATION_ROLES = [Role.ORGANISATION_ADMIN, Role.ORGANISATION_OPERATOR] as const;
/** The organisations where a user answers proposals (as SQL, the user id being the parameter given). */
const organisationsOf = (userParam: string) =>
  `(SELECT organisation_id FROM user_roles WHERE user_id = ${userParam}
     AND role IN ('organisation_admin', 'organisation_operator') AND organisation_id IS NOT NULL)`;

interface ProposalRow {
  id: string;
  needId: string;
  helperUserId: string;
  helperName: string;
  organisationId: string | null;
  assignedByUserId: string | null;
  status: ProposalStatus;
  rank: number;
  score: number;
  distanceKm: number;
  breakdown: CandidateScore;
  expiresAt: Date;
  decidedAt: Date | null;
  createdAt: Date;
}

interface WithdrawnProposal {
  id: string;
  helperUserId: string;
}

interface EngagementRow {
  id: string;
  needId: string;
  helperUserId: string;
  helperName: string;
  organisationId: string | null;
  status: EngagementStatus;
  startsAt: Date;
  endsAt: Date;
  hoursLogged: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
}

const PROPOSAL_COLUMNS = `mp.id, mp.need_id AS "needId", mp.helper_user_id AS "helperUserId",
  coalesce(v.display_name, o.name, '') AS "helperName", mp.organisation_id AS "organisationId",
  mp.assigned_by_user_id AS "assignedByUserId", mp.status, mp.rank, mp.score, mp.distance_km AS "distanceKm", mp.breakdown,
  mp.expires_at AS "expiresAt", mp.decided_at AS "decidedAt", mp.created_at AS "createdAt"`;

const ENGAGEMENT_COLUMNS = `e.id, e.need_id AS "needId", e.helper_user_id AS "helperUserId",
  coalesce(o.name, v.display_name, '') AS "helperName", e.organisation_id AS "organisationId", e.status, lower(e.during) AS "startsAt", upper(e.during) AS "endsAt",
  e.hours_logged AS "hoursLogged", e.started_at AS "startedAt", e.completed_at AS "completedAt",
  e.created_at AS "createdAt"`;

const PROPOSAL_SOURCES = `match_proposals mp LEFT JOIN volunteer_profiles v ON v.id = mp.volunteer_id
  LEFT JOIN organisations o ON o.id = mp.organisation_id`;

/** Postgres: exclusion constraint violated (the helper is already booked then). */
const EXCLUSION_VIOLATION = '23P01';
const UNIQUE_VIOLATION = '23505';

function pgCode(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: string }; code?: string }) ?? {};
  return driverError.driverError?.code ?? driverError.code;
}

/**
 * The API side of matching: helpers answer proposals (the first to accept wins, atomically),
 * engagements move through their lifecycle, citizens and Comune staff read what concerns them.
 */
@Injectable()
export class MatchingService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly lifecycle: NeedLifecycleService,
    private readonly notifications: NotificationsService,
    private readonly proposals: ProposalWriter,
    private readonly reviews: ReviewService,
    private readonly reviewRequests: ReviewRequestService,
  ) {}

  // ----- proposals -----

  async acceptProposal(user: AuthenticatedUser, proposalId: string): Promise<Engagement> {
    // The acceptance proved the caller is the helper (or answers for the organisation).
    return this.dataSource.transaction((manager) => this.accept(manager, proposalId, user.userId));
  }

  /** Accepts in the caller's transaction (an SMS "SI" reply); see accept(). */
  async acceptInTransaction(
    manager: EntityManager,
    proposalId: string,
    helperUserId: string,
  ): Promise<string> {
    return (await this.accept(manager, proposalId, helperUserId)).id;
  }

  /**
   * Accepts in the caller's transaction (the API, or an SMS "SI" reply). The need row is locked
   * first, so concurrent acceptances queue up: the first creates the engagement and withdraws the
   * others, which then find their proposal no longer pending. The unique index on live engagements
   * per need and the exclusion constraint on the helper's time stand behind the lock.
   *
   * Two statements inside the transaction: one reads (and locks) everything the checks and the
   * messages need, one writes everything: the engagement, the proposals, the need's new status,
   * the status history, the reminders, the messages to the citizens and their family contact
   * (bench:api counts them; test/e2e/statement-counts.e2e-spec.ts holds the line). An offer's
   * capacity, and a helper whose proposal was withdrawn, cost a few more.
   */
  private async accept(
    manager: EntityManager,
    proposalId: string,
    helperUserId: string,
  ): Promise<Engagement> {
    const { proposal, need, confirmationRequired, helperName, volunteerName, needNotice, citizens } =
      await this.lockForAcceptance(manager, proposalId, helperUserId);
    if (proposal.status !== ProposalStatus.PENDING) {
      throw new DomainError('PROPOSAL_NOT_PENDING', {
        field: 'proposalId',
        params: { status: proposal.status },
      });
    }
    if (proposal.expiresAt.getTime() <= Date.now()) {
      throw new DomainError('PROPOSAL_EXPIRED', { field: 'proposalId' });
    }
    if (need.status !== NeedStatus.OPEN)
      throw new DomainError('NEED_ALREADY_MATCHED', { field: 'proposalId' });
    const slot = slotOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES);
    if (!slot) throw new DomainError('NEED_ALREADY_MATCHED', { field: 'proposalId' });
    if (proposal.serviceOfferId) await this.requireCapacity(manager, proposal.serviceOfferId, slot);

    // Where the territory asks for it, the engagement waits for the citizen's confirmation.
    const status = confirmationRequired ? EngagementStatus.AWAITING_CONFIRMATION : EngagementStatus.CONFIRMED;
    // Drawn here, so that the messages and the reminders' jobs can name it in the same statement.
    const engagementId = randomUUID();
    const statement = new CombinedStatement();
    const value = (v: unknown, type: string) => statement.param(v, type);
    const needId = value(need.id, 'uuid');
    const proposalRef = value(proposal.id, 'uuid');
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
    statement.with(
      'proposal_history',
      `INSERT INTO status_history (entity_type, entity_id, from_status, to_status, actor_user_id, reason)
       SELECT ${proposalEntity}, ${proposalRef}, 'pending', 'accepted', ${helper}, NULL
        UNION ALL
       SELECT ${value(ENGAGEMENT_HISTORY_ENTITY, 'text')}, e.id, NULL, ${engagementStatus}, ${helper}, 'proposal accepted'
         FROM ${engagement} e
        UNION ALL
       SELECT ${proposalEntity}, w.id, 'pending', 'withdrawn', NULL, 'another helper accepted first' FROM ${withdrawn} w`,
    );
    const transition = this.lifecycle.transitionIn(
      statement,
      need.id,
      NeedStatus.MATCHED,
      helperUserId,
      'proposal accepted',
    );
    // Reminders before it starts, as delayed jobs through the outbox, and the family contact told.
    const notice = noticeOf(
      { id: engagementId, status, startsAt: slot.start, helperUserId, helperName: volunteerName ?? '' },
      needNotice,
    );
    this.notifications.engagementCreatedIn(statement, notice, citizens);
    const when = whenOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES);
    for (const citizen of citizenUserIds(need)) {
      this.notifications.notifyUserIn(
        statement,
        citizens.find((recipient) => recipient.user_id === citizen),
        {
          userId: citizen,
          event: status === EngagementStatus.CONFIRMED ? 'need_matched' : 'engagement_confirmation_request',
          params: { helper: helperName, summary: need.description, when, contact: notice.contact },
          ref: `engagement:${engagementId}`,
        },
      );
    }
    let row: EngagementRow & TransitionResult & { withdrawnProposals: WithdrawnProposal[] };
    try {
      [row] = await statement.run(
        manager,
        `SELECT ${ENGAGEMENT_COLUMNS}, ${transition.result},
                (SELECT coalesce(json_agg(json_build_object('id', w.id, 'helperUserId', w.helper_user_id)), '[]')
                   FROM ${withdrawn} w) AS "withdrawnProposals"
           FROM ${engagement} e LEFT JOIN volunteer_profiles v ON v.id = e.volunteer_id
           LEFT JOIN organisations o ON o.id = e.organisation_id`,
      );
    } catch (error) {
      if (pgCode(error) === EXCLUSION_VIOLATION) {
        throw new DomainError('ENGAGEMENT_OVERLAP', { field: 'proposalId' });
      }
      if (pgCode(error) === UNIQUE_VIOLATION)
        throw new DomainError('NEED_ALREADY_MATCHED', { field: 'proposalId' });
      throw error;
    }
    transitionDone(need.id, NeedStatus.MATCHED, row);
    // Rare (each need usually has one live proposal at a time): the other helpers are told.
    for (const other of row.withdrawnProposals) {
      await this.notifications.notifyUser(manager, {
        userId: other.helperUserId,
        event: 'proposal_withdrawn',
        params: { summary: need.description, when },
        ref: `proposal:${other.id}`,
      });
    }
    return toEngagement(row);
  }

  /** The citizen (or Comune staff of the territory) confirms the helper who accepted. */
  async confirmEngagement(user: AuthenticatedUser, input: EngagementActionInput): Promise<Engagement> {
    await this.dataSource.transaction(async (manager) => {
      const party = await this.engagementParty(manager, input.engagementId, true);
      const role = await this.requireParty(manager, user, party, ['citizen', 'staff']);
      requireAwaiting(party);
      await this.move(manager, party, EngagementStatus.CONFIRMED, user.userId, input.reason ?? 'confirmed');
      await manager.query(`UPDATE engagements SET confirmed_at = now() WHERE id = $1`, [party.id]);
      const need = (await loadNeedForMatching(manager, party.needId)) as NeedForMatching;
      await this.notifications.notifyUser(manager, {
        userId: party.helperUserId,
        event: 'engagement_confirmed',
        params: {
          summary: need.description,
          when: whenOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES),
          place: need.comuneName,
        },
        ref: `engagement:${party.id}`,
      });
      if (role === 'staff') await this.auditStaff(manager, user, party, 'engagement.confirmed_by_staff');
    });
    return this.engagement(user, input.engagementId);
  }

  /**
   * The citizen (or Comune staff) declines the helper who accepted: the engagement is cancelled
   * and the need goes back to matching (that helper is not asked again for it).
   */
  async declineEngagement(user: AuthenticatedUser, input: EngagementActionInput): Promise<Engagement> {
    await this.dataSource.transaction(async (manager) => {
      const party = await this.engagementParty(manager, input.engagementId, true);
      const role = await this.requireParty(manager, user, party, ['citizen', 'staff']);
      requireAwaiting(party);
      await this.move(
        manager,
        party,
        EngagementStatus.CANCELLED,
        user.userId,
        input.reason ?? 'declined by the citizen',
      );
      const need = (await loadNeedForMatching(manager, party.needId)) as NeedForMatching;
      await this.notifications.notifyUser(manager, {
        userId: party.helperUserId,
        event: 'engagement_declined',
        params: {
          summary: need.description,
          when: whenOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES),
        },
        ref: `engagement:${party.id}`,
      });
      await this.reopen(manager, party.needId, user.userId, 'helper declined at confirmation');
      if (role === 'staff') await this.auditStaff(manager, user, party, 'engagement.declined_by_staff');
    });
    return this.engagement(user, input.engagementId);
  }

  async declineProposal(user: AuthenticatedUser, proposalId: string): Promise<MatchProposal> {
    await this.dataSource.transaction((manager) =>
      this.declineInTransaction(manager, proposalId, user.userId),
    );
    return this.proposal(user, proposalId);
  }

  async declineInTransaction(
    manager: EntityManager,
    proposalId: string,
    helperUserId: string,
  ): Promise<void> {
    const proposal = await this.lockProposal(manager, proposalId, helperUserId);
    if (proposal.status !== ProposalStatus.PENDING) {
      throw new DomainError('PROPOSAL_NOT_PENDING', {
        field: 'proposalId',
        params: { status: proposal.status },
      });
    }
    await manager.query(`UPDATE match_proposals SET status = 'declined', decided_at = now() WHERE id = $1`, [
      proposal.id,
    ]);
    await recordStatusChange(manager, {
      entityType: PROPOSAL_HISTORY_ENTITY,
      entityId: proposal.id,
      from: ProposalStatus.PENDING,
      to: ProposalStatus.DECLINED,
      actorUserId: helperUserId,
      reason: null,
    });
    // The next candidate is asked by the worker, after this commits.
    await writeOutbox(manager, outboxJob(JOBS.matchNeed, { needId: proposal.needId }));
  }

  /** The helper's own proposals, newest first. */
  async myProposals(user: AuthenticatedUser, args: PageArgs): Promise<Page<MatchProposal>> {
    const params: unknown[] = [user.userId];
    const conditions = [`(mp.helper_user_id = $1 OR mp.organisation_id IN ${organisationsOf('$1')})`];
    conditions.push(...afterCursorCondition(args.after, '(mp.created_at, mp.id)', 'DESC', params));
    params.push(args.first + 1);
    // Every helper's home screen: prepared, so PostgreSQL does not plan it again on each request.
    const rows = await queryPrepared<ProposalRow & CursorAt>(
      this.dataSource,
      `SELECT ${PROPOSAL_COLUMNS}, ${cursorAtColumn('mp.created_at')} FROM ${PROPOSAL_SOURCES}
        WHERE ${conditions.join(' AND ')} ORDER BY mp.created_at DESC, mp.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.cursorAt, row.id]);
    return { items: page.items.map(toProposal), pageInfo: page.pageInfo };
  }

  /** Comune staff of the need's territory: the ranked proposals with "why this helper". */
  async needProposals(user: AuthenticatedUser, needId: string, args: PageArgs): Promise<Page<MatchProposal>> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const need = await this.findNeed(this.dataSource.manager, needId, 'needId');
    await this.access.requireComuneRole(user, need.comuneIstat, COMUNE_STAFF_ROLES, this.dataSource.manager);
    const params: unknown[] = [needId];
    const conditions = ['mp.need_id = $1'];
    const cursor = decodeCursor(args.after, 2);
    if (cursor) {
      params.push(Number(cursor[0]), cursor[1]);
      conditions.push(`(mp.rank, mp.id) > ($${params.length - 1}::int, $${params.length}::uuid)`);
    }
    params.push(args.first + 1);
    const rows: ProposalRow[] = await this.dataSource.query(
      `SELECT ${PROPOSAL_COLUMNS} FROM ${PROPOSAL_SOURCES}
        WHERE ${conditions.join(' AND ')} ORDER BY mp.rank, mp.id LIMIT $${params.length}`,
      params,
    );
    return toPage(rows.map(toProposal), args.first, (p) => [p.rank, p.id]);
  }

  async proposal(user: AuthenticatedUser, proposalId: string): Promise<MatchProposal> {
    if (!isUUID(proposalId)) throw new DomainError('PROPOSAL_NOT_FOUND', { field: 'proposalId' });
    const [row]: ProposalRow[] = await this.dataSource.query(
      `SELECT ${PROPOSAL_COLUMNS} FROM ${PROPOSAL_SOURCES}
        WHERE mp.id = $1 AND (mp.helper_user_id = $2 OR mp.organisation_id IN ${organisationsOf('$2')})`,
      [proposalId, user.userId],
    );
    if (!row) throw new DomainError('PROPOSAL_NOT_FOUND', { field: 'proposalId' });
    return toProposal(row);
  }

  // ----- unmatched needs -----

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

  // ----- engagements -----

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
    const party = await this.engagementParty(manager, engagementId, false);
    await this.requireParty(manager, user, party, ['helper', 'citizen', 'staff']);
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

  /**
   * The helper starts, from ENGAGEMENT_START_LEAD_MINUTES before the slot: the engagement and the
   * need go in progress.
   */
  async startEngagement(user: AuthenticatedUser, input: EngagementActionInput): Promise<Engagement> {
    await this.dataSource.transaction(async (manager) => {
      const party = await this.engagementParty(manager, input.engagementId, true);
      await this.requireParty(manager, user, party, ['helper']);
      const earliest = earliestStart(party.startsAt, this.config.ENGAGEMENT_START_LEAD_MINUTES);
      if (party.status === EngagementStatus.CONFIRMED && Date.now() < earliest.getTime()) {
        throw new DomainError('ENGAGEMENT_TOO_EARLY', {
          field: 'engagementId',
          params: { from: formatWhen(earliest) },
        });
      }
      await this.move(manager, party, EngagementStatus.IN_PROGRESS, user.userId, input.reason ?? null);
      await manager.query(`UPDATE engagements SET started_at = now() WHERE id = $1`, [party.id]);
      await this.lifecycle.transition(
        manager,
        party.needId,
        NeedStatus.IN_PROGRESS,
        user.userId,
        'helper started',
      );
    });
    return this.engagement(user, input.engagementId);
  }

  /**
   * The helper finishes (once started: the transition rules allow completion only from in progress)
   * and logs the hours given, at most the slot's length plus ENGAGEMENT_HOURS_MARGIN_MINUTES.
   */
  async completeEngagement(user: AuthenticatedUser, input: CompleteEngagementInput): Promise<Engagement> {
    await this.dataSource.transaction(async (manager) => {
      const party = await this.engagementParty(manager, input.engagementId, true);
      await this.requireParty(manager, user, party, ['helper']);
      const maxHours = maxLoggedHours(
        { start: party.startsAt, end: party.endsAt },
        this.config.ENGAGEMENT_HOURS_MARGIN_MINUTES,
      );
      if (party.status === EngagementStatus.IN_PROGRESS && input.hoursLogged > maxHours) {
        throw new DomainError('HOURS_LOGGED_TOO_MANY', {
          field: 'hoursLogged',
          params: { max: String(maxHours) },
        });
      }
      await manager.query(`UPDATE engagements SET hours_logged = $2, completed_at = now() WHERE id = $1`, [
        party.id,
        input.hoursLogged,
      ]);
      await this.move(manager, party, EngagementStatus.COMPLETED, user.userId, `${input.hoursLogged} hours`);
      await this.lifecycle.transition(
        manager,
        party.needId,
        NeedStatus.COMPLETED,
        user.userId,
        'helper completed',
      );
      await this.reviewRequests.requestReviews(manager, party.id);
    });
    return this.engagement(user, input.engagementId);
  }

  /**
   * The helper, the citizen or Comune staff cancel. Before it started the need goes back on the
   * market (and matching tries again); once started the need is cancelled with it.
   */
  async cancelEngagement(user: AuthenticatedUser, input: EngagementActionInput): Promise<Engagement> {
    await this.dataSource.transaction(async (manager) => {
      const party = await this.engagementParty(manager, input.engagementId, true);
      const role = await this.requireParty(manager, user, party, ['helper', 'citizen', 'staff']);
      const before = party.status;
      await this.move(manager, party, EngagementStatus.CANCELLED, user.userId, input.reason ?? null);
      if (before === EngagementStatus.CONFIRMED || before === EngagementStatus.AWAITING_CONFIRMATION) {
        await this.reopen(manager, party.needId, user.userId, 'engagement cancelled');
      } else {
        await this.lifecycle.transition(
          manager,
          party.needId,
          NeedStatus.CANCELLED,
          user.userId,
          'engagement cancelled',
        );
      }
      if (role === 'staff') await this.auditStaff(manager, user, party, 'engagement.cancelled_by_staff');
    });
    return this.engagement(user, input.engagementId);
  }

  /** The citizen or Comune staff report that the helper did not come: the need is matched again. */
  async reportNoShow(user: AuthenticatedUser, input: EngagementActionInput): Promise<Engagement> {
    await this.dataSource.transaction(async (manager) => {
      const party = await this.engagementParty(manager, input.engagementId, true);
      const role = await this.requireParty(manager, user, party, ['citizen', 'staff']);
      await this.move(manager, party, EngagementStatus.NO_SHOW, user.userId, input.reason ?? null);
      await this.reopen(manager, party.needId, user.userId, 'helper did not show up');
      if (role === 'staff') await this.auditStaff(manager, user, party, 'engagement.no_show_by_staff');
    });
    return this.engagement(user, input.engagementId);
  }

  /**
   * Deprecated: the citizen's single-star rating, kept for older clients. It writes the citizen's
   * review of the helper with the same stars on each criterion (see writeReview).
   */
  async rateEngagement(user: AuthenticatedUser, input: RateEngagementInput): Promise<Engagement> {
    const manager = this.dataSource.manager;
    await this.requireParty(manager, user, await this.engagementParty(manager, input.engagementId, false), [
      'citizen',
    ]);
    await this.reviews.writeReview(user, {
      engagementId: input.engagementId,
      punctuality: input.stars,
      respect: input.stars,
      helpQuality: input.stars,
    });
    return this.engagement(user, input.engagementId);
  }

  /** A citizen blocks a helper: matching never proposes them for the citizen's needs again. */
  async blockHelper(user: AuthenticatedUser, input: BlockHelperInput): Promise<boolean> {
    if (input.helperUserId === user.userId) throw new DomainError('BLOCK_SELF', { field: 'helperUserId' });
    await this.dataSource.transaction(async (manager) => {
      const [exists]: unknown[] = await manager.query(`SELECT 1 FROM users WHERE id = $1`, [
        input.helperUserId,
      ]);
      if (!exists) throw new DomainError('USER_NOT_FOUND', { field: 'helperUserId' });
      await manager.query(
        `INSERT INTO user_blocks (blocker_user_id, blocked_user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [user.userId, input.helperUserId],
      );
    });
    return true;
  }

  async unblockHelper(user: AuthenticatedUser, input: BlockHelperInput): Promise<boolean> {
    await this.dataSource.query(
      `DELETE FROM user_blocks WHERE blocker_user_id = $1 AND blocked_user_id = $2`,
      [user.userId, input.helperUserId],
    );
    return true;
  }

  // ----- operators: ranked candidates, assignment by hand, territory settings -----

  /**
   * Comune staff of the need's territory: everyone who meets the need's hard constraints now
   * (within the widest search radius), ranked with "why this helper". Helpers already asked are
   * not repeated; their proposals are in needProposals.
   */
  async needCandidates(user: AuthenticatedUser, args: NeedCandidatesArgs): Promise<RankedCandidate[]> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const manager = this.dataSource.manager;
    const found = await this.findNeed(manager, args.needId, 'needId');
    await this.access.requireComuneRole(user, found.comuneIstat, COMUNE_STAFF_ROLES, manager);
    const need = (await loadNeedForMatching(manager, args.needId)) as NeedForMatching;
    const slot = slotOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES);
    if (need.status !== NeedStatus.OPEN || !slot) return [];
    const language = RequestContext.language();
    const ranked = await rankedCandidates(
      manager,
      this.widestMatchable(need, slot),
      args.first,
      scoringConfigOf(this.config),
    );
    return ranked.map((candidate, index) => ({
      kind: candidate.organisationId ? CandidateKind.ORGANISATION : CandidateKind.VOLUNTEER,
      helperUserId: candidate.userId,
      organisationId: candidate.organisationId,
      serviceOfferId: candidate.serviceOfferId,
      helperName: candidate.displayName,
      rank: index + 1,
      score: candidate.score.total,
      distanceKm: Math.round(candidate.distanceKm * 10) / 10,
      ...explain(candidate.score, language),
    }));
  }

  /**
   * A Comune operator of the need's territory sends a proposal to a helper (or organisation) they
   * chose from the ranked list. The hard constraints still hold; the helper still answers. Audited.
   */
  async assignHelper(user: AuthenticatedUser, input: AssignHelperInput): Promise<MatchProposal> {
    this.access.requireRole(user, [Role.COMUNE_OPERATOR]);
    if (!input.helperUserId === !input.organisationId) {
      throw new DomainError('ASSIGN_ONE_HELPER', {
        field: input.helperUserId ? 'organisationId' : 'helperUserId',
      });
    }
    const proposalId = await this.dataSource.transaction(async (manager) => {
      const found = await this.findNeed(manager, input.needId, 'needId');
      await this.access.requireComuneRole(user, found.comuneIstat, [Role.COMUNE_OPERATOR], manager);
      // The same locks as a matching run: the engine cannot propose meanwhile, acceptances wait.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('match-need:' || $1, 0))`, [
        input.needId,
      ]);
      await manager.query(`SELECT 1 FROM needs WHERE id = $1 FOR NO KEY UPDATE`, [input.needId]);
      const need = (await loadNeedForMatching(manager, input.needId)) as NeedForMatching;
      const slot = slotOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES);
      if (need.status !== NeedStatus.OPEN || !slot) {
        throw new DomainError('NEED_NOT_OPEN', { field: 'needId', params: { status: need.status } });
      }
      const [candidate] = await rankedCandidates(
        manager,
        this.widestMatchable(need, slot),
        1,
        scoringConfigOf(this.config),
        {
          helperUserId: input.helperUserId,
          organisationId: input.organisationId,
        },
      );
      if (!candidate) {
        throw new DomainError('HELPER_NOT_ELIGIBLE', {
          field: input.helperUserId ? 'helperUserId' : 'organisationId',
        });
      }
      const [{ total }]: { total: number }[] = await manager.query(
        `SELECT count(*)::int AS total FROM match_proposals WHERE need_id = $1`,
        [need.id],
      );
      const id = await this.proposals.propose(manager, need, candidate, total + 1, user.userId);
      await manager.query(
        `UPDATE need_match_states SET unmatched_reason = NULL, unmatched_at = NULL, operators_notified_at = NULL,
                updated_at = now() WHERE need_id = $1`,
        [need.id],
      );
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'need.helper_assigned',
        entityType: 'need',
        entityId: need.id,
        territoryId: await firstTerritoryOf(manager, need.comuneIstat),
        details: {
          proposalId: id,
          helperUserId: candidate.userId,
          organisationId: candidate.organisationId,
          score: candidate.score.total,
        },
      });
      return id;
    });
    const [row]: ProposalRow[] = await this.dataSource.query(
      `SELECT ${PROPOSAL_COLUMNS} FROM ${PROPOSAL_SOURCES} WHERE mp.id = $1`,
      [proposalId],
    );
    return toProposal(row);
  }

  /** Comune staff of the territory (and platform admins). No row: the defaults. */
  async matchingSettings(user: AuthenticatedUser, territoryId: string): Promise<TerritoryMatchingSettings> {
    this.access.requireTerritoryRole(user, territoryId, COMUNE_STAFF_ROLES);
    await this.requireTerritory(territoryId);
    const [row]: { required: boolean; scheduled: boolean }[] = await this.dataSource.query(
      `SELECT citizen_confirmation_required AS required, scheduled_batch_assignment AS scheduled
         FROM territory_matching_settings WHERE territory_id = $1`,
      [territoryId],
    );
    return {
      territoryId,
      citizenConfirmationRequired: row?.required ?? false,
      scheduledBatchAssignment: row?.scheduled ?? false,
    };
  }

  /** Comune moderators of the territory (and platform admins) decide how matching works there. Audited. */
  async setMatchingSettings(
    user: AuthenticatedUser,
    input: SetTerritoryMatchingSettingsInput,
  ): Promise<TerritoryMatchingSettings> {
    this.access.requireTerritoryRole(user, input.territoryId, [Role.COMUNE_MODERATOR]);
    await this.requireTerritory(input.territoryId);
    return this.dataSource.transaction(async (manager) => {
      const [row]: { required: boolean; scheduled: boolean }[] = await manager.query(
        `INSERT INTO territory_matching_settings
           (territory_id, citizen_confirmation_required, scheduled_batch_assignment, updated_by_user_id)
         VALUES ($1, $2, coalesce($3::boolean, false), $4)
         ON CONFLICT (territory_id) DO UPDATE SET citizen_confirmation_required = excluded.citizen_confirmation_required,
           scheduled_batch_assignment = coalesce($3::boolean, territory_matching_settings.scheduled_batch_assignment),
           updated_by_user_id = excluded.updated_by_user_id, updated_at = now()
         RETURNING citizen_confirmation_required AS required, scheduled_batch_assignment AS scheduled`,
        [
          input.territoryId,
          input.citizenConfirmationRequired,
          input.scheduledBatchAssignment ?? null,
          user.userId,
        ],
      );
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'territory.matching_settings_changed',
        entityType: 'territory',
        entityId: input.territoryId,
        territoryId: input.territoryId,
        details: { citizenConfirmationRequired: row.required, scheduledBatchAssignment: row.scheduled },
      });
      return {
        territoryId: input.territoryId,
        citizenConfirmationRequired: row.required,
        scheduledBatchAssignment: row.scheduled,
      };
    });
  }

  // ----- internals -----

  /** The need at the widest radius matching may reach (operators choose from the widest list). */
  private widestMatchable(need: NeedForMatching, slot: { start: Date; end: Date }) {
    const steps = this.config.MATCHING_RADIUS_STEPS_KM;
    return matchableOf(need, slot, widenedLimitKm(need.maxDistanceKm, steps, steps.length));
  }

  /**
   * An organisation's offer serves at most `capacity` engagements at once. The offer row lock
   * serialises its acceptances, so the count cannot be passed under concurrency.
   */
  private async requireCapacity(
    manager: EntityManager,
    serviceOfferId: string,
    slot: { start: Date; end: Date },
  ): Promise<void> {
    const [offer]: { capacity: number | null; status: string }[] = await manager.query(
      `SELECT capacity, status FROM service_offers WHERE id = $1 FOR UPDATE`,
      [serviceOfferId],
    );
    if (!offer || offer.status !== 'active')
      throw new DomainError('SERVICE_OFFER_FULL', { field: 'proposalId' });
    if (offer.capacity === null) return;
    const [{ busy }]: { busy: number }[] = await manager.query(
      `SELECT count(*)::int AS busy FROM engagements WHERE service_offer_id = $1
          AND status IN ('awaiting_confirmation', 'confirmed', 'in_progress') AND during && tstzrange($2, $3, '[)')`,
      [serviceOfferId, slot.start, slot.end],
    );
    if (busy >= offer.capacity) throw new DomainError('SERVICE_OFFER_FULL', { field: 'proposalId' });
  }

  private async requireTerritory(territoryId: string): Promise<void> {
    const [row]: unknown[] = await this.dataSource.query(`SELECT 1 FROM territories WHERE id = $1`, [
      territoryId,
    ]);
    if (!row) throw new DomainError('TERRITORY_NOT_FOUND', { field: 'territoryId' });
  }

  /** The need of a proposal the user may answer; PROPOSAL_NOT_FOUND otherwise. */
  private async proposalNeedOf(
    manager: EntityManager,
    proposalId: string,
    helperUserId: string,
  ): Promise<string> {
    if (!isUUID(proposalId)) throw new DomainError('PROPOSAL_NOT_FOUND', { field: 'proposalId' });
    // The volunteer asked, or any admin or operator of the organisation asked.
    const [found]: { need_id: string }[] = await manager.query(
      `SELECT need_id FROM match_proposals
        WHERE id = $1 AND (helper_user_id = $2 OR organisation_id IN ${organisationsOf('$2')})`,
      [proposalId, helperUserId],
    );
    if (!found) throw new DomainError('PROPOSAL_NOT_FOUND', { field: 'proposalId' });
    return found.need_id;
  }

  /** Locks the proposal's need first (the serialisation point), then reads the proposal. */
  private async lockProposal(
    manager: EntityManager,
    proposalId: string,
    helperUserId: string,
  ): Promise<LockedProposal> {
    const needId = await this.proposalNeedOf(manager, proposalId, helperUserId);
    await manager.query(`SELECT 1 FROM needs WHERE id = $1 FOR NO KEY UPDATE`, [needId]);
    const [row]: LockedProposal[] = await manager.query(
      `SELECT id, need_id AS "needId", status, expires_at AS "expiresAt", service_offer_id AS "serviceOfferId"
         FROM match_proposals WHERE id = $1 FOR UPDATE`,
      [proposalId],
    );
    return row;
  }

  /**
   * Locks for an acceptance: the proposal's need first (the serialisation point, found through the
   * proposal the caller may answer and read with what matching needs, in one statement), then the proposal, read with whether the territory
   * asks the citizen to confirm.
   */
  /**
   * The proposal and its need, locked (the need first, then the proposal, as every path locks
   * them), with what accept() needs to check and to write its messages: the territory's
   * confirmation setting, the helper's names, the need's side of the engagement notice and the
   * citizens as recipients. One statement.
   */
  private async lockForAcceptance(
    manager: EntityManager,
    proposalId: string,
    helperUserId: string,
  ): Promise<{
    proposal: LockedProposal;
    need: NeedForMatching;
    confirmationRequired: boolean;
    helperName: string;
    volunteerName: string | null;
    needNotice: NeedNoticeRow;
    citizens: Recipient[];
  }> {
    if (!isUUID(proposalId)) throw new DomainError('PROPOSAL_NOT_FOUND', { field: 'proposalId' });
    // The volunteer asked, or any admin or operator of the organisation asked.
    const [row]: (NeedForMatching & {
      proposalId: string;
      proposalStatus: ProposalStatus;
      expiresAt: Date;
      serviceOfferId: string | null;
      confirmationRequired: boolean;
      helperName: string;
      volunteerName: string | null;
      needNotice: NeedNoticeRow;
      citizens: Recipient[];
    })[] = await manager.query(
      `WITH need AS MATERIALIZED (
         ${lockedNeedOfProposalSql(`mp.id = $1 AND (mp.helper_user_id = $2 OR mp.organisation_id IN ${organisationsOf('$2')})`)})
       SELECT need.*, mp.id AS "proposalId", mp.status AS "proposalStatus", mp.expires_at AS "expiresAt",
              mp.service_offer_id AS "serviceOfferId",
              (SELECT coalesce(bool_or(s.citizen_confirmation_required), false)
                 FROM territory_comuni tc JOIN territory_matching_settings s ON s.territory_id = tc.territory_id
                WHERE tc.comune_istat = need."comuneIstat") AS "confirmationRequired",
              coalesce(o.name, v.display_name, '') AS "helperName", v.display_name AS "volunteerName",
              ${needNoticeSql('need.id')} AS "needNotice",
              ${recipientsSql(`ARRAY[CASE WHEN need.source = 'citizen' THEN need."authorUserId" END, need."beneficiaryUserId"]::uuid[]`)}
                AS citizens
         FROM need JOIN match_proposals mp ON mp.id = $1 AND mp.need_id = need.id
         LEFT JOIN volunteer_profiles v ON v.id = mp.volunteer_id
         LEFT JOIN organisations o ON o.id = mp.organisation_id
          FOR UPDATE OF mp`,
      [proposalId, helperUserId],
    );
    if (!row) throw new DomainError('PROPOSAL_NOT_FOUND', { field: 'proposalId' });
    const {
      proposalId: id,
      proposalStatus,
      expiresAt,
      serviceOfferId,
      confirmationRequired,
      helperName,
      volunteerName,
      needNotice,
      citizens,
      ...need
    } = row;
    return {
      proposal: { id, needId: need.id, status: proposalStatus, expiresAt, serviceOfferId },
      need,
      confirmationRequired,
      helperName,
      volunteerName,
      needNotice,
      citizens,
    };
  }

  private async reopen(
    manager: EntityManager,
    needId: string,
    actorUserId: string,
    reason: string,
  ): Promise<void> {
    // The lifecycle enqueues match-need for every need that becomes OPEN again.
    await this.lifecycle.transition(manager, needId, NeedStatus.OPEN, actorUserId, reason);
  }

  private async findNeed(
    manager: EntityManager,
    needId: string,
    field: string,
  ): Promise<{ id: string; comuneIstat: string }> {
    if (!isUUID(needId)) throw new DomainError('NEED_NOT_FOUND', { field });
    const [row]: { id: string; comuneIstat: string }[] = await manager.query(
      `SELECT id, comune_istat AS "comuneIstat" FROM needs WHERE id = $1`,
      [needId],
    );
    if (!row) throw new DomainError('NEED_NOT_FOUND', { field });
    return row;
  }

  /** Who the parties of an engagement are; `lock` locks the need then the engagement. */
  async engagementParty(
    manager: EntityManager,
    engagementId: string,
    lock: boolean,
  ): Promise<EngagementParty> {
    if (!isUUID(engagementId)) throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
    if (lock) {
      // Need first, then engagement: the same order as acceptance, so the two cannot deadlock.
      const [found]: { need_id: string }[] = await manager.query(
        `SELECT need_id FROM engagements WHERE id = $1`,
        [engagementId],
      );
      if (!found) throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
      await manager.query(`SELECT 1 FROM needs WHERE id = $1 FOR NO KEY UPDATE`, [found.need_id]);
    }
    const [row]: EngagementParty[] = await manager.query(
      `SELECT e.id, e.need_id AS "needId", e.status, e.helper_user_id AS "helperUserId",
              lower(e.during) AS "startsAt", upper(e.during) AS "endsAt",
              e.organisation_id AS "organisationId", n.comune_istat AS "comuneIstat",
              CASE WHEN n.source = 'citizen' THEN n.author_user_id END AS "authorUserId",
              b.user_id AS "beneficiaryUserId"
         FROM engagements e JOIN needs n ON n.id = e.need_id LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
        WHERE e.id = $1 ${lock ? 'FOR UPDATE OF e' : ''}`,
      [engagementId],
    );
    if (!row) throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
    return row;
  }

  /** Which party the user is; throws ENGAGEMENT_NOT_FOUND (not a hint that it exists) otherwise. */
  async requireParty(
    manager: EntityManager,
    user: AuthenticatedUser,
    party: EngagementParty,
    allowed: ('helper' | 'citizen' | 'staff')[],
  ): Promise<'helper' | 'citizen' | 'staff'> {
    if (
      allowed.includes('helper') &&
      (party.helperUserId === user.userId ||
        (party.organisationId !== null &&
          this.access.hasOrganisationRole(user, party.organisationId, ORGANISATION_ROLES)))
    ) {
      return 'helper';
    }
    if (
      allowed.includes('citizen') &&
      (party.authorUserId === user.userId || party.beneficiaryUserId === user.userId)
    ) {
      return 'citizen';
    }
    if (allowed.includes('staff')) {
      try {
        await this.access.requireComuneRole(user, party.comuneIstat, COMUNE_STAFF_ROLES, manager);
        return 'staff';
      } catch (error) {
        // Not staff of this Comune: answer as if the engagement did not exist.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
  }

  private async move(
    manager: EntityManager,
    party: EngagementParty,
    to: EngagementStatus,
    actorUserId: string,
    reason: string | null,
  ): Promise<void> {
    if (!canEngagementTransition(party.status, to)) {
      throw new DomainError('ENGAGEMENT_TRANSITION_INVALID', {
        field: 'engagementId',
        params: { from: party.status, to },
      });
    }
    await manager.query(`UPDATE engagements SET status = $2, updated_at = now() WHERE id = $1`, [
      party.id,
      to,
    ]);
    await recordStatusChange(manager, {
      entityType: ENGAGEMENT_HISTORY_ENTITY,
      entityId: party.id,
      from: party.status,
      to,
      actorUserId,
      reason,
    });
    // Withdraws reminders that no longer apply; pickup and drop-off news for the family (libs/notifications).
    await this.notifications.engagementChanged(manager, party.id);
  }

  private async auditStaff(
    manager: EntityManager,
    user: AuthenticatedUser,
    party: EngagementParty,
    action: string,
  ): Promise<void> {
    await writeAudit(manager, {
      actorUserId: user.userId,
      action,
      entityType: 'engagement',
      entityId: party.id,
      territoryId: await firstTerritoryOf(manager, party.comuneIstat),
      details: { needId: party.needId },
    });
  }
}

interface LockedProposal {
  id: string;
  needId: string;
  status: ProposalStatus;
  expiresAt: Date;
  serviceOfferId: string | null;
}

export interface EngagementParty {
  id: string;
  needId: string;
  status: EngagementStatus;
  startsAt: Date;
  endsAt: Date;
  helperUserId: string;
  organisationId: string | null;
  comuneIstat: string;
  authorUserId: string | null;
  beneficiaryUserId: string | null;
}

function requireAwaiting(party: EngagementParty): void {
  if (party.status !== EngagementStatus.AWAITING_CONFIRMATION) {
    throw new DomainError('ENGAGEMENT_NOT_AWAITING', { field: 'engagementId' });
  }
}

/** "Why this helper": the score's parts and its one-sentence summary, in the request's language. */
function explain(
  breakdown: CandidateScore,
  language: Language,
): Pick<MatchProposal, 'reasons' | 'whyThisHelper'> {
  return {
    reasons: breakdown.components.map((component) => ({
      name: component.name,
      value: component.value,
      weight: component.weight,
      contribution: component.contribution,
      explanation: component.explanation[language],
    })),
    whyThisHelper: breakdown.summary[language],
  };
}

function toProposal(row: ProposalRow): MatchProposal {
  const language = RequestContext.language();
  const breakdown = row.breakdown;
  return {
    id: row.id,
    needId: row.needId,
    helperUserId: row.helperUserId,
    helperName: row.helperName,
    organisationId: row.organisationId,
    assignedByUserId: row.assignedByUserId,
    status: row.status,
    rank: row.rank,
    score: Number(row.score),
    distanceKm: Math.round(Number(row.distanceKm) * 10) / 10,
    ...explain(breakdown, language),
    expiresAt: row.expiresAt,
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
  };
}

function toEngagement(row: EngagementRow): Engagement {
  return {
    id: row.id,
    needId: row.needId,
    helperUserId: row.helperUserId,
    helperName: row.helperName,
    organisationId: row.organisationId,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    hoursLogged: row.hoursLogged === null ? null : Number(row.hoursLogged),
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    createdAt: row.createdAt,
  };
}

export { UnmatchedReason };
