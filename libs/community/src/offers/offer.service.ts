import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import { ContentType, ModerationService } from '@prossimo/moderation';
import {
  afterCursorCondition,
  CursorAt,
  cursorAtColumn,
  DomainError,
  Page,
  recordStatusChange,
  toPage,
} from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  addDays,
  formatClock,
  fromLocal,
  isCalendarDate,
  MINUTES_PER_DAY,
  parseClock,
  todayInRome,
} from '../availability/time-windows';
import { HelpCategory } from '../category';
import { comuneByIstat, nearestComune, roundedKm } from '../geo';
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

const OFFER_COLUMNS = `o.id, o.kind, o.category, o.title, o.description, o.comune_istat AS "comuneIstat",
  c.name AS "comuneName", o.volunteer_id AS "volunteerId", p.display_name AS "volunteerName", o.status,
  o.created_at AS "createdAt", o.lat, o.lon, o.from_place AS "fromPlace", o.to_place AS "toPlace",
  o.to_lat AS "toLat", o.to_lon AS "toLon", o.departure_at AS "departureAt", o.wheelchair_ok AS "wheelchairOk",
  o.days_of_week AS "daysOfWeek", o.start_minute AS "startMinute", o.end_minute AS "endMinute",
  to_char(lower(o.during) AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD') AS "validFrom",
  CASE WHEN upper_inf(o.during) THEN NULL
       ELSE to_char(upper(o.during) AT TIME ZONE 'Europe/Rome' - interval '1 day', 'YYYY-MM-DD') END AS "validUntil",
  lower(o.during) AS "startsAt", o.capacity, o.accepted_seats AS "acceptedSeats"`;

const OFFER_FROM = `volunteer_offers o JOIN volunteer_profiles p ON p.id = o.volunteer_id
  JOIN comuni c ON c.istat = o.comune_istat`;

interface OfferRow {
  id: string;
  kind: VolunteerOfferKind;
  category: HelpCategory;
  title: string;
  description: string;
  comuneIstat: string;
  comuneName: string;
  volunteerId: string;
  volunteerName: string;
  status: VolunteerOfferStatus;
  createdAt: Date;
  lat: number;
  lon: number;
  fromPlace: string | null;
  toPlace: string | null;
  toLat: number | null;
  toLon: number | null;
  departureAt: Date | null;
  wheelchairOk: boolean;
  daysOfWeek: number[] | null;
  startMinute: number | null;
  endMinute: number | null;
  validFrom: string;
  validUntil: string | null;
  startsAt: Date;
  capacity: number | null;
  acceptedSeats: number;
  meters?: number | null;
}

@Injectable()
export class OfferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly moderation: ModerationService,
    private readonly joinRequests: JoinRequestService,
  ) {}

  async publish(user: AuthenticatedUser, input: PublishVolunteerOfferInput): Promise<VolunteerOffer> {
    this.access.requireRole(user, [Role.VOLUNTEER]);
    const id = await this.dataSource.transaction(async (manager) => {
      const [profile]: {
        id: string;
        comuneIstat: string;
        vehicleSeats: number | null;
        accessible: boolean;
      }[] = await manager.query(
        `SELECT id, comune_istat AS "comuneIstat", vehicle_seats AS "vehicleSeats",
                vehicle_wheelchair_accessible AS accessible
           FROM volunteer_profiles WHERE user_id = $1`,
        [user.userId],
      );
      if (!profile) throw new DomainError('VOLUNTEER_PROFILE_REQUIRED');
      const values =
        input.kind === VolunteerOfferKind.RIDE
          ? await this.rideValues(manager, input, profile)
          : await this.skillValues(manager, input, profile.comuneIstat);
      const [offer]: { id: string }[] = await manager.query(
        `INSERT INTO volunteer_offers (volunteer_id, kind, category, title, description, comune_istat, lat, lon, during,
           from_place, to_place, to_lat, to_lon, departure_at, wheelchair_ok, days_of_week, start_minute, end_minute, capacity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, tstzrange($9, $10, $11), $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
         RETURNING id`,
        [
          profile.id,
          input.kind,
          values.category,
          values.title,
          input.description?.trim() ?? '',
          values.comuneIstat,
          values.lat,
          values.lon,
          values.startsAt,
          values.endsAt,
          values.bounds,
          values.fromPlace,
          values.toPlace,
          values.toLat,
          values.toLon,
          values.departureAt,
          values.wheelchairOk,
          values.daysOfWeek,
          values.startMinute,
          values.endMinute,
          values.capacity,
        ],
      );
      await recordStatusChange(manager, {
        entityType: 'volunteer_offer',
        entityId: offer.id,
        from: null,
        to: VolunteerOfferStatus.OPEN,
        actorUserId: user.userId,
      });
      await this.moderation.submit(manager, {
        contentType: ContentType.VOLUNTEER_OFFER,
        contentId: offer.id,
        comuneIstat: values.comuneIstat,
        authorUserId: user.userId,
        summary: `${values.title}: ${input.description?.trim() ?? ''}`,
      });
      await askMatching(manager, profile.id);
      return offer.id;
    });
    return this.offerById(id);
  }

  private async rideValues(
    manager: EntityManager,
    input: PublishVolunteerOfferInput,
    profile: { vehicleSeats: number | null; accessible: boolean },
  ) {
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
    const from = await nearestComune(manager, ride.fromLat, ride.fromLon, 'ride.fromLat');
    await nearestComune(manager, ride.toLat, ride.toLon, 'ride.toLat');
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

  private async skillValues(manager: EntityManager, input: PublishVolunteerOfferInput, comuneIstat: string) {
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
    const comune = await comuneByIstat(manager, comuneIstat, 'comuneIstat');
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
    const params: unknown[] = [];
    const conditions = [
      `o.status = 'open'`,
      `(upper_inf(o.during) OR upper(o.during) > now())`,
      `(o.capacity IS NULL OR o.accepted_seats < o.capacity)`,
      this.moderation.publishedCondition(ContentType.VOLUNTEER_OFFER, 'o.id'),
      `EXISTS (SELECT 1 FROM users u WHERE u.id = p.user_id AND u.status = 'active')`,
    ];
    let distance = 'NULL::float8';
    if (filter.near) {
      params.push(filter.near.lat, filter.near.lon, filter.near.radiusKm * 1000);
      const [lat, lon, meters] = [params.length - 2, params.length - 1, params.length];
      distance = `earth_distance(ll_to_earth($${lat}, $${lon}), ll_to_earth(o.lat, o.lon))`;
      conditions.push(`earth_box(ll_to_earth($${lat}, $${lon}), $${meters}) @> ll_to_earth(o.lat, o.lon)`);
      conditions.push(`${distance} <= $${meters}`);
    }
    if (filter.category) {
      params.push(filter.category);
      conditions.push(`o.category = $${params.length}`);
    }
    if (filter.kind) {
      params.push(filter.kind);
      conditions.push(`o.kind = $${params.length}`);
    }
    if (filter.from && filter.to && filter.to < filter.from) {
      throw new DomainError('AVAILABILITY_END_NOT_AFTER_START', { field: 'filter.to' });
    }
    if (filter.from || filter.to) {
      params.push(filter.from ?? null, filter.to ?? null);
      conditions.push(`o.during && tstzrange($${params.length - 1}, $${params.length}, '[]')`);
    }
    conditions.push(...afterCursorCondition(args.after, '(lower(o.during), o.id)', 'ASC', params));
    params.push(args.first + 1);
    const rows: (OfferRow & CursorAt)[] = await this.dataSource.query(
      `SELECT ${OFFER_COLUMNS}, ${distance} AS meters, ${cursorAtColumn('lower(o.during)')} FROM ${OFFER_FROM}
        WHERE ${conditions.join(' AND ')}
        ORDER BY lower(o.during), o.id LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.cursorAt, row.id]);
    return { items: page.items.map((row) => this.toOffer(row)), pageInfo: page.pageInfo };
  }

  async myOffers(
    user: AuthenticatedUser,
    args: { first: number; after?: string },
  ): Promise<Page<VolunteerOffer>> {
    const params: unknown[] = [user.userId];
    const conditions = ['p.user_id = $1'];
    conditions.push(...afterCursorCondition(args.after, '(o.created_at, o.id)', 'DESC', params));
    params.push(args.first + 1);
    const rows: (OfferRow & CursorAt)[] = await this.dataSource.query(
      `SELECT ${OFFER_COLUMNS}, ${cursorAtColumn('o.created_at')} FROM ${OFFER_FROM} WHERE ${conditions.join(' AND ')}
        ORDER BY o.created_at DESC, o.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.cursorAt, row.id]);
    return { items: page.items.map((row) => this.toOffer(row)), pageInfo: page.pageInfo };
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
      await manager.query(
        `UPDATE volunteer_offers SET status = 'cancelled', accepted_seats = 0 WHERE id = $1`,
        [offer.id],
      );
      await recordStatusChange(manager, {
        entityType: 'volunteer_offer',
        entityId: offer.id,
        from: VolunteerOfferStatus.OPEN,
        to: VolunteerOfferStatus.CANCELLED,
        actorUserId: user.userId,
        reason: input.reason,
      });
      const active: { id: string; status: JoinRequestStatus }[] = await manager.query(
        `SELECT id, status FROM volunteer_offer_join_requests
          WHERE offer_id = $1 AND status IN ('pending', 'accepted') FOR UPDATE`,
        [offer.id],
      );
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
    const [row]: OfferRow[] = await this.dataSource.query(
      `SELECT ${OFFER_COLUMNS} FROM ${OFFER_FROM} WHERE o.id = $1`,
      [id],
    );
    return this.toOffer(row);
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
