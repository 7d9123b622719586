import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { activeUserSql } from '@prossimo/identity';
import { ContentType, ModerationService } from '@prossimo/moderation';
import { CursorAt, firstRow, keysetPageSql, onlyRow, Queryable } from '@prossimo/platform';
import { joinComuneSql } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { HelpCategory } from '../reference/category';
import { VolunteerOfferKind, VolunteerOfferSearchArgs, VolunteerOfferStatus } from './offer.types';

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
  ${joinComuneSql('c', 'o.comune_istat')}`;

export interface OfferRow {
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

/** The volunteer's profile as publishing an offer needs it. */
export interface PublishingProfile {
  id: string;
  comuneIstat: string;
  vehicleSeats: number | null;
  accessible: boolean;
}

/** An offer's values, checked: a ride or a skill. */
export type OfferValues = Pick<
  OfferRow,
  | 'category'
  | 'title'
  | 'comuneIstat'
  | 'lat'
  | 'lon'
  | 'startsAt'
  | 'fromPlace'
  | 'toPlace'
  | 'toLat'
  | 'toLon'
  | 'departureAt'
  | 'wheelchairOk'
  | 'daysOfWeek'
  | 'startMinute'
  | 'endMinute'
  | 'capacity'
> & {
  endsAt: Date | null;
  /** The range bounds of `during`: '[]' for a ride's instant, '[)' for a skill's days. */
  bounds: string;
};

/**
 * Volunteers' offers (rides, skills). Reads joined from other libraries: comuni (territory),
 * users (identity), moderation_items (moderation).
 */
@Injectable()
export class OffersRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moderation: ModerationService,
  ) {}

  /** The person's volunteer profile, with the vehicle; undefined without one. */
  async findPublishingProfile(db: Queryable, userId: string): Promise<PublishingProfile | undefined> {
    return firstRow<PublishingProfile>(
      db,
      `SELECT id, comune_istat AS "comuneIstat", vehicle_seats AS "vehicleSeats",
                vehicle_wheelchair_accessible AS accessible
           FROM volunteer_profiles WHERE user_id = $1`,
      [userId],
    );
  }

  /** An open offer; answers its id. */
  async insertOffer(
    db: Queryable,
    volunteerId: string,
    kind: VolunteerOfferKind,
    description: string,
    values: OfferValues,
  ): Promise<string> {
    const offer = await onlyRow<{ id: string }>(
      db,
      `INSERT INTO volunteer_offers (volunteer_id, kind, category, title, description, comune_istat, lat, lon, during,
           from_place, to_place, to_lat, to_lon, departure_at, wheelchair_ok, days_of_week, start_minute, end_minute, capacity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, tstzrange($9, $10, $11), $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
         RETURNING id`,
      [
        volunteerId,
        kind,
        values.category,
        values.title,
        description,
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
    return offer.id;
  }

  /**
   * Published, open offers of active people that still lie ahead, with seats or places left;
   * soonest first, a page plus one. The filter's dates are checked by the caller.
   */
  async findOpenOffersPage(args: VolunteerOfferSearchArgs): Promise<(OfferRow & CursorAt)[]> {
    const filter = args.filter ?? {};
    const params: unknown[] = [];
    const conditions = [
      `o.status = 'open'`,
      `(upper_inf(o.during) OR upper(o.during) > now())`,
      `(o.capacity IS NULL OR o.accepted_seats < o.capacity)`,
      this.moderation.publishedCondition(ContentType.VOLUNTEER_OFFER, 'o.id'),
      activeUserSql('p.user_id'),
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
    if (filter.from || filter.to) {
      params.push(filter.from ?? null, filter.to ?? null);
      conditions.push(`o.during && tstzrange($${params.length - 1}, $${params.length}, '[]')`);
    }
    const keyset = keysetPageSql({ at: 'lower(o.during)', id: 'o.id' }, 'ASC', args, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT ${OFFER_COLUMNS}, ${distance} AS meters, ${keyset.cursorColumn} FROM ${OFFER_FROM}
        WHERE ${conditions.join(' AND ')}
        ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** The person's offers in any state, newest first, a page plus one. */
  async findOffersPageOfUser(
    userId: string,
    args: { first: number; after?: string },
  ): Promise<(OfferRow & CursorAt)[]> {
    const params: unknown[] = [userId];
    const conditions = ['p.user_id = $1'];
    const keyset = keysetPageSql({ at: 'o.created_at', id: 'o.id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT ${OFFER_COLUMNS}, ${keyset.cursorColumn} FROM ${OFFER_FROM} WHERE ${conditions.join(' AND ')}
        ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** Cancels the offer; its accepted seats go back to none. */
  async cancelOffer(db: Queryable, offerId: string): Promise<void> {
    await db.query(`UPDATE volunteer_offers SET status = 'cancelled', accepted_seats = 0 WHERE id = $1`, [
      offerId,
    ]);
  }

  async findOffer(offerId: string): Promise<OfferRow> {
    return onlyRow<OfferRow>(this.dataSource, `SELECT ${OFFER_COLUMNS} FROM ${OFFER_FROM} WHERE o.id = $1`, [
      offerId,
    ]);
  }
}
