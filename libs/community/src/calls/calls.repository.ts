import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContentType, ModerationService, moderationStatusSql } from '@prossimo/moderation';
import { CursorAt, firstRow, firstValue, keysetPageSql, onlyRow, Queryable } from '@prossimo/platform';
import { organisationNameSql } from '@prossimo/directory';
import { comuniAs, joinComuneSql } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { VOLUNTEER_PUBLIC_COLUMNS, VolunteerPublicRow } from '../volunteers/volunteers.repository';
import {
  CallAnswerStatus,
  CallsToActionArgs,
  CallToAction,
  CallToActionStatus,
  ComuneCallsArgs,
  OrganisationCallsArgs,
  PublisherCallsArgs,
} from './call.types';

const CALL_COLUMNS = `ca.id, ca.title, ca.description, ca.categories, to_char(ca.starts_on, 'YYYY-MM-DD') AS "startsOn",
  to_char(ca.ends_on, 'YYYY-MM-DD') AS "endsOn", ca.volunteers_wanted AS "volunteersWanted",
  ca.accepted_count AS "acceptedCount", ca.always_open AS "alwaysOpen", ca.organisation_id AS "organisationId",
  ca.status, ca.closed_at AS "closedAt", ca.created_at AS "createdAt",
  json_build_object(
    'kind', CASE WHEN ca.organisation_id IS NULL THEN 'comune' ELSE 'organisation' END,
    'name', COALESCE(${organisationNameSql('ca.organisation_id')},
                     (SELECT pc.name FROM ${comuniAs('pc')} WHERE pc.istat = ca.comune_istats[1]))) AS publisher,
  (SELECT json_agg(json_build_object('istat', cm.istat, 'name', cm.name) ORDER BY cm.name)
     FROM ${comuniAs('cm')} WHERE cm.istat = ANY(ca.comune_istats)) AS places`;

/** Still taking answers: open, and its last day (Rome calendar) not yet past. */
const CALL_RUNNING = `ca.status = 'open' AND (ca.ends_on IS NULL OR ca.ends_on >= (now() AT TIME ZONE 'Europe/Rome')::date)`;

/** The call's answers still to decide (found through call_answers_call_idx). */
const PENDING_ANSWERS_OF_CALL = `FROM call_answers pa WHERE pa.call_id = ca.id AND pa.status = 'pending'`;

const ANSWER_COLUMNS = `a.id AS "answerId", a.call_id AS "callId", a.status AS "answerStatus", a.message,
    a.comune_istats AS "answerComuni", a.created_at AS "answerCreatedAt", ${VOLUNTEER_PUBLIC_COLUMNS}`;

const ANSWER_FROM = `FROM call_answers a JOIN volunteer_profiles p ON p.id = a.volunteer_id
  ${joinComuneSql('c', 'p.comune_istat')}`;

/** An answer with its volunteer's public profile. */
export type AnswerRow = VolunteerPublicRow & {
  answerId: string;
  callId: string;
  answerStatus: CallAnswerStatus;
  message: string | null;
  answerComuni: string[];
  answerCreatedAt: Date;
};

/** One of the person's answers, with its call's id. */
export interface MyAnswerRow {
  id: string;
  callId: string;
  status: CallAnswerStatus;
  createdAt: Date;
}

/** The call row as read (and locked) for a decision. */
export interface LockedCall {
  id: string;
  title: string;
  organisationId: string | null;
  comuneIstats: string[];
  volunteersWanted: number | null;
  acceptedCount: number;
  alwaysOpen: boolean;
  status: CallToActionStatus;
}

/** A call as its publisher writes it, values checked. */
export interface CallValues {
  publisherUserId: string;
  organisationId: string | null;
  title: string;
  description: string;
  categories: string[];
  startsOn: string;
  endsOn: string | null;
  comuneIstats: string[];
  volunteersWanted: number | null;
  alwaysOpen: boolean;
}

/** A published call as an answer to it needs it. */
export interface CallForAnswer {
  comuneIstats: string[];
  running: boolean;
  status: CallToActionStatus;
}

/**
 * Calls to action and their answers. Reads joined from other libraries: comuni (territory),
 * moderation_items (moderation), users (identity, for an SMS reply's sender), organisations'
 * names (directory).
 */
@Injectable()
export class CallsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moderation: ModerationService,
  ) {}

  /** Whether the call is targeted and its volunteers not told yet; undefined if there is no such call. */
  async isTargetedAndUntold(db: Queryable, callId: string): Promise<boolean | undefined> {
    return firstValue<boolean>(
      db,
      `SELECT NOT always_open AND volunteers_notified_at IS NULL AS targeted FROM calls_to_action WHERE id = $1`,
      [callId],
    );
  }

  /** An open call; answers its id. */
  async insertCall(db: Queryable, values: CallValues): Promise<string> {
    const call = await onlyRow<{ id: string }>(
      db,
      `INSERT INTO calls_to_action (publisher_user_id, organisation_id, title, description, categories, starts_on,
           ends_on, comune_istats, volunteers_wanted, always_open)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::bpchar[], $9, $10) RETURNING id`,
      [
        values.publisherUserId,
        values.organisationId,
        values.title,
        values.description,
        values.categories,
        values.startsOn,
        values.endsOn,
        values.comuneIstats,
        values.volunteersWanted,
        values.alwaysOpen,
      ],
    );
    return call.id;
  }

  /** Published calls still taking answers, optionally in a Comune; newest first, a page plus one. */
  async findRunningCallsPage(args: CallsToActionArgs): Promise<(CallToAction & CursorAt)[]> {
    const params: unknown[] = [];
    const conditions = [
      CALL_RUNNING,
      this.moderation.publishedCondition(ContentType.CALL_TO_ACTION, 'ca.id'),
    ];
    if (args.comuneIstat) {
      params.push(args.comuneIstat);
      conditions.push(`ca.comune_istats @> ARRAY[$${params.length}::bpchar]`);
    }
    const keyset = keysetPageSql({ at: 'ca.created_at', id: 'ca.id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT ${CALL_COLUMNS}, ${keyset.cursorColumn} FROM calls_to_action ca
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  /**
   * A publisher's calls in any state (`publisher`: the SQL condition naming them, its parameters in
   * `params`), with their moderation status and answers to decide; newest first, a page plus one.
   */
  async findPublisherCallsPage(
    publisher: string,
    params: unknown[],
    args: PublisherCallsArgs,
  ): Promise<(CallToAction & CursorAt)[]> {
    const conditions = [publisher];
    if (args.withPendingAnswers) conditions.push(`EXISTS (SELECT 1 ${PENDING_ANSWERS_OF_CALL})`);
    const keyset = keysetPageSql({ at: 'ca.created_at', id: 'ca.id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT ${CALL_COLUMNS}, ${keyset.cursorColumn},
              ${moderationStatusSql(ContentType.CALL_TO_ACTION, 'ca.id')} AS "moderationStatus",
              (SELECT count(*)::int ${PENDING_ANSWERS_OF_CALL}) AS "pendingAnswerCount"
         FROM calls_to_action ca
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** The organisation's calls (see findPublisherCallsPage). */
  findOrganisationCallsPage(args: OrganisationCallsArgs): Promise<(CallToAction & CursorAt)[]> {
    return this.findPublisherCallsPage('ca.organisation_id = $1', [args.organisationId], args);
  }

  /**
   * The Comune's own calls (no organisation's) whose first Comune, the one their publisher answers
   * for, passes `inScope` (a condition on that Comune's code, parameters in `params`).
   */
  findComuneCallsPage(
    inScope: (comuneColumn: string, params: unknown[]) => string,
    args: ComuneCallsArgs,
  ): Promise<(CallToAction & CursorAt)[]> {
    const params: unknown[] = [];
    const publisher = `ca.organisation_id IS NULL AND ${inScope('ca.comune_istats[1]', params)}`;
    return this.findPublisherCallsPage(publisher, params, args);
  }

  /** The person's volunteer profile id; undefined without one. */
  async findProfileIdOfUser(db: Queryable, userId: string): Promise<string | undefined> {
    return firstValue<string>(db, `SELECT id FROM volunteer_profiles WHERE user_id = $1`, [userId]);
  }

  /** The call if it is published, with whether it still takes answers; undefined otherwise. */
  async findPublishedCallForAnswer(db: Queryable, callId: string): Promise<CallForAnswer | undefined> {
    return firstRow<CallForAnswer>(
      db,
      `SELECT ca.comune_istats AS "comuneIstats", ca.status, (${CALL_RUNNING}) AS running FROM calls_to_action ca
        WHERE ca.id = $1 AND ${this.moderation.publishedCondition(ContentType.CALL_TO_ACTION, 'ca.id')}`,
      [callId],
    );
  }

  /** A pending answer; its id, or undefined when the volunteer has already answered the call. */
  async insertAnswer(
    db: Queryable,
    callId: string,
    volunteerId: string,
    message: string | null,
    comuneIstats: string[],
  ): Promise<string | undefined> {
    return firstValue<string>(
      db,
      `INSERT INTO call_answers (call_id, volunteer_id, message, comune_istats, status)
       VALUES ($1, $2, $3, $4::bpchar[], 'pending') ON CONFLICT (call_id, volunteer_id) DO NOTHING RETURNING id`,
      [callId, volunteerId, message, comuneIstats],
    );
  }

  async closeCall(db: Queryable, callId: string, closedByUserId: string): Promise<void> {
    await db.query(
      `UPDATE calls_to_action SET status = 'closed', closed_at = now(), closed_by_user_id = $2 WHERE id = $1`,
      [callId, closedByUserId],
    );
  }

  /** The users whose answers to the call have this status, oldest answer first. */
  async findAnswerers(
    db: Queryable,
    callId: string,
    status: CallAnswerStatus,
  ): Promise<{ userId: string }[]> {
    return db.query(
      `SELECT p.user_id AS "userId" FROM call_answers a JOIN volunteer_profiles p ON p.id = a.volunteer_id
          WHERE a.call_id = $1 AND a.status = $2 ORDER BY a.created_at, a.id`,
      [callId, status],
    );
  }

  /** Whether the person answered the call and the answer has this status. */
  async hasAnswerWithStatus(callId: string, userId: string, status: CallAnswerStatus): Promise<boolean> {
    const row = await firstRow<{ found: number }>(
      this.dataSource,
      `SELECT 1 AS found FROM call_answers a JOIN volunteer_profiles p ON p.id = a.volunteer_id
        WHERE a.call_id = $1 AND p.user_id = $2 AND a.status = $3`,
      [callId, userId, status],
    );
    return Boolean(row);
  }

  /** The answer's call and volunteer; undefined if there is no such answer. */
  async findAnswerRef(
    db: Queryable,
    answerId: string,
  ): Promise<{ callId: string; volunteerUserId: string } | undefined> {
    return firstRow<{ callId: string; volunteerUserId: string }>(
      db,
      `SELECT a.call_id AS "callId", p.user_id AS "volunteerUserId"
           FROM call_answers a JOIN volunteer_profiles p ON p.id = a.volunteer_id WHERE a.id = $1`,
      [answerId],
    );
  }

  /** The answer's status, its row locked (FOR UPDATE). */
  async lockAnswerStatus(db: Queryable, answerId: string): Promise<CallAnswerStatus> {
    const answer = await onlyRow<{ status: CallAnswerStatus }>(
      db,
      `SELECT status FROM call_answers WHERE id = $1 FOR UPDATE`,
      [answerId],
    );
    return answer.status;
  }

  async countAcceptance(db: Queryable, callId: string): Promise<void> {
    await db.query(`UPDATE calls_to_action SET accepted_count = accepted_count + 1 WHERE id = $1`, [callId]);
  }

  async updateAnswerStatus(db: Queryable, answerId: string, to: CallAnswerStatus): Promise<void> {
    await db.query(`UPDATE call_answers SET status = $2, updated_at = now() WHERE id = $1`, [answerId, to]);
  }

  /** Who answered a call, oldest first, a page plus one. */
  async findAnswersPage(
    callId: string,
    args: { first: number; after?: string },
  ): Promise<(AnswerRow & CursorAt)[]> {
    const params: unknown[] = [callId];
    const conditions = ['a.call_id = $1'];
    const keyset = keysetPageSql({ at: 'a.created_at', id: 'a.id' }, 'ASC', args, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT ${ANSWER_COLUMNS}, ${keyset.cursorColumn} ${ANSWER_FROM}
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** The call for a decision, its row locked (FOR UPDATE) unless `lock` is false; undefined if none. */
  async findCallForDecision(db: Queryable, callId: string, lock: boolean): Promise<LockedCall | undefined> {
    return firstRow<LockedCall>(
      db,
      `SELECT id, title, organisation_id AS "organisationId", comune_istats AS "comuneIstats",
              volunteers_wanted AS "volunteersWanted", accepted_count AS "acceptedCount", always_open AS "alwaysOpen", status
         FROM calls_to_action WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [callId],
    );
  }

  /** The person's answers to calls, newest first (call_answers_volunteer_idx); a page plus one. */
  async findMyAnswersPage(
    userId: string,
    args: { first: number; after?: string },
  ): Promise<(MyAnswerRow & CursorAt)[]> {
    const params: unknown[] = [userId];
    const keyset = keysetPageSql({ at: 'a.created_at', id: 'a.id' }, 'DESC', args, params);
    return this.dataSource.query(
      `SELECT a.id, a.call_id AS "callId", a.status, a.created_at AS "createdAt", ${keyset.cursorColumn}
         FROM call_answers a JOIN volunteer_profiles p ON p.id = a.volunteer_id
        WHERE ${['p.user_id = $1', ...keyset.after].join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** These calls, in no particular order. */
  async findCalls(callIds: readonly string[]): Promise<CallToAction[]> {
    if (!callIds.length) return [];
    return this.dataSource.query(
      `SELECT ${CALL_COLUMNS} FROM calls_to_action ca WHERE ca.id = ANY($1::uuid[])`,
      [callIds],
    );
  }

  async findCall(callId: string): Promise<CallToAction> {
    return onlyRow<CallToAction>(
      this.dataSource,
      `SELECT ${CALL_COLUMNS} FROM calls_to_action ca WHERE ca.id = $1`,
      [callId],
    );
  }

  async findAnswer(answerId: string): Promise<AnswerRow> {
    return onlyRow<AnswerRow>(this.dataSource, `SELECT ${ANSWER_COLUMNS} ${ANSWER_FROM} WHERE a.id = $1`, [
      answerId,
    ]);
  }
}
