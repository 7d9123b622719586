import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES } from '@prossimo/identity';
import { NeedNoticeRow, noticeOf, NotificationsService, Recipient } from '@prossimo/notifications';
import {
  APP_CONFIG,
  AppConfig,
  CombinedStatement,
  DomainError,
  JOBS,
  outboxJob,
  Page,
  PageArgs,
  recordStatusChange,
  toKeysetPage,
  toPage,
  writeOutbox,
} from '@prossimo/platform';
import { NeedLifecycleService, NeedStatus, transitionDone } from '@prossimo/requests';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { EngagementStatus } from '../engagements/engagement-rules';
import { toEngagement } from '../engagements/engagement-rows';
import { Engagement, MatchProposal, OrganisationProposalsArgs, ProposalStatus } from '../matching.types';
import {
  citizenUserIds,
  NeedForMatching,
  PROPOSAL_HISTORY_ENTITY,
  slotOf,
  whenOf,
} from '../needs/need-for-matching';
import { NeedReadsRepository } from '../needs/need-reads.repository';
import { toProposal } from './proposal-rows';
import { AcceptedRow, LockedProposal, ProposalsRepository } from './proposals.repository';

/** Postgres: exclusion constraint violated (the helper is already booked then). */
const EXCLUSION_VIOLATION = '23P01';
const UNIQUE_VIOLATION = '23505';

function pgCode(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: string }; code?: string }) ?? {};
  return driverError.driverError?.code ?? driverError.code;
}

/**
 * Helpers answer proposals (the first to accept wins, atomically, by the API or an SMS reply) and
 * read them; Comune staff read a need's ranked proposals.
 */
@Injectable()
export class ProposalsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly lifecycle: NeedLifecycleService,
    private readonly notifications: NotificationsService,
    private readonly needReads: NeedReadsRepository,
    private readonly proposalRows: ProposalsRepository,
  ) {}

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
    const parts = this.proposalRows.acceptIn(statement, {
      needId: need.id,
      proposalId: proposal.id,
      helperUserId,
      engagementId,
      status,
      slot,
    });
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
    let row: AcceptedRow;
    try {
      row = await this.proposalRows.runAcceptance(manager, statement, parts, transition.result);
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
    await this.proposalRows.markDeclined(manager, proposal.id);
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
    const rows = await this.proposalRows.findProposalsPageOfHelper(user.userId, args);
    return toKeysetPage(rows, args.first, toProposal);
  }

  /**
   * Members of an organisation: the proposals sent to it (any of them may answer), newest first,
   * optionally only some statuses (the ones waiting, the history).
   */
  async organisationProposals(
    user: AuthenticatedUser,
    args: OrganisationProposalsArgs,
  ): Promise<Page<MatchProposal>> {
    this.access.requireOrganisationMember(user, args.organisationId);
    const rows = await this.proposalRows.findOrganisationProposalsPage(args);
    return toKeysetPage(rows, args.first, toProposal);
  }

  /** Comune staff of the need's territory: the ranked proposals with "why this helper". */
  async needProposals(user: AuthenticatedUser, needId: string, args: PageArgs): Promise<Page<MatchProposal>> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const need = await this.needReads.findNeed(this.dataSource.manager, needId, 'needId');
    await this.access.requireComuneRole(user, need.comuneIstat, COMUNE_STAFF_ROLES, this.dataSource.manager);
    const rows = await this.proposalRows.findNeedProposalsPage(needId, args);
    return toPage(rows.map(toProposal), args.first, (p) => [p.rank, p.id]);
  }

  async proposal(user: AuthenticatedUser, proposalId: string): Promise<MatchProposal> {
    if (!isUUID(proposalId)) throw new DomainError('PROPOSAL_NOT_FOUND', { field: 'proposalId' });
    const row = await this.proposalRows.findAnswerableProposal(proposalId, user.userId);
    if (!row) throw new DomainError('PROPOSAL_NOT_FOUND', { field: 'proposalId' });
    return toProposal(row);
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
    const offer = await this.proposalRows.lockServiceOffer(manager, serviceOfferId);
    if (!offer || offer.status !== 'active')
      throw new DomainError('SERVICE_OFFER_FULL', { field: 'proposalId' });
    if (offer.capacity === null) return;
    const busy = await this.proposalRows.countLiveEngagementsOfOffer(manager, serviceOfferId, slot);
    if (busy >= offer.capacity) throw new DomainError('SERVICE_OFFER_FULL', { field: 'proposalId' });
  }

  /** The need of a proposal the user may answer; PROPOSAL_NOT_FOUND otherwise. */
  private async proposalNeedOf(
    manager: EntityManager,
    proposalId: string,
    helperUserId: string,
  ): Promise<string> {
    if (!isUUID(proposalId)) throw new DomainError('PROPOSAL_NOT_FOUND', { field: 'proposalId' });
    const needId = await this.proposalRows.findNeedIdOfAnswerableProposal(manager, proposalId, helperUserId);
    if (!needId) throw new DomainError('PROPOSAL_NOT_FOUND', { field: 'proposalId' });
    return needId;
  }

  /** Locks the proposal's need first (the serialisation point), then reads the proposal. */
  private async lockProposal(
    manager: EntityManager,
    proposalId: string,
    helperUserId: string,
  ): Promise<LockedProposal> {
    const needId = await this.proposalNeedOf(manager, proposalId, helperUserId);
    await this.needReads.lockNeed(manager, needId);
    return this.proposalRows.lockProposal(manager, proposalId);
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
    const row = await this.proposalRows.lockForAcceptance(manager, proposalId, helperUserId);
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
}
