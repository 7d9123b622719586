import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { usersAs } from '@prossimo/identity';
import { ContentType, ModerationService } from '@prossimo/moderation';
import { CursorAt, firstRow, firstValue, keysetPageSql, onlyRow, Queryable } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { JoinRequest, JoinRequestStatus, VolunteerOfferStatus } from './offer.types';

const REQUEST_COLUMNS = `r.id, r.offer_id AS "offerId", o.title AS "offerTitle", r.requester_user_id AS "requesterUserId",
  u.display_name AS "requesterName", r.seats, r.message_encrypted AS "messageEncrypted", r.status,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

const REQUEST_FROM = `volunteer_offer_join_requests r JOIN volunteer_offers o ON o.id = r.offer_id
  JOIN ${usersAs('u')} ON u.id = r.requester_user_id`;

/** A join request as read, the message still encrypted. */
export type RequestRow = Omit<JoinRequest, 'message'> & { messageEncrypted: string | null };

/** The offer row as locked for a join decision. */
export interface LockedOffer {
  id: string;
  volunteerUserId: string;
  status: VolunteerOfferStatus;
  capacity: number | null;
  acceptedSeats: number;
  over: boolean;
  published: boolean;
}

/** A join request as locked for a decision. */
export interface LockedRequest {
  id: string;
  status: JoinRequestStatus;
  seats: number;
  requesterUserId: string;
}

/**
 * Join requests to volunteers' offers, and the offers' seat counts. Reads joined from other
 * libraries: users (identity), moderation_items (moderation).
 */
@Injectable()
export class JoinRequestsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moderation: ModerationService,
  ) {}

  /** The offer with its owner, locked (FOR UPDATE OF the offer); undefined if there is none. */
  async lockOffer(db: Queryable, offerId: string): Promise<LockedOffer | undefined> {
    return firstRow<LockedOffer>(
      db,
      `SELECT o.id, p.user_id AS "volunteerUserId", o.status, o.capacity, o.accepted_seats AS "acceptedSeats",
              NOT (upper_inf(o.during) OR upper(o.during) > now()) AS over,
              ${this.moderation.publishedCondition(ContentType.VOLUNTEER_OFFER, 'o.id')} AS published
         FROM volunteer_offers o JOIN volunteer_profiles p ON p.id = o.volunteer_id
        WHERE o.id = $1 FOR UPDATE OF o`,
      [offerId],
    );
  }

  /** Whether the person has a pending or accepted request for the offer. */
  async hasActiveRequest(db: Queryable, offerId: string, requesterUserId: string): Promise<boolean> {
    const active: unknown[] = await db.query(
      `SELECT 1 FROM volunteer_offer_join_requests
          WHERE offer_id = $1 AND requester_user_id = $2 AND status IN ('pending', 'accepted')`,
      [offerId, requesterUserId],
    );
    return active.length > 0;
  }

  /** A pending request; answers its id. */
  async insertRequest(
    db: Queryable,
    offerId: string,
    requesterUserId: string,
    seats: number,
    messageEncrypted: string | null,
  ): Promise<string> {
    const request = await onlyRow<{ id: string }>(
      db,
      `INSERT INTO volunteer_offer_join_requests (offer_id, requester_user_id, seats, message_encrypted, status)
         VALUES ($1, $2, $3, $4, 'pending') RETURNING id`,
      [offerId, requesterUserId, seats, messageEncrypted],
    );
    return request.id;
  }

  async addAcceptedSeats(db: Queryable, offerId: string, seats: number): Promise<void> {
    await db.query(`UPDATE volunteer_offers SET accepted_seats = accepted_seats + $2 WHERE id = $1`, [
      offerId,
      seats,
    ]);
  }

  async releaseAcceptedSeats(db: Queryable, offerId: string, seats: number): Promise<void> {
    await db.query(`UPDATE volunteer_offers SET accepted_seats = accepted_seats - $2 WHERE id = $1`, [
      offerId,
      seats,
    ]);
  }

  /** The user who made the offer; undefined if there is no such offer. */
  async findOfferOwner(offerId: string): Promise<string | undefined> {
    return firstValue<string>(
      this.dataSource,
      `SELECT p.user_id AS "userId" FROM volunteer_offers o JOIN volunteer_profiles p ON p.id = o.volunteer_id
        WHERE o.id = $1`,
      [offerId],
    );
  }

  /** The person's requests, newest first, a page plus one. */
  async findRequestsPageOfRequester(
    userId: string,
    args: { first: number; after?: string },
  ): Promise<(RequestRow & CursorAt)[]> {
    return this.findRequestsPage('r.requester_user_id = $1', [userId], args);
  }

  /** The requests to join an offer, newest first, a page plus one. */
  async findRequestsPageOfOffer(
    offerId: string,
    args: { first: number; after?: string },
  ): Promise<(RequestRow & CursorAt)[]> {
    return this.findRequestsPage('r.offer_id = $1', [offerId], args);
  }

  private async findRequestsPage(
    condition: string,
    base: unknown[],
    args: { first: number; after?: string },
  ): Promise<(RequestRow & CursorAt)[]> {
    const params = [...base];
    const conditions = [condition];
    const keyset = keysetPageSql({ at: 'r.created_at', id: 'r.id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT ${REQUEST_COLUMNS}, ${keyset.cursorColumn} FROM ${REQUEST_FROM}
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** The offer a request is for; undefined if there is no such request. */
  async findOfferIdOfRequest(db: Queryable, requestId: string): Promise<string | undefined> {
    return firstValue<string>(
      db,
      `SELECT offer_id AS "offerId" FROM volunteer_offer_join_requests WHERE id = $1`,
      [requestId],
    );
  }

  /** The request, locked (FOR UPDATE). */
  async lockRequest(db: Queryable, requestId: string): Promise<LockedRequest> {
    return onlyRow<LockedRequest>(
      db,
      `SELECT id, status, seats, requester_user_id AS "requesterUserId"
           FROM volunteer_offer_join_requests WHERE id = $1 FOR UPDATE`,
      [requestId],
    );
  }

  /** The offer's pending and accepted requests, locked (FOR UPDATE). */
  async lockActiveRequestsOfOffer(
    db: Queryable,
    offerId: string,
  ): Promise<{ id: string; status: JoinRequestStatus }[]> {
    return db.query(
      `SELECT id, status FROM volunteer_offer_join_requests
          WHERE offer_id = $1 AND status IN ('pending', 'accepted') FOR UPDATE`,
      [offerId],
    );
  }

  async updateRequestStatus(db: Queryable, requestId: string, to: JoinRequestStatus): Promise<void> {
    await db.query(`UPDATE volunteer_offer_join_requests SET status = $2, updated_at = now() WHERE id = $1`, [
      requestId,
      to,
    ]);
  }

  async findRequest(requestId: string): Promise<RequestRow> {
    return onlyRow<RequestRow>(
      this.dataSource,
      `SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.id = $1`,
      [requestId],
    );
  }
}
