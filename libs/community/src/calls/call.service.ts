import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService,
  AuthenticatedUser,
  COMUNE_STAFF_ROLES,
  Role,
  TerritoryScope,
} from '@prossimo/identity';
import { ContentType, ModerationService, ModerationStatus } from '@prossimo/moderation';
import { NotificationsService } from '@prossimo/notifications';
import {
  DomainError,
  JOBS,
  mapPage,
  outboxJob,
  Page,
  PageArgs,
  recordStatusChange,
  toKeysetPage,
  toPage,
  writeAudit,
  writeOutbox,
} from '@prossimo/platform';
import { firstTerritoryOf } from '@prossimo/territory';
import { DataSource, EntityManager } from 'typeorm';
import { isCalendarDate, todayInRome } from '../availability/time-windows';
import { ReferenceReadsRepository } from '../reference/reference-reads.repository';
import { toPublicProfile } from '../volunteers/volunteer.service';
import {
  AnswerCallToActionInput,
  CallAnswer,
  CallAnswerDecisionInput,
  CallAnswersArgs,
  CallAnswerStatus,
  CallsToActionArgs,
  CallToAction,
  CallToActionStatus,
  CloseCallToActionInput,
  ComuneCallsArgs,
  MyCallAnswer,
  OrganisationCallsArgs,
  PublishCallToActionInput,
} from './call.types';
import { CallPublishers } from './call-publishers';
import { AnswerRow, CallsRepository } from './calls.repository';

const CALL_ANSWER = 'call_answer';

@Injectable()
export class CallService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly moderation: ModerationService,
    private readonly notifications: NotificationsService,
    private readonly calls: CallsRepository,
    private readonly references: ReferenceReadsRepository,
    private readonly publishers: CallPublishers,
  ) {}

  /**
   * A targeted call that becomes public (published at once, or approved or restored by a
   * moderator) tells the volunteers who fit it, through a job; the job tells them once per call.
   */
  async whenPublished(manager: EntityManager, callId: string, status: ModerationStatus): Promise<void> {
    if (status !== ModerationStatus.PUBLISHED) return;
    if (!(await this.calls.isTargetedAndUntold(manager, callId))) return;
    await writeOutbox(manager, outboxJob(JOBS.notifyCallVolunteers, { callId }));
  }

  /**
   * Comune staff publish for Comuni of their territories; an organisation's admins publish for
   * it. An always-open call (level 1) takes any number of volunteers.
   */
  async publish(user: AuthenticatedUser, input: PublishCallToActionInput): Promise<CallToAction> {
    if (input.organisationId) {
      this.access.requireOrganisationRole(user, input.organisationId, [Role.ORGANISATION_ADMIN]);
    } else {
      this.access.requireRole(user, COMUNE_STAFF_ROLES);
    }
    if (!input.alwaysOpen && !input.volunteersWanted) {
      throw new DomainError('FIELD_REQUIRED', { field: 'volunteersWanted' });
    }
    const startsOn = input.startsOn ?? todayInRome();
    if (!isCalendarDate(startsOn)) throw new DomainError('FIELD_INVALID', { field: 'startsOn' });
    const endsOn = input.endsOn ?? null;
    if (endsOn !== null && !isCalendarDate(endsOn))
      throw new DomainError('FIELD_INVALID', { field: 'endsOn' });
    if (endsOn !== null && endsOn < startsOn) {
      throw new DomainError('AVAILABILITY_END_NOT_AFTER_START', { field: 'endsOn' });
    }
    if (endsOn !== null && endsOn < todayInRome()) {
      throw new DomainError('CALL_IN_THE_PAST', { field: 'endsOn' });
    }
    const comuni = [...new Set(input.comuneIstats)];
    const id = await this.dataSource.transaction(async (manager) => {
      const known = await this.references.findKnownComuni(manager, comuni);
      if (known.length !== comuni.length)
        throw new DomainError('COMUNE_NOT_FOUND', { field: 'comuneIstats' });
      if (input.organisationId) {
        if (await this.references.organisationMissing(manager, input.organisationId)) {
          throw new DomainError('CALL_ORGANISATION_NOT_FOUND', { field: 'organisationId' });
        }
      } else {
        for (const istat of comuni) {
          await this.access.requireComuneRole(user, istat, COMUNE_STAFF_ROLES, manager);
        }
      }
      const callId = await this.calls.insertCall(manager, {
        publisherUserId: user.userId,
        organisationId: input.organisationId ?? null,
        title: input.title.trim(),
        description: input.description.trim(),
        categories: [...new Set(input.categories)],
        startsOn,
        endsOn,
        comuneIstats: comuni,
        volunteersWanted: input.volunteersWanted ?? null,
        alwaysOpen: input.alwaysOpen,
      });
      await recordStatusChange(manager, {
        entityType: 'call_to_action',
        entityId: callId,
        from: null,
        to: CallToActionStatus.OPEN,
        actorUserId: user.userId,
      });
      const status = await this.moderation.submit(manager, {
        contentType: ContentType.CALL_TO_ACTION,
        contentId: callId,
        comuneIstat: comuni[0],
        authorUserId: user.userId,
        summary: input.title.trim(),
      });
      await this.whenPublished(manager, callId, status);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'call_to_action.published',
        entityType: 'call_to_action',
        entityId: callId,
        territoryId: await firstTerritoryOf(manager, comuni[0]),
        details: { comuni: comuni.length, organisationId: input.organisationId ?? null },
      });
      return callId;
    });
    return this.callById(id);
  }

  /** Public: published calls still taking answers, newest first. */
  async list(args: CallsToActionArgs): Promise<Page<CallToAction>> {
    const rows = await this.calls.findRunningCallsPage(args);
    return toKeysetPage(rows, args.first);
  }

  /**
   * Members of an organisation: its calls in any state, newest first, with the Comune's check (a
   * call held for moderation is not public yet). Its admins read and decide the answers.
   */
  async organisationCalls(user: AuthenticatedUser, args: OrganisationCallsArgs): Promise<Page<CallToAction>> {
    this.access.requireOrganisationMember(user, args.organisationId);
    const rows = await this.calls.findOrganisationCallsPage(args);
    return toKeysetPage(rows, args.first);
  }

  /**
   * Comune staff: the calls the Comune published (not an organisation's), in one of their
   * territories or all of them, in any state, newest first, with the Comune's check and the answers
   * to decide. A call belongs to the territories of its first Comune, as for its decisions.
   */
  async comuneCalls(user: AuthenticatedUser, args: ComuneCallsArgs): Promise<Page<CallToAction>> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    if (args.territoryId) this.access.requireTerritoryRole(user, args.territoryId, COMUNE_STAFF_ROLES);
    const scope: TerritoryScope = args.territoryId
      ? { all: false, territoryIds: [args.territoryId] }
      : this.access.scope(user, COMUNE_STAFF_ROLES);
    const rows = await this.calls.findComuneCallsPage(
      (comuneColumn, params) => this.access.comuneCondition(scope, comuneColumn, params),
      args,
    );
    return toKeysetPage(rows, args.first);
  }

  /**
   * The person's own answers to calls, newest first, each with its call (also one closed or held by
   * moderation since) and what its publisher decided: so a volunteer knows where they stand.
   */
  async myAnswers(user: AuthenticatedUser, args: PageArgs): Promise<Page<MyCallAnswer>> {
    const page = toKeysetPage(await this.calls.findMyAnswersPage(user.userId, args), args.first);
    const calls = new Map(
      (await this.calls.findCalls(page.items.map((row) => row.callId))).map((call) => [call.id, call]),
    );
    return mapPage(page, (row) => ({
      id: row.id,
      status: row.status,
      createdAt: row.createdAt,
      call: calls.get(row.callId) as CallToAction,
    }));
  }

  /** A volunteer answers a published call once, optionally naming areas among its Comuni. */
  async answer(user: AuthenticatedUser, input: AnswerCallToActionInput): Promise<CallAnswer> {
    this.access.requireRole(user, [Role.VOLUNTEER]);
    const id = await this.dataSource.transaction((manager) =>
      this.answerInTransaction(manager, user.userId, input),
    );
    return this.answerById(id);
  }

  /** The answer in the caller's transaction: from the app, or an SMS "SI <code>" to the call's notice. */
  async answerInTransaction(
    manager: EntityManager,
    userId: string,
    input: Pick<AnswerCallToActionInput, 'callId' | 'comuneIstats' | 'message'>,
  ): Promise<string> {
    const volunteerId = await this.calls.findProfileIdOfUser(manager, userId);
    if (!volunteerId) throw new DomainError('VOLUNTEER_PROFILE_REQUIRED');
    const call = await this.calls.findPublishedCallForAnswer(manager, input.callId);
    if (!call) throw new DomainError('CALL_NOT_FOUND', { field: 'callId' });
    // Closed by its publisher, or past its last day: the volunteer is told which.
    if (call.status === CallToActionStatus.CLOSED) throw new DomainError('CALL_CLOSED', { field: 'callId' });
    if (!call.running) throw new DomainError('CALL_ENDED', { field: 'callId' });
    const areas = [...new Set(input.comuneIstats)];
    if (areas.some((istat) => !call.comuneIstats.includes(istat))) {
      throw new DomainError('CALL_AREA_OUTSIDE', { field: 'comuneIstats' });
    }
    const answerId = await this.calls.insertAnswer(
      manager,
      input.callId,
      volunteerId,
      input.message?.trim() || null,
      areas,
    );
    if (!answerId) throw new DomainError('CALL_ALREADY_ANSWERED', { field: 'callId' });
    await recordStatusChange(manager, {
      entityType: CALL_ANSWER,
      entityId: answerId,
      from: null,
      to: CallAnswerStatus.PENDING,
      actorUserId: userId,
    });
    return answerId;
  }

  /**
   * The publisher closes a call (enough volunteers, the event cancelled): no new answers, from the
   * app or by SMS; the answers already given stay, and the pending ones can still be decided, so
   * their volunteers are told the call is closed and that an answer will come. Who and when are
   * on the call, in its status history and in the audit trail, all in one transaction.
   */
  async close(user: AuthenticatedUser, input: CloseCallToActionInput): Promise<CallToAction> {
    await this.dataSource.transaction(async (manager) => {
      const call = await this.publishers.lockCall(manager, input.callId);
      await this.publishers.requirePublisher(user, call, manager);
      if (call.status === CallToActionStatus.CLOSED) {
        throw new DomainError('CALL_ALREADY_CLOSED', { field: 'callId' });
      }
      await this.calls.closeCall(manager, call.id, user.userId);
      const reason = input.reason?.trim() || undefined;
      await recordStatusChange(manager, {
        entityType: 'call_to_action',
        entityId: call.id,
        from: CallToActionStatus.OPEN,
        to: CallToActionStatus.CLOSED,
        actorUserId: user.userId,
        reason,
      });
      const pending = await this.calls.findAnswerers(manager, call.id, CallAnswerStatus.PENDING);
      for (const volunteer of pending) {
        await this.notifications.notifyUser(manager, {
          userId: volunteer.userId,
          event: 'call_closed',
          params: { summary: call.title },
          ref: `call:${call.id}`,
        });
      }
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'call_to_action.closed',
        entityType: 'call_to_action',
        entityId: call.id,
        territoryId: await firstTerritoryOf(manager, call.comuneIstats[0]),
        details: { organisationId: call.organisationId, pendingAnswers: pending.length },
      });
    });
    return this.callById(input.callId);
  }

  async accept(user: AuthenticatedUser, input: CallAnswerDecisionInput): Promise<CallAnswer> {
    return this.decide(user, input, CallAnswerStatus.ACCEPTED);
  }

  async decline(user: AuthenticatedUser, input: CallAnswerDecisionInput): Promise<CallAnswer> {
    return this.decide(user, input, CallAnswerStatus.DECLINED);
  }

  /** The publisher decides; the call row lock keeps acceptances within the volunteers wanted. */
  private async decide(
    user: AuthenticatedUser,
    input: CallAnswerDecisionInput,
    to: CallAnswerStatus.ACCEPTED | CallAnswerStatus.DECLINED,
  ): Promise<CallAnswer> {
    await this.dataSource.transaction(async (manager) => {
      const ref = await this.calls.findAnswerRef(manager, input.answerId);
      if (!ref) throw new DomainError('CALL_ANSWER_NOT_FOUND', { field: 'answerId' });
      const call = await this.publishers.lockCall(manager, ref.callId);
      await this.publishers.requirePublisher(user, call, manager);
      const answerStatus = await this.calls.lockAnswerStatus(manager, input.answerId);
      if (answerStatus !== CallAnswerStatus.PENDING) {
        throw new DomainError('CALL_ANSWER_NOT_PENDING', { field: 'answerId' });
      }
      if (to === CallAnswerStatus.ACCEPTED) {
        if (!call.alwaysOpen && call.acceptedCount >= (call.volunteersWanted as number)) {
          throw new DomainError('CALL_FULL', {
            field: 'answerId',
            params: { wanted: call.volunteersWanted as number },
          });
        }
        await this.calls.countAcceptance(manager, call.id);
      }
      await this.calls.updateAnswerStatus(manager, input.answerId, to);
      await recordStatusChange(manager, {
        entityType: CALL_ANSWER,
        entityId: input.answerId,
        from: answerStatus,
        to,
        actorUserId: user.userId,
        reason: input.reason,
      });
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: `call_answer.${to}`,
        entityType: CALL_ANSWER,
        entityId: input.answerId,
        territoryId: await firstTerritoryOf(manager, call.comuneIstats[0]),
        details: { callId: call.id },
      });
      // The volunteer hears the answer on their channels, in their language.
      await this.notifications.notifyUser(manager, {
        userId: ref.volunteerUserId,
        event: to === CallAnswerStatus.ACCEPTED ? 'call_answer_accepted' : 'call_answer_declined',
        params: { summary: call.title },
        ref: `call:${call.id}`,
      });
    });
    return this.answerById(input.answerId);
  }

  /** The publisher's side: who answered a call, oldest first. */
  async answers(user: AuthenticatedUser, args: CallAnswersArgs): Promise<Page<CallAnswer>> {
    const call = await this.publishers.lockCall(this.dataSource.manager, args.callId, false);
    await this.publishers.requirePublisher(user, call, this.dataSource.manager);
    const rows = await this.calls.findAnswersPage(args.callId, args);
    const page = toPage(rows, args.first, (row) => [row.cursorAt, row.answerId]);
    return mapPage(page, toAnswer);
  }

  private async callById(id: string): Promise<CallToAction> {
    return this.calls.findCall(id);
  }

  private async answerById(id: string): Promise<CallAnswer> {
    return toAnswer(await this.calls.findAnswer(id));
  }
}

function toAnswer(row: AnswerRow): CallAnswer {
  return {
    id: row.answerId,
    callId: row.callId,
    status: row.answerStatus,
    message: row.message,
    comuneIstats: row.answerComuni,
    volunteer: toPublicProfile(row),
    createdAt: row.answerCreatedAt,
  };
}
