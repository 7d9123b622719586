import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import { ContentType, ModerationService } from '@prossimo/moderation';
import { CursorAt, DomainError, Page, Queryable, recordStatusChange, toKeysetPage } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import {
  addDays,
  formatClock,
  fromLocal,
  isCalendarDate,
  MINUTES_PER_DAY,
  parseClock,
  todayInRome,
} from '../availability/time-windows';
import { HelpCategory } from '../reference/category';
import { roundedKm } from '../reference/geo';
import { ReferenceReadsRepository } from '../reference/reference-reads.repository';
import { askMatching } from '../volunteers/volunteer.service';
import {
  CancelVolunteerOfferInput,
  JoinRequestStatus,
  PublishVolunteerOfferInput,
  RideOfferInput,
  SkillOfferInput,
  VolunteerOffer,
  VolunteerOfferKind,
  VolunteerOfferSearchArgs,
  VolunteerOfferStatus,
} from './offer.types';
import { JoinRequestService } from './join-request.service';
import { JoinRequestsRepository } from './join-requests.repository';
import { OfferRow, OffersRepository, OfferValues, PublishingProfile } from './offers.repository';

@Injectable()
export class OfferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly moderation: ModerationService,
    private readonly joinRequests: JoinRequestService,
    private readonly offers: OffersRepository,
    private readonly requests: JoinRequestsRepository,
    private readonly references: ReferenceReadsRepository,
  ) {}

  async publish(user: AuthenticatedUser, input: PublishVolunteerOfferInput): Promise<VolunteerOffer> {
    this.access.requireRole(user, [Role.VOLUNTEER]);
    const id = await this.dataSource.transaction(async (manager) => {
      const profile = await this.offers.findPublishingProfile(manager, user.userId);
      if (!profile) throw new DomainError('VOLUNTEER_PROFILE_REQUIRED');
      const values =
        input.kind === VolunteerOfferKind.RIDE
          ? await this.rideValues(manager, input, profile)
          : await this.skillValues(manager, input, profile.comuneIstat);
      const offerId = await this.offers.insertOffer(
        manager,
        profile.id,
        input.kind,
        input.description?.trim() ?? '',
        values,
      );
      await recordStatusChange(manager, {
        entityType: 'volunteer_offer',
        entityId: offerId,
        from: null,
        to: VolunteerOfferStatus.OPEN,
        actorUserId: user.userId,
      });
      await this.moderation.submit(manager, {
        contentType: ContentType.VOLUNTEER_OFFER,
        contentId: offerId,
        comuneIstat: values.comuneIstat,
        authorUserId: user.userId,
        summary: `${values.title}: ${input.description?.trim() ?? ''}`,
      });
      await askMatching(manager, profile.id);
      return offerId;
    });
    return this.offerById(id);
  }

  private async rideValues(
    manager: Queryable,
    input: PublishVolunteerOfferInput,
    profile: PublishingProfile,
  ): Promise<OfferValues> {
    if (!input.ride || input.skill) throw new DomainError('VOLUNTEER_OFFER_DETAILS', { field: 'ride' });
    const ride: RideOfferInput = input.ride;
    if (ride.departureAt <= new Date()) {
      throw new DomainError('VOLUNTEER_OFFER_IN_THE_PAST', { field: 'ride.departureAt' });
    }
    // A ride is offered in the volunteer's own vehicle, as declared in the profile.
    if (profile.vehicleSeats === null) throw new DomainError('VEHICLE_REQUIRED', { field: 'ride' });
    if (ride.freeSeats > profile.vehicleSeats) {
      throw new DomainError('RIDE_SEATS_OVER_VEHICLE', {
        field: 'ride.freeSeats',
        params: { seats: profile.vehicleSeats },
      });
    }
    if (ride.wheelchairOk && !profile.accessible) {
      throw new DomainError('VEHICLE_NOT_ACCESSIBLE', { field: 'ride.wheelchairOk' });
    }
    const from = await this.references.nearestComune(manager, ride.fromLat, ride.fromLon, 'ride.fromLat');
    await this.references.nearestComune(manager, ride.toLat, ride.toLon, 'ride.toLat');
    const fromPlace = ride.fromPlace.trim();
    const toPlace = ride.toPlace.trim();
    return {
      category: input.category ?? HelpCategory.RIDES_AND_ACCOMPANIMENT,
      title: input.title?.trim() || `${fromPlace} → ${toPlace}`,
      comuneIstat: from.istat,
      lat: ride.fromLat,
      lon: ride.fromLon,
      startsAt: ride.departureAt,
      endsAt: ride.departureAt,
      bounds: '[]',
      fromPlace,
      toPlace,
      toLat: ride.toLat,
      toLon: ride.toLon,
      departureAt: ride.departureAt,
      wheelchairOk: ride.wheelchairOk,
      daysOfWeek: null,
      startMinute: null,
      endMinute: null,
      capacity: ride.freeSeats,
    };
  }

  private async skillValues(
    manager: Queryable,
    input: PublishVolunteerOfferInput,
    comuneIstat: string,
  ): Promise<OfferValues> {
    if (!input.skill || input.ride) throw new DomainError('VOLUNTEER_OFFER_DETAILS', { field: 'skill' });
    const skill: SkillOfferInput = input.skill;
    if (!input.category) throw new DomainError('FIELD_REQUIRED', { field: 'category' });
    if (!input.title?.trim()) throw new DomainError('FIELD_REQUIRED', { field: 'title' });
    const startMinute = parseClock(skill.start);
    if (startMinute === null || startMinute >= MINUTES_PER_DAY) {
      throw new DomainError('FIELD_INVALID', { field: 'skill.start' });
    }
    const endMinute = parseClock(skill.end);
    if (endMinute === null) throw new DomainError('FIELD_INVALID', { field: 'skill.end' });
    if (endMinute <= startMinute) {
      throw new DomainError('AVAILABILITY_END_NOT_AFTER_START', { field: 'skill.end' });
    }
    const today = todayInRome();
    const validFrom = skill.validFrom ?? today;
    if (!isCalendarDate(validFrom)) throw new DomainError('FIELD_INVALID', { field: 'skill.validFrom' });
    const validUntil = skill.validUntil ?? null;
    if (validUntil !== null && !isCalendarDate(validUntil)) {
      throw new DomainError('FIELD_INVALID', { field: 'skill.validUntil' });
    }
    if (validUntil !== null && validUntil < validFrom) {
      throw new DomainError('AVAILABILITY_END_NOT_AFTER_START', { field: 'skill.validUntil' });
    }
    if (validUntil !== null && validUntil < today) {
      throw new DomainError('VOLUNTEER_OFFER_IN_THE_PAST', { field: 'skill.validUntil' });
    }
    // Skills are found near the Comune's centre: the home stays private.
    const comune = await this.references.comuneByIstat(manager, comuneIstat, 'comuneIstat');
    return {
      category: input.category,
      title: input.title.trim(),
      comuneIstat,
      lat: comune.lat,
      lon: comune.lon,
      startsAt: fromLocal(validFrom, 0),
      endsAt: validUntil === null ? null : fromLocal(addDays(validUntil, 1), 0),
      bounds: '[)',
      fromPlace: null,
      toPlace: null,
      toLat: null,
      toLon: null,
      departureAt: null,
      wheelchairOk: false,
      daysOfWeek: [...new Set(skill.daysOfWeek)].sort(),
      startMinute,
      endMinute,
      capacity: skill.places ?? null,
    };
  }

  /** Public: published, open offers that still lie ahead, with seats or places left. */
  async search(args: VolunteerOfferSearchArgs): Promise<Page<VolunteerOffer>> {
    const filter = args.filter ?? {};
    if (filter.from && filter.to && filter.to < filter.from) {
      throw new DomainError('AVAILABILITY_END_NOT_AFTER_START', { field: 'filter.to' });
    }
    return this.toOfferPage(await this.offers.findOpenOffersPage(args), args.first);
  }

  async myOffers(
    user: AuthenticatedUser,
    args: { first: number; after?: string },
  ): Promise<Page<VolunteerOffer>> {
    return this.toOfferPage(await this.offers.findOffersPageOfUser(user.userId, args), args.first);
  }

  private toOfferPage(rows: (OfferRow & CursorAt)[], first: number): Page<VolunteerOffer> {
    return toKeysetPage(rows, first, (row) => this.toOffer(row));
  }

  /** The volunteer withdraws an offer; its open requests end with it, each with its history. */
  async cancelOffer(user: AuthenticatedUser, input: CancelVolunteerOfferInput): Promise<VolunteerOffer> {
    this.access.requireRole(user, [Role.VOLUNTEER]);
    await this.dataSource.transaction(async (manager) => {
      const offer = await this.joinRequests.lockOffer(manager, input.offerId, 'offerId');
      if (offer.volunteerUserId !== user.userId) throw new DomainError('FORBIDDEN');
      if (offer.status !== VolunteerOfferStatus.OPEN) {
        throw new DomainError('VOLUNTEER_OFFER_CLOSED', { field: 'offerId' });
      }
      await this.offers.cancelOffer(manager, offer.id);
      await recordStatusChange(manager, {
        entityType: 'volunteer_offer',
        entityId: offer.id,
        from: VolunteerOfferStatus.OPEN,
        to: VolunteerOfferStatus.CANCELLED,
        actorUserId: user.userId,
        reason: input.reason,
      });
      const active = await this.requests.lockActiveRequestsOfOffer(manager, offer.id);
      for (const request of active) {
        await this.joinRequests.setRequestStatus(
          manager,
          request.id,
          request.status,
          JoinRequestStatus.CANCELLED,
          user.userId,
          'offer cancelled',
        );
      }
    });
    return this.offerById(input.offerId);
  }

  private async offerById(id: string): Promise<VolunteerOffer> {
    return this.toOffer(await this.offers.findOffer(id));
  }

  private toOffer(row: OfferRow): VolunteerOffer {
    const left = row.capacity === null ? null : row.capacity - row.acceptedSeats;
    return {
      id: row.id,
      kind: row.kind,
      category: row.category,
      title: row.title,
      description: row.description,
      comuneIstat: row.comuneIstat,
      comuneName: row.comuneName,
      volunteerId: row.volunteerId,
      volunteerName: row.volunteerName,
      status: row.status,
      distanceKm: roundedKm(row.meters),
      createdAt: row.createdAt,
      ride:
        row.kind === VolunteerOfferKind.RIDE
          ? {
              fromPlace: row.fromPlace as string,
              fromLat: row.lat,
              fromLon: row.lon,
              toPlace: row.toPlace as string,
              toLat: row.toLat as number,
              toLon: row.toLon as number,
              departureAt: row.departureAt as Date,
              freeSeats: row.capacity as number,
              seatsLeft: left as number,
              wheelchairOk: row.wheelchairOk,
            }
          : null,
      skill:
        row.kind === VolunteerOfferKind.SKILL
          ? {
              daysOfWeek: row.daysOfWeek as number[],
              start: formatClock(row.startMinute as number),
              end: formatClock(row.endMinute as number),
              validFrom: row.validFrom,
              validUntil: row.validUntil,
              places: row.capacity,
              placesLeft: left,
            }
          : null,
    };
  }
}
