import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService,
  AuthenticatedUser,
  COMUNE_STAFF_ROLES,
  Role,
  UserRolesRepository,
} from '@prossimo/identity';
import { ContentType, ModerationService } from '@prossimo/moderation';
import {
  DomainError,
  JOBS,
  mapPage,
  outboxJob,
  Page,
  Queryable,
  toPage,
  writeOutbox,
} from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  CheckedWindow,
  checkWindow,
  expandRecurring,
  formatClock,
  MAX_AVAILABILITY_WINDOWS,
  WindowShape,
} from '../availability/time-windows';
import { requireUuid, roundedKm } from '../reference/geo';
import { ReferenceReadsRepository } from '../reference/reference-reads.repository';
import {
  AvailabilityKind,
  AvailabilityWindow,
  AvailabilityWindowInput,
  AvailableVolunteersArgs,
  MyVolunteerProfile,
  UpsertVolunteerProfileInput,
  VolunteerPublicProfile,
} from './volunteer.types';
import {
  VolunteerPublicRow,
  VolunteerSearchArea,
  VolunteersRepository,
  WindowRow,
} from './volunteers.repository';

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
    private readonly volunteers: VolunteersRepository,
    private readonly references: ReferenceReadsRepository,
    private readonly roles: UserRolesRepository,
  ) {}

  /** Any signed-in person becomes a volunteer by writing a profile; it grants the VOLUNTEER role. */
  async upsertProfile(
    user: AuthenticatedUser,
    input: UpsertVolunteerProfileInput,
  ): Promise<MyVolunteerProfile> {
    // Every window is checked before anything is written: a wrong one leaves no trace.
    const windows = input.availability ? this.checkWindows(input.availability, 'availability') : null;
    await this.dataSource.transaction((manager) => this.writeProfileIn(manager, user, input, windows));
    return (await this.myProfile(user)) as MyVolunteerProfile;
  }

  /**
   * upsertProfile() in the caller's transaction (the api's warm-up rehearses it and rolls back);
   * answers the profile's id.
   */
  async upsertProfileIn(
    manager: EntityManager,
    user: AuthenticatedUser,
    input: UpsertVolunteerProfileInput,
  ): Promise<string> {
    const windows = input.availability ? this.checkWindows(input.availability, 'availability') : null;
    return this.writeProfileIn(manager, user, input, windows);
  }

  private async writeProfileIn(
    manager: EntityManager,
    user: AuthenticatedUser,
    input: UpsertVolunteerProfileInput,
    windows: CheckedWindow[] | null,
  ): Promise<string> {
    const home = await this.references.nearestComune(manager, input.homeLat, input.homeLon, 'homeLat');
    const comune = input.comuneIstat
      ? await this.references.comuneByIstat(manager, input.comuneIstat, 'comuneIstat')
      : home;
    if (input.organisationId && (await this.references.organisationMissing(manager, input.organisationId))) {
      throw new DomainError('AFFILIATION_ORGANISATION_NOT_FOUND', { field: 'organisationId' });
    }
    const profileId = await this.volunteers.upsertProfile(manager, {
      userId: user.userId,
      displayName: input.displayName.trim(),
      bio: input.bio.trim(),
      skills: [...new Set(input.skills.map((skill) => skill.trim()))],
      categories: [...new Set(input.categories)],
      languages: [...new Set(input.languages)],
      homeLat: input.homeLat,
      homeLon: input.homeLon,
      comuneIstat: comune.istat,
      travelRadiusKm: input.travelRadiusKm,
      vehicleSeats: input.vehicle?.seats ?? null,
      vehicleWheelchairAccessible: input.vehicle?.wheelchairAccessible ?? false,
      weeklyHourLimit: input.weeklyHourLimit,
      organisationId: input.organisationId ?? null,
    });
    await this.roles.grantRole(manager, user.userId, Role.VOLUNTEER);
    // A new role: the caller's next request must see it (a grant, so no race to fear before commit).
    this.access.forgetCheckedSessions(user.userId);
    if (windows) {
      await this.volunteers.deleteWindowsOf(manager, profileId);
      for (const window of windows) await this.volunteers.insertWindow(manager, profileId, window);
    }
    await this.moderation.submit(manager, {
      contentType: ContentType.VOLUNTEER_PROFILE,
      contentId: profileId,
      comuneIstat: comune.istat,
      authorUserId: user.userId,
      summary: `${input.displayName.trim()}: ${input.bio.trim()}`,
    });
    await askMatching(manager, profileId);
    return profileId;
  }

  async myProfile(user: AuthenticatedUser): Promise<MyVolunteerProfile | null> {
    const row = await this.volunteers.findMyProfile(user.userId);
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
    const row = await this.volunteers.findPublishedProfile(id);
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
    // The profile row lock serialises concurrent additions, so the limit holds: the count in
    // the statement that adds the window starts after the lock, and sees every addition
    // committed before it.
    const profileId = await this.lockOwnProfile(manager, user);
    const inserted = await this.volunteers.addWindowIfRoom(
      manager,
      profileId,
      window,
      MAX_AVAILABILITY_WINDOWS,
    );
    if (!inserted) {
      throw new DomainError('AVAILABILITY_TOO_MANY_WINDOWS', { params: { max: MAX_AVAILABILITY_WINDOWS } });
    }
    return inserted;
  }

  async removeWindow(user: AuthenticatedUser, id: string): Promise<boolean> {
    this.access.requireRole(user, [Role.VOLUNTEER]);
    requireUuid(id, 'id');
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.volunteers.deleteWindowOfUser(manager, id, user.userId))) {
        throw new DomainError('AVAILABILITY_WINDOW_NOT_FOUND', { field: 'id' });
      }
      return true;
    });
  }

  /** The caller's live windows, each with its concrete times in the next weeks. */
  async windowsOf(user: AuthenticatedUser): Promise<AvailabilityWindow[]> {
    const rows = await this.volunteers.findLiveWindowsOfUser(user.userId);
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
    let area: VolunteerSearchArea;
    if (args.comuneIstat) {
      const comune = await this.references.comuneByIstat(manager, args.comuneIstat, 'comuneIstat');
      await this.access.requireComuneRole(user, comune.istat, COMUNE_STAFF_ROLES, manager);
      area = { comuneIstat: comune.istat, lat: comune.lat, lon: comune.lon };
    } else {
      const lat = args.lat as number;
      const lon = args.lon as number;
      const comune = await this.references.nearestComune(manager, lat, lon, 'lat');
      await this.access.requireComuneRole(user, comune.istat, COMUNE_STAFF_ROLES, manager);
      area = { lat, lon, radiusMeters: (args.radiusKm as number) * 1000 };
    }
    const rows = await this.volunteers.findAvailableVolunteersPage(area, args);
    const page = toPage(rows, args.first, (row) => [row.meters, row.id]);
    return mapPage(page, toPublicProfile);
  }

  private checkWindows(inputs: WindowShape[], path: string): CheckedWindow[] {
    const now = new Date();
    return inputs.map((input, index) => {
      const result = checkWindow(input, now, path ? `${path}.${index}` : '');
      if ('issue' in result) throw new DomainError(result.issue.code, { field: result.issue.field });
      return result.window;
    });
  }

  private async lockOwnProfile(manager: Queryable, user: AuthenticatedUser): Promise<string> {
    const profileId = await this.volunteers.lockProfileOfUser(manager, user.userId);
    if (!profileId) throw new DomainError('VOLUNTEER_PROFILE_REQUIRED');
    return profileId;
  }
}

/**
 * The volunteer may now fit open needs nearby (new hours, categories, radius or vehicle):
 * matching looks again once this commits. The job carries the profile id only.
 */
export async function askMatching(manager: EntityManager, volunteerId: string): Promise<void> {
  await writeOutbox(manager, outboxJob(JOBS.matchNearVolunteer, { volunteerId }));
}
