import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import { ContentType, ModerationService } from '@prossimo/moderation';
import {
  afterCursorCondition,
  CursorAt,
  cursorAtColumn,
  DomainError,
  FieldCipher,
  Page,
  recordStatusChange,
  toPage,
} from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  JoinRequest,
  JoinRequestDecisionInput,
  JoinRequestStatus,
  OfferJoinRequestsArgs,
  RequestToJoinVolunteerOfferInput,
  VolunteerOfferStatus,
} from './offer.types';

const REQUEST_COLUMNS = `r.id, r.offer_id AS "offerId", o.title AS "offerTitle", r.requester_user_id AS "requesterUserId",
  u.display_name AS "requesterName", r.seats, r.message_encrypted AS "messageEncrypted", r.status,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

const REQUEST_FROM = `volunteer_offer_join_requests r JOIN volunteer_offers o ON o.id = r.offer_id
  JOIN users u ON u.id = r.requester_user_id`;

type RequestRow = Omit<JoinRequest, 'message'> & { messageEncrypted: string | null };

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

const JOIN_REQUEST = 'volunteer_offer_join_request';

/** Joining a volunteer's offer (a seat in a ride, a place in an activity): asked, decided, cancelled. */
@Injectable()
export class JoinRequestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly access: AccessService,
    private readonly moderation: ModerationService,
  ) {}

  /** Any signed-in person except the volunteer; refused when the seats left are fewer than asked. */
  async requestToJoin(
    user: AuthenticatedUser,
    input: RequestToJoinVolunteerOfferInput,
  ): Promise<JoinRequest> {
    this.access.requireRole(user, [Role.CITIZEN, Role.VOLUNTEER]);
    const id = await this.dataSource.transaction(async (manager) => {
      const offer = await this.lockOffer(manager, input.offerId, 'offerId');
      if (!offer.published) throw new DomainError('VOLUNTEER_OFFER_NOT_FOUND', { field: 'offerId' });
      if (offer.status !== VolunteerOfferStatus.OPEN || offer.over) {
        throw new DomainError('VOLUNTEER_OFFER_CLOSED', { field: 'offerId' });
      }
      if (offer.volunteerUserId === user.userId)
        throw new DomainError('JOIN_OWN_OFFER', { field: 'offerId' });
      this.requireSeats(offer, input.seats, 'seats');
      const active: unknown[] = await manager.query(
        `SELECT 1 FROM volunteer_offer_join_requests
          WHERE offer_id = $1 AND requester_user_id = $2 AND status IN ('pending', 'accepted')`,
        [offer.id, user.userId],
      );
      if (active.length) throw new DomainError('JOIN_REQUEST_EXISTS', { field: 'offerId' });
      const message = input.message?.trim();
      const [request]: { id: string }[] = await manager.query(
        `INSERT INTO volunteer_offer_join_requests (offer_id, requester_user_id, seats, message_encrypted, status)
         VALUES ($1, $2, $3, $4, 'pending') RETURNING id`,
        [offer.id, user.userId, input.seats, message ? this.cipher.encrypt(message) : null],
      );
      await recordStatusChange(manager, {
        entityType: JOIN_REQUEST,
        entityId: request.id,
        from: null,
        to: JoinRequestStatus.PENDING,
        actorUserId: user.userId,
      });
      return request.id;
    });
    return this.requestById(id);
  }

  /** The volunteer accepts; the offer row lock keeps accepted seats within the free seats. */
  async accept(user: AuthenticatedUser, input: JoinRequestDecisionInput): Promise<JoinRequest> {
    return this.decide(user, input, JoinRequestStatus.ACCEPTED);
  }

  async decline(user: AuthenticatedUser, input: JoinRequestDecisionInput): Promise<JoinRequest> {
    return this.decide(user, input, JoinRequestStatus.DECLINED);
  }

  private async decide(
    user: AuthenticatedUser,
    input: JoinRequestDecisionInput,
    to: JoinRequestStatus.ACCEPTED | JoinRequestStatus.DECLINED,
  ): Promise<JoinRequest> {
    this.access.requireRole(user, [Role.VOLUNTEER]);
    await this.dataSource.transaction(async (manager) => {
      const offerId = await this.offerOfRequest(manager, input.requestId);
      // Lock order everywhere: the offer, then the request.
      const offer = await this.lockOffer(manager, offerId, 'requestId');
      if (offer.volunteerUserId !== user.userId) throw new DomainError('FORBIDDEN');
      const request = await this.lockRequest(manager, input.requestId);
      if (request.status !== JoinRequestStatus.PENDING) {
        throw new DomainError('JOIN_REQUEST_NOT_PENDING', { field: 'requestId' });
      }
      if (to === JoinRequestStatus.ACCEPTED) {
        if (offer.status !== VolunteerOfferStatus.OPEN || offer.over) {
          throw new DomainError('VOLUNTEER_OFFER_CLOSED', { field: 'requestId' });
        }
        this.requireSeats(offer, request.seats, 'requestId');
        await manager.query(
          `UPDATE volunteer_offers SET accepted_seats = accepted_seats + $2 WHERE id = $1`,
          [offer.id, request.seats],
        );
      }
      await this.setRequestStatus(manager, request.id, request.status, to, user.userId, input.reason);
    });
    return this.requestById(input.requestId);
  }

  /** The requester withdraws; accepted seats go back to the offer. */
  async cancel(user: AuthenticatedUser, input: JoinRequestDecisionInput): Promise<JoinRequest> {
    await this.dataSource.transaction(async (manager) => {
      const offerId = await this.offerOfRequest(manager, input.requestId);
      await this.lockOffer(manager, offerId, 'requestId');
      const request = await this.lockRequest(manager, input.requestId);
      if (request.requesterUserId !== user.userId) throw new DomainError('FORBIDDEN');
      if (request.status !== JoinRequestStatus.PENDING && request.status !== JoinRequestStatus.ACCEPTED) {
        throw new DomainError('JOIN_REQUEST_NOT_ACTIVE', { field: 'requestId' });
      }
      if (request.status === JoinRequestStatus.ACCEPTED) {
        await manager.query(
          `UPDATE volunteer_offers SET accepted_seats = accepted_seats - $2 WHERE id = $1`,
          [offerId, request.seats],
        );
      }
      await this.setRequestStatus(
        manager,
        request.id,
        request.status,
        JoinRequestStatus.CANCELLED,
        user.userId,
        input.reason,
      );
    });
    return this.requestById(input.requestId);
  }

  async myJoinRequests(
    user: AuthenticatedUser,
    args: { first: number; after?: string },
  ): Promise<Page<JoinRequest>> {
    return this.requestPage('r.requester_user_id = $1', [user.userId], args);
  }

  /** The volunteer who made the offer sees who asked to join. */
  async requestsForOffer(user: AuthenticatedUser, args: OfferJoinRequestsArgs): Promise<Page<JoinRequest>> {
    const [owner]: { userId: string }[] = await this.dataSource.query(
      `SELECT p.user_id AS "userId" FROM volunteer_offers o JOIN volunteer_profiles p ON p.id = o.volunteer_id
        WHERE o.id = $1`,
      [args.offerId],
    );
    if (!owner) throw new DomainError('VOLUNTEER_OFFER_NOT_FOUND', { field: 'offerId' });
    if (owner.userId !== user.userId) throw new DomainError('FORBIDDEN');
    return this.requestPage('r.offer_id = $1', [args.offerId], args);
  }

  private async requestPage(
    condition: string,
    base: unknown[],
    args: { first: number; after?: string },
  ): Promise<Page<JoinRequest>> {
    const params = [...base];
    const conditions = [condition];
    conditions.push(...afterCursorCondition(args.after, '(r.created_at, r.id)', 'DESC', params));
    params.push(args.first + 1);
    const rows: (RequestRow & CursorAt)[] = await this.dataSource.query(
      `SELECT ${REQUEST_COLUMNS}, ${cursorAtColumn('r.created_at')} FROM ${REQUEST_FROM}
        WHERE ${conditions.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.cursorAt, row.id]);
    return { items: page.items.map((row) => this.toRequest(row)), pageInfo: page.pageInfo };
  }

  private requireSeats(offer: LockedOffer, seats: number, field: string): void {
    if (offer.capacity === null) return;
    const seatsLeft = offer.capacity - offer.acceptedSeats;
    if (seats > seatsLeft) throw new DomainError('NOT_ENOUGH_SEATS', { field, params: { seatsLeft } });
  }

  async lockOffer(manager: EntityManager, offerId: string, field: string): Promise<LockedOffer> {
    const [offer]: LockedOffer[] = await manager.query(
      `SELECT o.id, p.user_id AS "volunteerUserId", o.status, o.capacity, o.accepted_seats AS "acceptedSeats",
              NOT (upper_inf(o.during) OR upper(o.during) > now()) AS over,
              ${this.moderation.publishedCondition(ContentType.VOLUNTEER_OFFER, 'o.id')} AS published
         FROM volunteer_offers o JOIN volunteer_profiles p ON p.id = o.volunteer_id
        WHERE o.id = $1 FOR UPDATE OF o`,
      [offerId],
    );
    if (!offer) throw new DomainError('VOLUNTEER_OFFER_NOT_FOUND', { field });
    return offer;
  }

  private async offerOfRequest(manager: EntityManager, requestId: string): Promise<string> {
    const [row]: { offerId: string }[] = await manager.query(
      `SELECT offer_id AS "offerId" FROM volunteer_offer_join_requests WHERE id = $1`,
      [requestId],
    );
    if (!row) throw new DomainError('JOIN_REQUEST_NOT_FOUND', { field: 'requestId' });
    return row.offerId;
  }

  private async lockRequest(
    manager: EntityManager,
    requestId: string,
  ): Promise<{ id: string; status: JoinRequestStatus; seats: number; requesterUserId: string }> {
    const [row]: { id: string; status: JoinRequestStatus; seats: number; requesterUserId: string }[] =
      await manager.query(
        `SELECT id, status, seats, requester_user_id AS "requesterUserId"
           FROM volunteer_offer_join_requests WHERE id = $1 FOR UPDATE`,
        [requestId],
      );
    return row;
  }

  async setRequestStatus(
    manager: EntityManager,
    id: string,
    from: JoinRequestStatus,
    to: JoinRequestStatus,
    actorUserId: string,
    reason?: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE volunteer_offer_join_requests SET status = $2, updated_at = now() WHERE id = $1`,
      [id, to],
    );
    await recordStatusChange(manager, {
      entityType: JOIN_REQUEST,
      entityId: id,
      from,
      to,
      actorUserId,
      reason,
    });
  }

  private async requestById(id: string): Promise<JoinRequest> {
    const [row]: RequestRow[] = await this.dataSource.query(
      `SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.id = $1`,
      [id],
    );
    return this.toRequest(row);
  }

  private toRequest(row: RequestRow): JoinRequest {
    const { messageEncrypted, ...rest } = row;
    return { ...rest, message: messageEncrypted ? this.cipher.decrypt(messageEncrypted) : null };
  }
}
