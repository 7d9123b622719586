import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES, Role } from '@prossimo/identity';
import { ContentType, ModerationService, ModerationStatus } from '@prossimo/moderation';
import { NotificationsService } from '@prossimo/notifications';
import {
  afterCursorCondition,
  CursorAt,
  cursorAtColumn,
  DomainError,
  JOBS,
  outboxJob,
  Page,
  recordStatusChange,
  toPage,
  writeAudit,
  writeOutbox,
} from '@prossimo/platform';
import { firstTerritoryOf } from '@prossimo/territory';
import { DataSource, EntityManager } from 'typeorm';
import { isCalendarDate, todayInRome } from '../availability/time-windows';
import { organisationMissing } from '../organisations';
import {
  toPublicProfile,
  VOLUNTEER_PUBLIC_COLUMNS,
  VolunteerPublicRow,
} from '../volunteers/volunteer.service';
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
  OrganisationCallsArgs,
  PublishCallToActionInput,
} from './call.types';

const CALL_COLUMNS = `ca.id, ca.title, ca.description, ca.categories, to_char(ca.starts_on, 'YYYY-MM-DD') AS "startsOn",
  to_char(ca.ends_on, 'YYYY-MM-DD') AS "endsOn", ca.volunteers_wanted AS "volunteersWanted",
  ca.accepted_count AS "acceptedCount", ca.always_open AS "alwaysOpen", ca.organisation_id AS "organisationId",
  ca.status, ca.closed_at AS "closedAt", ca.created_at AS "createdAt",
  (SELECT json_agg(json_build_object('istat', cm.istat, 'name', cm.name) ORDER BY cm.name)
     FROM comuni cm WHERE cm.istat = ANY(ca.comune_istats)) AS places`;

/** Still taking answers: open, and its last day (Rome calendar) not yet past. */
const CALL_RUNNING = `ca.status = 'open' AND (ca.ends_on IS NULL OR ca.ends_on >= (now() AT TIME ZONE 'Europe/Rome')::date)`;

interface LockedCall {
  id: string;
  title: string;
  organisationId: string | null;
  comuneIstats: string[];
  volunteersWanted: number | null;
  acceptedCount: number;
  alwaysOpen: boolean;
  status: CallToActionStatus;
}

const CALL_ANSWER = 'call_answer';

@Injectable()
export class CallService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly moderation: ModerationService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * A targeted call that becomes public (published at once, or approved or restored by a
   * moderator) tells the volunteers who fit it, through a job; the job tells them once per call.
   */
  async whenPublished(manager: EntityManager, callId: string, status: ModerationStatus): Promise<void> {
    if (status !== ModerationStatus.PUBLISHED) return;
    const [call]: { targeted: boolean }[] = await manager.query(
      `SELECT NOT always_open AND volunteers_notified_at IS NULL AS targeted FROM calls_to_action WHERE id = $1`,
      [callId],
    );
    if (!call?.targeted) return;
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
      const known: { istat: string }[] = await manager.query(
        `SELECT istat FROM comuni WHERE istat = ANY($1::bpchar[])`,
        [comuni],
      );
      if (known.length !== comuni.length)
        throw new DomainError('COMUNE_NOT_FOUND', { field: 'comuneIstats' });
      if (input.organisationId) {
        if (await organisationMissing(manager, input.organisationId)) {
          throw new DomainError('CALL_ORGANISATION_NOT_FOUND', { field: 'organisationId' });
        }
      } else {
        for (const istat of comuni) {
          await this.access.requireComuneRole(user, istat, COMUNE_STAFF_ROLES, manager);
        }
      }
      const [call]: { id: string }[] = await manager.query(
        `INSERT INTO calls_to_action (publisher_user_id, organisation_id, title, description, categories, starts_on,
           ends_on, comune_istats, volunteers_wanted, always_open)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::bpchar[], $9, $10) RETURNING id`,
        [
          user.userId,
          input.organisationId ?? null,
          input.title.trim(),
          input.description.trim(),
          [...new Set(input.categories)],
          startsOn,
          endsOn,
          comuni,
          input.volunteersWanted ?? null,
          input.alwaysOpen,
        ],
      );
      await recordStatusChange(manager, {
        entityType: 'call_to_action',
        entityId: call.id,
        from: null,
        to: CallToActionStatus.OPEN,
        actorUserId: user.userId,
      });
      const status = await this.moderation.submit(manager, {
        contentType: ContentType.CALL_TO_ACTION,
        contentId: call.id,
        comuneIstat: comuni[0],
        authorUserId: user.userId,
        summary: input.title.trim(),
      });
      await this.whenPublished(manager, call.id, status);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'call_to_action.published',
        entityType: 'call_to_action',
        entityId: call.id,
        territoryId: await firstTerritoryOf(manager, comuni[0]),
        details: { comuni: comuni.length, organisationId: input.organisationId ?? null },
      });
      return call.id;
    });
    return this.callById(id);
  }

  /** Public: published calls still taking answers, newest first. */
  async list(args: CallsToActionArgs): Promise<Page<CallToAction>> {
    const params: unknown[] = [];
    const conditions = [
      CALL_RUNNING,
      this.moderation.publishedCondition(ContentType.CALL_TO_ACTION, 'ca.id'),
    ];
    if (args.comuneIstat) {
      params.push(args.comuneIstat);
      conditions.push(`ca.comune_istats @> ARRAY[$${params.length}::bpchar]`);
    }
    conditions.push(...afterCursorCondition(args.after, '(ca.created_at, ca.id)', 'DESC', params));
    params.push(args.first + 1);
    const rows: (CallToAction & CursorAt)[] = await this.dataSource.query(
      `SELECT ${CALL_COLUMNS}, ${cursorAtColumn('ca.created_at')} FROM calls_to_action ca
        WHERE ${conditions.join(' AND ')} ORDER BY ca.created_at DESC, ca.id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, args.first, (row) => [row.cursorAt, row.id]);
  }

  /**
   * Members of an organisation: its calls in any state, newest first, with the Comune's check (a
   * call held for moderation is not public yet). Its admins read and decide the answers.
   */
  async organisationCalls(user: AuthenticatedUser, args: OrganisationCallsArgs): Promise<Page<CallToAction>> {
    this.access.requireOrganisationRole(user, args.organisationId, [
      Role.ORGANISATION_ADMIN,
      Role.ORGANISATION_OPERATOR,
    ]);
    const params: unknown[] = [args.organisationId];
    const conditions = ['ca.organisation_id = $1'];
    conditions.push(...afterCursorCondition(args.after, '(ca.created_at, ca.id)', 'DESC', params));
    params.push(args.first + 1);
    const rows: (CallToAction & CursorAt)[] = await this.dataSource.query(
      `SELECT ${CALL_COLUMNS}, ${cursorAtColumn('ca.created_at')},
              (SELECT mi.status FROM moderation_items mi
                WHERE mi.content_type = '${ContentType.CALL_TO_ACTION}' AND mi.content_id = ca.id) AS "moderationStatus"
         FROM calls_to_action ca
        WHERE ${conditions.join(' AND ')} ORDER BY ca.created_at DESC, ca.id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, args.first, (row) => [row.cursorAt, row.id]);
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
    const [profile]: { id: string }[] = await manager.query(
      `SELECT id FROM volunteer_profiles WHERE user_id = $1`,
      [userId],
    );
    if (!profile) throw new DomainError('VOLUNTEER_PROFILE_REQUIRED');
    const [call]: { comuneIstats: string[]; running: boolean; status: CallToActionStatus }[] =
      await manager.query(
        `SELECT ca.comune_istats AS "comuneIstats", ca.status, (${CALL_RUNNING}) AS running FROM calls_to_action ca
        WHERE ca.id = $1 AND ${this.moderation.publishedCondition(ContentType.CALL_TO_ACTION, 'ca.id')}`,
        [input.callId],
      );
    if (!call) throw new DomainError('CALL_NOT_FOUND', { field: 'callId' });
    // Closed by its publisher, or past its last day: the volunteer is told which.
    if (call.status === CallToActionStatus.CLOSED) throw new DomainError('CALL_CLOSED', { field: 'callId' });
    if (!call.running) throw new DomainError('CALL_ENDED', { field: 'callId' });
    const areas = [...new Set(input.comuneIstats)];
    if (areas.some((istat) => !call.comuneIstats.includes(istat))) {
      throw new DomainError('CALL_AREA_OUTSIDE', { field: 'comuneIstats' });
    }
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO call_answers (call_id, volunteer_id, message, comune_istats, status)
       VALUES ($1, $2, $3, $4::bpchar[], 'pending') ON CONFLICT (call_id, volunteer_id) DO NOTHING RETURNING id`,
      [input.callId, profile.id, input.message?.trim() || null, areas],
    );
    if (!inserted.length) throw new DomainError('CALL_ALREADY_ANSWERED', { field: 'callId' });
    await recordStatusChange(manager, {
      entityType: CALL_ANSWER,
      entityId: inserted[0].id,
      from: null,
      to: CallAnswerStatus.PENDING,
      actorUserId: userId,
    });
    return inserted[0].id;
  }

  /**
   * The publisher closes a call (enough volunteers, the event cancelled): no new answers, from the
   * app or by SMS; the answers already given stay, and the pending ones can still be decided, so
   * their volunteers are told the call is closed and that an answer will come. Who and when are
   * on the call, in its status history and in the audit trail, all in one transaction.
   */
  async close(user: AuthenticatedUser, input: CloseCallToActionInput): Promise<CallToAction> {
    await this.dataSource.transaction(async (manager) => {
      const call = await this.lockCall(manager, input.callId);
      await this.requirePublisher(user, call, manager);
      if (call.status === CallToActionStatus.CLOSED) {
        throw new DomainError('CALL_ALREADY_CLOSED', { field: 'callId' });
      }
      await manager.query(
        `UPDATE calls_to_action SET status = 'closed', closed_at = now(), closed_by_user_id = $2 WHERE id = $1`,
        [call.id, user.userId],
      );
      const reason = input.reason?.trim() || undefined;
      await recordStatusChange(manager, {
        entityType: 'call_to_action',
        entityId: call.id,
        from: CallToActionStatus.OPEN,
        to: CallToActionStatus.CLOSED,
        actorUserId: user.userId,
        reason,
      });
      const pending: { userId: string }[] = await manager.query(
        `SELECT p.user_id AS "userId" FROM call_answers a JOIN volunteer_profiles p ON p.id = a.volunteer_id
          WHERE a.call_id = $1 AND a.status = 'pending' ORDER BY a.created_at, a.id`,
        [call.id],
      );
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
      const [ref]: { callId: string; volunteerUserId: string }[] = await manager.query(
        `SELECT a.call_id AS "callId", p.user_id AS "volunteerUserId"
           FROM call_answers a JOIN volunteer_profiles p ON p.id = a.volunteer_id WHERE a.id = $1`,
        [input.answerId],
      );
      if (!ref) throw new DomainError('CALL_ANSWER_NOT_FOUND', { field: 'answerId' });
      const call = await this.lockCall(manager, ref.callId);
      await this.requirePublisher(user, call, manager);
      const [answer]: { status: CallAnswerStatus }[] = await manager.query(
        `SELECT status FROM call_answers WHERE id = $1 FOR UPDATE`,
        [input.answerId],
      );
      if (answer.status !== CallAnswerStatus.PENDING) {
        throw new DomainError('CALL_ANSWER_NOT_PENDING', { field: 'answerId' });
      }
      if (to === CallAnswerStatus.ACCEPTED) {
        if (!call.alwaysOpen && call.acceptedCount >= (call.volunteersWanted as number)) {
          throw new DomainError('CALL_FULL', {
            field: 'answerId',
            params: { wanted: call.volunteersWanted as number },
          });
        }
        await manager.query(`UPDATE calls_to_action SET accepted_count = accepted_count + 1 WHERE id = $1`, [
          call.id,
        ]);
      }
      await manager.query(`UPDATE call_answers SET status = $2, updated_at = now() WHERE id = $1`, [
        input.answerId,
        to,
      ]);
      await recordStatusChange(manager, {
        entityType: CALL_ANSWER,
        entityId: input.answerId,
        from: answer.status,
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
    const call = await this.lockCall(this.dataSource.manager, args.callId, false);
    await this.requirePublisher(user, call, this.dataSource.manager);
    const params: unknown[] = [args.callId];
    const conditions = ['a.call_id = $1'];
    conditions.push(...afterCursorCondition(args.after, '(a.created_at, a.id)', 'ASC', params));
    params.push(args.first + 1);
    const rows: (AnswerRow & CursorAt)[] = await this.dataSource.query(
      `SELECT ${ANSWER_COLUMNS}, ${cursorAtColumn('a.created_at')} ${ANSWER_FROM}
        WHERE ${conditions.join(' AND ')} ORDER BY a.created_at, a.id LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.cursorAt, row.answerId]);
    return { items: page.items.map(toAnswer), pageInfo: page.pageInfo };
  }

  /**
   * The publisher is the institution, not only the person: staff of a territory covering the
   * call's first Comune, or the organisation's admins.
   */
  private async requirePublisher(user: AuthenticatedUser, call: LockedCall, manager: EntityManager) {
    if (call.organisationId) {
      this.access.requireOrganisationRole(user, call.organisationId, [Role.ORGANISATION_ADMIN]);
      return;
    }
    await this.access.requireComuneRole(user, call.comuneIstats[0], COMUNE_STAFF_ROLES, manager);
  }

  private async lockCall(manager: EntityManager, id: string, lock = true): Promise<LockedCall> {
    const [call]: LockedCall[] = await manager.query(
      `SELECT id, title, organisation_id AS "organisationId", comune_istats AS "comuneIstats",
              volunteers_wanted AS "volunteersWanted", accepted_count AS "acceptedCount", always_open AS "alwaysOpen", status
         FROM calls_to_action WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!call) throw new DomainError('CALL_NOT_FOUND', { field: 'callId' });
    return call;
  }

  private async callById(id: string): Promise<CallToAction> {
    const [row]: CallToAction[] = await this.dataSource.query(
      `SELECT ${CALL_COLUMNS} FROM calls_to_action ca WHERE ca.id = $1`,
      [id],
    );
    return row;
  }

  private async answerById(id: string): Promise<CallAnswer> {
    const [row]: AnswerRow[] = await this.dataSource.query(
      `SELECT ${ANSWER_COLUMNS} ${ANSWER_FROM} WHERE a.id = $1`,
      [id],
    );
    return toAnswer(row);
  }
}

const ANSWER_COLUMNS = `a.id AS "answerId", a.call_id AS "callId", a.status AS "answerStatus", a.message,
    a.comune_istats AS "answerComuni", a.created_at AS "answerCreatedAt", ${VOLUNTEER_PUBLIC_COLUMNS}`;

const ANSWER_FROM = `FROM call_answers a JOIN volunteer_profiles p ON p.id = a.volunteer_id
  JOIN comuni c ON c.istat = p.comune_istat`;

type AnswerRow = VolunteerPublicRow & {
  answerId: string;
  callId: string;
  answerStatus: CallAnswerStatus;
  message: string | null;
  answerComuni: string[];
  answerCreatedAt: Date;
};

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
