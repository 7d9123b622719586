import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import {
  CursorAt,
  DomainError,
  FieldCipher,
  Page,
  Queryable,
  recordStatusChange,
  toKeysetPage,
} from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { JoinRequestsRepository, LockedOffer, RequestRow } from './join-requests.repository';
import {
  JoinRequest,
  JoinRequestDecisionInput,
  JoinRequestStatus,
  OfferJoinRequestsArgs,
  RequestToJoinVolunteerOfferInput,
  VolunteerOfferStatus,
} from './offer.types';

const JOIN_REQUEST = 'volunteer_offer_join_request';

/** Joining a volunteer's offer (a seat in a ride, a place in an activity): asked, decided, cancelled. */
@Injectable()
export class JoinRequestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly access: AccessService,
    private readonly requests: JoinRequestsRepository,
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
      if (await this.requests.hasActiveRequest(manager, offer.id, user.userId))
        throw new DomainError('JOIN_REQUEST_EXISTS', { field: 'offerId' });
      const message = input.message?.trim();
      const requestId = await this.requests.insertRequest(
        manager,
        offer.id,
        user.userId,
        input.seats,
        message ? this.cipher.encrypt(message) : null,
      );
      await recordStatusChange(manager, {
        entityType: JOIN_REQUEST,
        entityId: requestId,
        from: null,
        to: JoinRequestStatus.PENDING,
        actorUserId: user.userId,
      });
      return requestId;
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
      const request = await this.requests.lockRequest(manager, input.requestId);
      if (request.status !== JoinRequestStatus.PENDING) {
        throw new DomainError('JOIN_REQUEST_NOT_PENDING', { field: 'requestId' });
      }
      if (to === JoinRequestStatus.ACCEPTED) {
        if (offer.status !== VolunteerOfferStatus.OPEN || offer.over) {
          throw new DomainError('VOLUNTEER_OFFER_CLOSED', { field: 'requestId' });
        }
        this.requireSeats(offer, request.seats, 'requestId');
        await this.requests.addAcceptedSeats(manager, offer.id, request.seats);
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
      const request = await this.requests.lockRequest(manager, input.requestId);
      if (request.requesterUserId !== user.userId) throw new DomainError('FORBIDDEN');
      if (request.status !== JoinRequestStatus.PENDING && request.status !== JoinRequestStatus.ACCEPTED) {
        throw new DomainError('JOIN_REQUEST_NOT_ACTIVE', { field: 'requestId' });
      }
      if (request.status === JoinRequestStatus.ACCEPTED) {
        await this.requests.releaseAcceptedSeats(manager, offerId, request.seats);
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
    return this.toRequestPage(await this.requests.findRequestsPageOfRequester(user.userId, args), args.first);
  }

  /** The volunteer who made the offer sees who asked to join. */
  async requestsForOffer(user: AuthenticatedUser, args: OfferJoinRequestsArgs): Promise<Page<JoinRequest>> {
    const ownerUserId = await this.requests.findOfferOwner(args.offerId);
    if (!ownerUserId) throw new DomainError('VOLUNTEER_OFFER_NOT_FOUND', { field: 'offerId' });
    if (ownerUserId !== user.userId) throw new DomainError('FORBIDDEN');
    return this.toRequestPage(await this.requests.findRequestsPageOfOffer(args.offerId, args), args.first);
  }

  private toRequestPage(rows: (RequestRow & CursorAt)[], first: number): Page<JoinRequest> {
    return toKeysetPage(rows, first, (row) => this.toRequest(row));
  }

  private requireSeats(offer: LockedOffer, seats: number, field: string): void {
    if (offer.capacity === null) return;
    const seatsLeft = offer.capacity - offer.acceptedSeats;
    if (seats > seatsLeft) throw new DomainError('NOT_ENOUGH_SEATS', { field, params: { seatsLeft } });
  }

  async lockOffer(manager: Queryable, offerId: string, field: string): Promise<LockedOffer> {
    const offer = await this.requests.lockOffer(manager, offerId);
    if (!offer) throw new DomainError('VOLUNTEER_OFFER_NOT_FOUND', { field });
    return offer;
  }

  private async offerOfRequest(manager: Queryable, requestId: string): Promise<string> {
    const offerId = await this.requests.findOfferIdOfRequest(manager, requestId);
    if (!offerId) throw new DomainError('JOIN_REQUEST_NOT_FOUND', { field: 'requestId' });
    return offerId;
  }

  async setRequestStatus(
    manager: EntityManager,
    id: string,
    from: JoinRequestStatus,
    to: JoinRequestStatus,
    actorUserId: string,
    reason?: string,
  ): Promise<void> {
    await this.requests.updateRequestStatus(manager, id, to);
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
    return this.toRequest(await this.requests.findRequest(id));
  }

  private toRequest(row: RequestRow): JoinRequest {
    const { messageEncrypted, ...rest } = row;
    return { ...rest, message: messageEncrypted ? this.cipher.decrypt(messageEncrypted) : null };
  }
}
