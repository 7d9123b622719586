import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { joinActiveUserSql } from '@prossimo/identity';
import {
  ContentType,
  joinModerationItemSql,
  ModerationService,
  ModerationStatus,
} from '@prossimo/moderation';
import {
  CombinedStatement,
  decodeCursor,
  firstRow,
  JOBS,
  onlyRow,
  outboxJob,
  Queryable,
  queryPreparedIn,
  writeOutboxIn,
} from '@prossimo/platform';
import { joinComuneSql } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { AVAILABILITY_TIME_ZONE, CheckedWindow, weeklySpanOf } from '../availability/time-windows';
import { AvailabilityKind, AvailableVolunteersArgs, VolunteerPublicProfile } from './volunteer.types';

/** Columns of the public view: never home_lat / home_lon. Needs `p` (profile) and `c` (comune). */
export const VOLUNTEER_PUBLIC_COLUMNS = `p.id, p.display_name AS "displayName", p.bio, p.skills, p.categories,
  p.languages, p.comune_istat AS "comuneIstat", c.name AS "comuneName", p.travel_radius_km AS "travelRadiusKm",
  p.vehicle_seats AS "vehicleSeats", p.vehicle_wheelchair_accessible AS "vehicleWheelchairAccessible",
  p.organisation_id AS "organisationId"`;

export interface VolunteerPublicRow {
  id: string;
  displayName: string;
  bio: string;
  skills: string[];
  categories: VolunteerPublicProfile['categories'];
  languages: string[];
  comuneIstat: string;
  comuneName: string;
  travelRadiusKm: number;
  vehicleSeats: number | null;
  vehicleWheelchairAccessible: boolean;
  organisationId: string | null;
  meters?: number | null;
}

/** The owner's view of the profile: the public columns plus the home and the moderation state. */
export type MyVolunteerProfileRow = VolunteerPublicRow & {
  homeLat: number;
  homeLon: number;
  weeklyHourLimit: number;
  moderationStatus: ModerationStatus;
  updatedAt: Date;
};

/** The profile as written by its owner, values already checked and normalised. */
export interface VolunteerProfileValues {
  userId: string;
  displayName: string;
  bio: string;
  skills: string[];
  categories: string[];
  languages: string[];
  homeLat: number;
  homeLon: number;
  comuneIstat: string;
  travelRadiusKm: number;
  vehicleSeats: number | null;
  vehicleWheelchairAccessible: boolean;
  weeklyHourLimit: number;
  organisationId: string | null;
}

const WINDOW_COLUMNS = `id, kind, day_of_week AS "dayOfWeek", start_minute AS "startMinute", end_minute AS "endMinute",
  to_char(lower(validity), 'YYYY-MM-DD') AS "validFrom",
  CASE WHEN upper_inf(validity) THEN NULL ELSE to_char(upper(validity) - 1, 'YYYY-MM-DD') END AS "validUntil",
  lower(during) AS "startsAt", upper(during) AS "endsAt", time_zone AS "timeZone"`;

/** Windows that can still matter: one-offs not over, rules whose last day has not passed. */
const LIVE_WINDOW = `(kind = 'one_off' AND upper(during) > now())
  OR (kind = 'recurring' AND (upper_inf(validity) OR upper(validity) > (now() AT TIME ZONE 'Europe/Rome')::date))`;

export interface WindowRow {
  id: string;
  kind: AvailabilityKind;
  dayOfWeek: number | null;
  startMinute: number | null;
  endMinute: number | null;
  validFrom: string | null;
  validUntil: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  timeZone: string;
}

/**
 * Where the staff search: a Comune (volunteers within their own travel radius of its centre, or
 * living there) or a point with a radius.
 */
export type VolunteerSearchArea =
  { comuneIstat: string; lat: number; lon: number } | { lat: number; lon: number; radiusMeters: number };

/**
 * Volunteer profiles and their availability windows. Reads joined from other libraries: comuni
 * (territory), users (identity), moderation_items (moderation); the VOLUNTEER role is written to
 * identity's user_roles.
 */
@Injectable()
export class VolunteersRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moderation: ModerationService,
  ) {}

  /** Writes the person's profile (created or replaced); answers its id. */
  async upsertProfile(db: Queryable, values: VolunteerProfileValues): Promise<string> {
    const profile = await onlyRow<{ id: string }>(
      db,
      `INSERT INTO volunteer_profiles (user_id, display_name, bio, skills, categories, languages, home_lat, home_lon,
           comune_istat, travel_radius_km, vehicle_seats, vehicle_wheelchair_accessible, weekly_hour_limit, organisation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name, bio = excluded.bio,
           skills = excluded.skills, categories = excluded.categories, languages = excluded.languages,
           home_lat = excluded.home_lat, home_lon = excluded.home_lon, comune_istat = excluded.comune_istat,
           travel_radius_km = excluded.travel_radius_km, vehicle_seats = excluded.vehicle_seats,
           vehicle_wheelchair_accessible = excluded.vehicle_wheelchair_accessible,
           weekly_hour_limit = excluded.weekly_hour_limit, organisation_id = excluded.organisation_id,
           updated_at = now()
         RETURNING id`,
      [
        values.userId,
        values.displayName,
        values.bio,
        values.skills,
        values.categories,
        values.languages,
        values.homeLat,
        values.homeLon,
        values.comuneIstat,
        values.travelRadiusKm,
        values.vehicleSeats,
        values.vehicleWheelchairAccessible,
        values.weeklyHourLimit,
        values.organisationId,
      ],
    );
    return profile.id;
  }

  /** The person's own profile, with the home and the moderation state; undefined without one. */
  async findMyProfile(userId: string): Promise<MyVolunteerProfileRow | undefined> {
    return firstRow<MyVolunteerProfileRow>(
      this.dataSource,
      `SELECT ${VOLUNTEER_PUBLIC_COLUMNS}, p.home_lat AS "homeLat", p.home_lon AS "homeLon",
              p.weekly_hour_limit AS "weeklyHourLimit", p.updated_at AS "updatedAt",
              coalesce(mi.status, 'pending') AS "moderationStatus"
         FROM volunteer_profiles p ${joinComuneSql('c', 'p.comune_istat')}
         ${joinModerationItemSql(ContentType.VOLUNTEER_PROFILE, 'p.id', { join: 'LEFT JOIN' })}
        WHERE p.user_id = $1`,
      [userId],
    );
  }

  /** A published profile of an active person (public columns only); undefined otherwise. */
  async findPublishedProfile(id: string): Promise<VolunteerPublicRow | undefined> {
    return firstRow<VolunteerPublicRow>(
      this.dataSource,
      `SELECT ${VOLUNTEER_PUBLIC_COLUMNS}
         FROM volunteer_profiles p ${joinComuneSql('c', 'p.comune_istat')}
         ${joinActiveUserSql('u', 'p.user_id')}
        WHERE p.id = $1 AND ${this.moderation.publishedCondition(ContentType.VOLUNTEER_PROFILE, 'p.id')}`,
      [id],
    );
  }

  /** The person's profile id, its row locked (FOR UPDATE); undefined without a profile. */
  async lockProfileOfUser(db: Queryable, userId: string): Promise<string | undefined> {
    // Before every window added (prepared, as the write after it).
    const [row] = await queryPreparedIn<{ id: string }>(
      db,
      `SELECT id FROM volunteer_profiles WHERE user_id = $1 FOR UPDATE`,
      [userId],
    );
    return row?.id;
  }

  async deleteWindowsOf(db: Queryable, volunteerId: string): Promise<void> {
    await db.query(`DELETE FROM availability_windows WHERE volunteer_id = $1`, [volunteerId]);
  }

  /** Inserts one window; answers its id. */
  async insertWindow(db: Queryable, volunteerId: string, window: CheckedWindow): Promise<string> {
    const statement = new CombinedStatement();
    const added = insertWindowIn(statement, statement.param(volunteerId, 'uuid'), window);
    const [row]: { id: string }[] = await statement.run(db, `SELECT id FROM ${added}`);
    return row.id;
  }

  /**
   * One statement: ended windows pruned and the rest counted (its reads see the rows as before the
   * DELETE, so the pruned ones are subtracted), the window added while there are fewer than `max`,
   * and matching asked to look again near the volunteer. Undefined when there was no room.
   */
  async addWindowIfRoom(
    db: Queryable,
    volunteerId: string,
    window: CheckedWindow,
    max: number,
  ): Promise<WindowRow | undefined> {
    const statement = new CombinedStatement();
    const profile = statement.param(volunteerId, 'uuid');
    const pruned = statement.with(
      'pruned',
      `DELETE FROM availability_windows WHERE volunteer_id = ${profile} AND NOT (${LIVE_WINDOW}) RETURNING id`,
    );
    const room = statement.with(
      'room',
      `SELECT (SELECT count(*) FROM availability_windows WHERE volunteer_id = ${profile})
                - (SELECT count(*) FROM ${pruned}) < ${statement.param(max, 'int')} AS free`,
    );
    const added = insertWindowIn(statement, profile, window, `(SELECT free FROM ${room})`);
    writeOutboxIn(
      statement,
      [outboxJob(JOBS.matchNearVolunteer, { volunteerId })],
      `EXISTS (SELECT 1 FROM ${added})`,
    );
    // A tenth of bench:api's mix: prepared (as postNeed's and the acceptance's writes), so its
    // five parts are parsed and planned once per connection, not on every request.
    const [inserted] = await statement.runPrepared<WindowRow>(db, `SELECT ${WINDOW_COLUMNS} FROM ${added}`);
    return inserted;
  }

  /** Deletes the person's window; whether there was one. */
  async deleteWindowOfUser(db: Queryable, windowId: string, userId: string): Promise<boolean> {
    // DELETE ... RETURNING through TypeORM answers [rows, affected], never an empty array.
    const [removed]: [unknown[], number] = await db.query(
      `DELETE FROM availability_windows w USING volunteer_profiles p
          WHERE w.id = $1 AND w.volunteer_id = p.id AND p.user_id = $2 RETURNING w.id`,
      [windowId, userId],
    );
    return removed.length > 0;
  }

  /** The person's live windows. */
  async findLiveWindowsOfUser(userId: string): Promise<WindowRow[]> {
    return this.dataSource.query(
      `SELECT ${WINDOW_COLUMNS} FROM availability_windows
        WHERE volunteer_id = (SELECT id FROM volunteer_profiles WHERE user_id = $1) AND (${LIVE_WINDOW})
        ORDER BY kind DESC, day_of_week, start_minute, lower(during), id`,
      [userId],
    );
  }

  /**
   * Published volunteers of active people who reach the area and are free for the whole of
   * [from, to); nearest first, a page plus one.
   */
  async findAvailableVolunteersPage(
    area: VolunteerSearchArea,
    args: AvailableVolunteersArgs,
  ): Promise<(VolunteerPublicRow & { meters: number })[]> {
    const params: unknown[] = [];
    const conditions: string[] = [];
    if ('comuneIstat' in area) {
      params.push(area.lat, area.lon, area.comuneIstat);
      // Within the volunteer's own travel radius of the Comune's centre, or living there.
      conditions.push(
        `((earth_box(ll_to_earth($1, $2), 100000) @> ll_to_earth(p.home_lat, p.home_lon)
           AND earth_distance(ll_to_earth($1, $2), ll_to_earth(p.home_lat, p.home_lon)) <= p.travel_radius_km * 1000)
          OR p.comune_istat = $3)`,
      );
    } else {
      params.push(area.lat, area.lon, area.radiusMeters);
      conditions.push(
        `earth_box(ll_to_earth($1, $2), $3) @> ll_to_earth(p.home_lat, p.home_lon)
         AND earth_distance(ll_to_earth($1, $2), ll_to_earth(p.home_lat, p.home_lon))
             <= least($3, p.travel_radius_km * 1000)`,
      );
    }
    conditions.push(`p.id IN (${freeDuring(args.from, args.to, params)})`);
    conditions.push(this.moderation.publishedCondition(ContentType.VOLUNTEER_PROFILE, 'p.id'));
    if (args.category) {
      params.push(args.category);
      conditions.push(`$${params.length} = ANY(p.categories)`);
    }
    const cursor = decodeCursor(args.after, 2);
    const outer: string[] = [];
    if (cursor) {
      params.push(Number(cursor[0]), String(cursor[1]));
      outer.push(`(meters, id) > ($${params.length - 1}::float8, $${params.length}::uuid)`);
    }
    params.push(args.first + 1);
    return this.dataSource.query(
      `SELECT * FROM (
         SELECT ${VOLUNTEER_PUBLIC_COLUMNS},
                earth_distance(ll_to_earth($1, $2), ll_to_earth(p.home_lat, p.home_lon)) AS meters
           FROM volunteer_profiles p ${joinComuneSql('c', 'p.comune_istat')}
           ${joinActiveUserSql('u', 'p.user_id')}
          WHERE ${conditions.join(' AND ')}) found
        ${outer.length ? 'WHERE ' + outer.join(' AND ') : ''}
        ORDER BY meters, id LIMIT $${params.length}`,
      params,
    );
  }
}

/**
 * SQL for the ids of volunteers with one window containing all of [from, to): a one-off range,
 * or a weekly rule on the same local grid position and valid that day. Both use GiST indexes.
 */
function freeDuring(from: Date, to: Date, params: unknown[]): string {
  params.push(from, to);
  const parts = [
    `SELECT volunteer_id FROM availability_windows
        WHERE kind = 'one_off' AND during @> tstzrange($${params.length - 1}, $${params.length}, '[)')`,
  ];
  const span = weeklySpanOf(from, to, AVAILABILITY_TIME_ZONE);
  if (span) {
    params.push(span.start, span.end, span.date);
    parts.push(
      `SELECT volunteer_id FROM availability_windows
          WHERE kind = 'recurring' AND week_span @> int4range($${params.length - 2}, $${params.length - 1})
            AND validity @> $${params.length}::date`,
    );
  }
  return parts.join(' UNION ');
}

/** The window as a part of a combined statement, written only if `when` holds (RETURNING *). */
function insertWindowIn(
  statement: CombinedStatement,
  volunteerId: string,
  window: CheckedWindow,
  when = 'true',
): string {
  const zone = statement.param(AVAILABILITY_TIME_ZONE, 'text');
  return statement.with(
    'window_added',
    window.kind === 'recurring'
      ? `INSERT INTO availability_windows (volunteer_id, kind, day_of_week, start_minute, end_minute, validity, time_zone)
           SELECT ${volunteerId}, 'recurring', ${statement.param(window.rule.dayOfWeek, 'int')},
                  ${statement.param(window.rule.startMinute, 'int')}, ${statement.param(window.rule.endMinute, 'int')},
                  daterange(${statement.param(window.rule.validFrom, 'date')}, ${statement.param(window.rule.validUntil, 'date')}, '[]'),
                  ${zone}
            WHERE ${when}
           RETURNING *`
      : `INSERT INTO availability_windows (volunteer_id, kind, during, time_zone)
           SELECT ${volunteerId}, 'one_off',
                  tstzrange(${statement.param(window.startsAt, 'timestamptz')}, ${statement.param(window.endsAt, 'timestamptz')}, '[)'),
                  ${zone}
            WHERE ${when}
           RETURNING *`,
  );
}
