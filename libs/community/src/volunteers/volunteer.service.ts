import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES, Role } from '@prossimo/identity';
import { ContentType, ModerationService, ModerationStatus } from '@prossimo/moderation';
import {
  CombinedStatement,
  decodeCursor,
  DomainError,
  JOBS,
  outboxJob,
  Page,
  toPage,
  writeOutbox,
  writeOutboxIn,
} from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  AVAILABILITY_TIME_ZONE,
  CheckedWindow,
  checkWindow,
  expandRecurring,
  formatClock,
  MAX_AVAILABILITY_WINDOWS,
  weeklySpanOf,
  WindowShape,
} from '../availability/time-windows';
import { comuneByIstat, nearestComune, requireUuid, roundedKm } from '../geo';
import { organisationMissing } from '../organisations';
import {
  AvailabilityKind,
  AvailabilityWindow,
  AvailabilityWindowInput,
  AvailableVolunteersArgs,
  MyVolunteerProfile,
  UpsertVolunteerProfileInput,
  VolunteerPublicProfile,
} from './volunteer.types';

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

export function toPublicProfile(row: VolunteerPublicRow): VolunteerPublicProfile {
  return {
    id: row.id,
    displayName: row.displayName,
    bio: row.bio,
    skills: row.skills,
    categories: row.categories,
    languages: row.languages,
    comuneIstat: row.comuneIstat,
    comuneName: row.comuneName,
    travelRadiusKm: row.travelRadiusKm,
    vehicle:
      row.vehicleSeats === null
        ? null
        : { seats: row.vehicleSeats, wheelchairAccessible: row.vehicleWheelchairAccessible },
    organisationId: row.organisationId,
    distanceKm: roundedKm(row.meters),
  };
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

const OCCURRENCE_WEEKS = 4;

/** A stored window as the API shows it, with its concrete times in the next weeks. */
function toWindow(row: WindowRow, now: Date): AvailabilityWindow {
  const horizon = new Date(now.getTime() + OCCURRENCE_WEEKS * 7 * 86_400_000);
  const recurring = row.kind === AvailabilityKind.RECURRING;
  const nextOccurrences = recurring
    ? expandRecurring(
        {
          dayOfWeek: row.dayOfWeek as number,
          startMinute: row.startMinute as number,
          endMinute: row.endMinute as number,
          validFrom: row.validFrom as string,
          validUntil: row.validUntil,
        },
        now,
        horizon,
        row.timeZone,
      )
    : [{ startsAt: row.startsAt as Date, endsAt: row.endsAt as Date }];
  return {
    id: row.id,
    kind: row.kind,
    dayOfWeek: row.dayOfWeek,
    start: row.startMinute === null ? null : formatClock(row.startMinute),
    end: row.endMinute === null ? null : formatClock(row.endMinute),
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    nextOccurrences,
  };
}

@Injectable()
export class VolunteerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly moderation: ModerationService,
  ) {}

  /** Any signed-in person becomes a volunteer by writing a profile; it grants the VOLUNTEER role. */
  async upsertProfile(
    user: AuthenticatedUser,
    input: UpsertVolunteerProfileInput,
  ): Promise<MyVolunteerProfile> {
    // Every window is checked before anything is written: a wrong one leaves no trace.
    const windows = input.availability ? this.checkWindows(input.availability, 'availability') : null;
    await this.dataSource.transaction(async (manager) => {
      const home = await nearestComune(manager, input.homeLat, input.homeLon, 'homeLat');
      const comune = input.comuneIstat
        ? await comuneByIstat(manager, input.comuneIstat, 'comuneIstat')
        : home;
      if (input.organisationId && (await organisationMissing(manager, input.organisationId))) {
        throw new DomainError('AFFILIATION_ORGANISATION_NOT_FOUND', { field: 'organisationId' });
      }
      const [profile]: { id: string }[] = await manager.query(
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
          user.userId,
          input.displayName.trim(),
          input.bio.trim(),
          [...new Set(input.skills.map((skill) => skill.trim()))],
          [...new Set(input.categories)],
          [...new Set(input.languages)],
          input.homeLat,
          input.homeLon,
          comune.istat,
          input.travelRadiusKm,
          input.vehicle?.seats ?? null,
          input.vehicle?.wheelchairAccessible ?? false,
          input.weeklyHourLimit,
          input.organisationId ?? null,
        ],
      );
      await manager.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        user.userId,
        Role.VOLUNTEER,
      ]);
      // A new role: the caller's next request must see it (a grant, so no race to fear before commit).
      this.access.forgetCheckedSessions(user.userId);
      if (windows) {
        await manager.query(`DELETE FROM availability_windows WHERE volunteer_id = $1`, [profile.id]);
        for (const window of windows) await this.insertWindow(manager, profile.id, window);
      }
      await this.moderation.submit(manager, {
        contentType: ContentType.VOLUNTEER_PROFILE,
        contentId: profile.id,
        comuneIstat: comune.istat,
        authorUserId: user.userId,
        summary: `${input.displayName.trim()}: ${input.bio.trim()}`,
      });
      await askMatching(manager, profile.id);
    });
    return (await this.myProfile(user)) as MyVolunteerProfile;
  }

  async myProfile(user: AuthenticatedUser): Promise<MyVolunteerProfile | null> {
    const [row]: (VolunteerPublicRow & {
      homeLat: number;
      homeLon: number;
      weeklyHourLimit: number;
      moderationStatus: ModerationStatus;
      updatedAt: Date;
    })[] = await this.dataSource.query(
      `SELECT ${VOLUNTEER_PUBLIC_COLUMNS}, p.home_lat AS "homeLat", p.home_lon AS "homeLon",
              p.weekly_hour_limit AS "weeklyHourLimit", p.updated_at AS "updatedAt",
              coalesce(mi.status, 'pending') AS "moderationStatus"
         FROM volunteer_profiles p JOIN comuni c ON c.istat = p.comune_istat
         LEFT JOIN moderation_items mi ON mi.content_type = $2 AND mi.content_id = p.id
        WHERE p.user_id = $1`,
      [user.userId, ContentType.VOLUNTEER_PROFILE],
    );
    if (!row) return null;
    return {
      ...toPublicProfile(row),
      homeLat: row.homeLat,
      homeLon: row.homeLon,
      weeklyHourLimit: row.weeklyHourLimit,
      moderationStatus: row.moderationStatus,
      updatedAt: row.updatedAt,
    };
  }

  /** Public: a published profile of an active person, without the home. */
  async publicProfile(id: string): Promise<VolunteerPublicProfile> {
    requireUuid(id, 'id');
    const [row]: VolunteerPublicRow[] = await this.dataSource.query(
      `SELECT ${VOLUNTEER_PUBLIC_COLUMNS}
         FROM volunteer_profiles p JOIN comuni c ON c.istat = p.comune_istat
         JOIN users u ON u.id = p.user_id AND u.status = 'active'
        WHERE p.id = $1 AND ${this.moderation.publishedCondition(ContentType.VOLUNTEER_PROFILE, 'p.id')}`,
      [id],
    );
    if (!row) throw new DomainError('VOLUNTEER_PROFILE_NOT_FOUND', { field: 'id' });
    return toPublicProfile(row);
  }

  async addWindow(user: AuthenticatedUser, input: AvailabilityWindowInput): Promise<AvailabilityWindow> {
    // Checked before the transaction: a refused window costs no round trip.
    const window = this.checkedWindow(user, input);
    const row = await this.dataSource.transaction((manager) => this.storeWindow(manager, user, window));
    return toWindow(row, new Date());
  }

  /**
   * addWindow in the caller's transaction (the api's warm-up rehearses it in one it rolls back,
   * apps/api/src/warm-up.ts); the row as stored.
   */
  async addWindowIn(
    manager: EntityManager,
    user: AuthenticatedUser,
    input: AvailabilityWindowInput,
  ): Promise<WindowRow> {
    return this.storeWindow(manager, user, this.checkedWindow(user, input));
  }

  private checkedWindow(user: AuthenticatedUser, input: AvailabilityWindowInput): CheckedWindow {
    this.access.requireRole(user, [Role.VOLUNTEER]);
    return this.checkWindows([input], '')[0];
  }

  private async storeWindow(
    manager: EntityManager,
    user: AuthenticatedUser,
    window: CheckedWindow,
  ): Promise<WindowRow> {
    // The profile row lock serialises concurrent additions, so the limit holds: the count
    // below starts after the lock, and sees every addition committed before it.
    const profileId = await this.lockOwnProfile(manager, user);
    // Then one statement: ended windows pruned and the rest counted (its reads see the rows
    // as before the DELETE, so the pruned ones are subtracted), the window added while there
    // is room, and matching asked to look again near the volunteer.
    const statement = new CombinedStatement();
    const profile = statement.param(profileId, 'uuid');
    const pruned = statement.with(
      'pruned',
      `DELETE FROM availability_windows WHERE volunteer_id = ${profile} AND NOT (${LIVE_WINDOW}) RETURNING id`,
    );
    const room = statement.with(
      'room',
      `SELECT (SELECT count(*) FROM availability_windows WHERE volunteer_id = ${profile})
              - (SELECT count(*) FROM ${pruned}) < ${statement.param(MAX_AVAILABILITY_WINDOWS, 'int')} AS free`,
    );
    const added = this.insertWindowIn(statement, profile, window, `(SELECT free FROM ${room})`);
    writeOutboxIn(
      statement,
      [outboxJob(JOBS.matchNearVolunteer, { volunteerId: profileId })],
      `EXISTS (SELECT 1 FROM ${added})`,
    );
    const [inserted]: WindowRow[] = await statement.run(manager, `SELECT ${WINDOW_COLUMNS} FROM ${added}`);
    if (!inserted) {
      throw new DomainError('AVAILABILITY_TOO_MANY_WINDOWS', { params: { max: MAX_AVAILABILITY_WINDOWS } });
    }
    return inserted;
  }

  async removeWindow(user: AuthenticatedUser, id: string): Promise<boolean> {
    this.access.requireRole(user, [Role.VOLUNTEER]);
    requireUuid(id, 'id');
    return this.dataSource.transaction(async (manager) => {
      // DELETE ... RETURNING through TypeORM answers [rows, affected], never an empty array.
      const [removed]: [unknown[], number] = await manager.query(
        `DELETE FROM availability_windows w USING volunteer_profiles p
          WHERE w.id = $1 AND w.volunteer_id = p.id AND p.user_id = $2 RETURNING w.id`,
        [id, user.userId],
      );
      if (!removed.length) throw new DomainError('AVAILABILITY_WINDOW_NOT_FOUND', { field: 'id' });
      return true;
    });
  }

  /** The caller's live windows, each with its concrete times in the next weeks. */
  async windowsOf(user: AuthenticatedUser): Promise<AvailabilityWindow[]> {
    const rows: WindowRow[] = await this.dataSource.query(
      `SELECT ${WINDOW_COLUMNS} FROM availability_windows
        WHERE volunteer_id = (SELECT id FROM volunteer_profiles WHERE user_id = $1) AND (${LIVE_WINDOW})
        ORDER BY kind DESC, day_of_week, start_minute, lower(during), id`,
      [user.userId],
    );
    const now = new Date();
    return rows.map((row) => toWindow(row, now));
  }

  /**
   * Comune staff: volunteers who reach the Comune (or the point) and are free for the whole of
   * [from, to). Staff see only searches in their territories; results never carry the home.
   */
  async availableVolunteers(
    user: AuthenticatedUser,
    args: AvailableVolunteersArgs,
  ): Promise<Page<VolunteerPublicProfile>> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    if (args.to <= args.from) throw new DomainError('AVAILABILITY_END_NOT_AFTER_START', { field: 'to' });
    const byPoint = args.lat !== undefined || args.lon !== undefined || args.radiusKm !== undefined;
    if (args.comuneIstat && byPoint) throw new DomainError('SEARCH_AREA_ONE_OF', { field: 'comuneIstat' });
    if (!args.comuneIstat && (args.lat === undefined || args.lon === undefined || !args.radiusKm)) {
      throw new DomainError('SEARCH_AREA_REQUIRED', { field: 'comuneIstat' });
    }
    const manager = this.dataSource.manager;
    const params: unknown[] = [];
    const conditions: string[] = [];
    let lat: number;
    let lon: number;
    if (args.comuneIstat) {
      const comune = await comuneByIstat(manager, args.comuneIstat, 'comuneIstat');
      await this.access.requireComuneRole(user, comune.istat, COMUNE_STAFF_ROLES, manager);
      ({ lat, lon } = comune);
      params.push(lat, lon, comune.istat);
      // Within the volunteer's own travel radius of the Comune's centre, or living there.
      conditions.push(
        `((earth_box(ll_to_earth($1, $2), 100000) @> ll_to_earth(p.home_lat, p.home_lon)
           AND earth_distance(ll_to_earth($1, $2), ll_to_earth(p.home_lat, p.home_lon)) <= p.travel_radius_km * 1000)
          OR p.comune_istat = $3)`,
      );
    } else {
      lat = args.lat as number;
      lon = args.lon as number;
      const comune = await nearestComune(manager, lat, lon, 'lat');
      await this.access.requireComuneRole(user, comune.istat, COMUNE_STAFF_ROLES, manager);
      params.push(lat, lon, (args.radiusKm as number) * 1000);
      conditions.push(
        `earth_box(ll_to_earth($1, $2), $3) @> ll_to_earth(p.home_lat, p.home_lon)
         AND earth_distance(ll_to_earth($1, $2), ll_to_earth(p.home_lat, p.home_lon))
             <= least($3, p.travel_radius_km * 1000)`,
      );
    }
    conditions.push(`p.id IN (${this.freeDuring(args.from, args.to, params)})`);
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
    const rows: (VolunteerPublicRow & { meters: number })[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT ${VOLUNTEER_PUBLIC_COLUMNS},
                earth_distance(ll_to_earth($1, $2), ll_to_earth(p.home_lat, p.home_lon)) AS meters
           FROM volunteer_profiles p JOIN comuni c ON c.istat = p.comune_istat
           JOIN users u ON u.id = p.user_id AND u.status = 'active'
          WHERE ${conditions.join(' AND ')}) found
        ${outer.length ? 'WHERE ' + outer.join(' AND ') : ''}
        ORDER BY meters, id LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.meters, row.id]);
    return { items: page.items.map(toPublicProfile), pageInfo: page.pageInfo };
  }

  /**
   * SQL for the ids of volunteers with one window containing all of [from, to): a one-off range,
   * or a weekly rule on the same local grid position and valid that day. Both use GiST indexes.
   */
  private freeDuring(from: Date, to: Date, params: unknown[]): string {
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

  private checkWindows(inputs: WindowShape[], path: string): CheckedWindow[] {
    const now = new Date();
    return inputs.map((input, index) => {
      const result = checkWindow(input, now, path ? `${path}.${index}` : '');
      if ('issue' in result) throw new DomainError(result.issue.code, { field: result.issue.field });
      return result.window;
    });
  }

  /** Inserts one window; with `thenAskMatching`, asks matching to look again (askMatching). */
  private async insertWindow(
    manager: EntityManager,
    volunteerId: string,
    window: CheckedWindow,
  ): Promise<string> {
    const statement = new CombinedStatement();
    const added = this.insertWindowIn(statement, statement.param(volunteerId, 'uuid'), window);
    const [row]: { id: string }[] = await statement.run(manager, `SELECT id FROM ${added}`);
    return row.id;
  }

  /** The window as a part of a combined statement, written only if `when` holds (RETURNING *). */
  private insertWindowIn(
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

  private async lockOwnProfile(manager: EntityManager, user: AuthenticatedUser): Promise<string> {
    const [profile]: { id: string }[] = await manager.query(
      `SELECT id FROM volunteer_profiles WHERE user_id = $1 FOR UPDATE`,
      [user.userId],
    );
    if (!profile) throw new DomainError('VOLUNTEER_PROFILE_REQUIRED');
    return profile.id;
  }
}

/**
 * The volunteer may now fit open needs nearby (new hours, categories, radius or vehicle):
 * matching looks again once this commits. The job carries the profile id only.
 */
export async function askMatching(manager: EntityManager, volunteerId: string): Promise<void> {
  await writeOutbox(manager, outboxJob(JOBS.matchNearVolunteer, { volunteerId }));
}
