import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainError } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../users/role';
import { AuthenticatedUser, SessionService } from '../sessions/session.service';
import { satisfiesStepUp } from '../spid-cie/levels';
import { TERRITORY_COVERAGE, TerritoryCoverage } from './territory-coverage';

export const COMUNE_STAFF_ROLES = [Role.COMUNE_OPERATOR, Role.COMUNE_MODERATOR] as const;

/** The roles held per organisation: either makes a person one of its members. */
export const ORGANISATION_ROLES = [Role.ORGANISATION_ADMIN, Role.ORGANISATION_OPERATOR] as const;

/** Where a staff operation acts, for the territories' step-up setting. */
export interface StepUpPlace {
  territoryIds?: readonly string[];
  comuneIstats?: readonly string[];
}

/** Where a role applies: everywhere (platform admin), or a list of territories. */
export type TerritoryScope = { all: true } | { all: false; territoryIds: string[] };

/**
 * The one place that decides who may act where. Comune staff act only in the territories they
 * hold a role for; a platform admin acts everywhere. Records are tied to a Comune (ISTAT code),
 * and a territory covers one or more Comuni.
 */
@Injectable()
export class AccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TERRITORY_COVERAGE) private readonly coverage: TerritoryCoverage,
  ) {}

  /** The platform's default for staff step-up (STAFF_STEP_UP; unset: on in production only). */
  get stepUpDefault(): boolean {
    return this.config.STAFF_STEP_UP ?? this.config.NODE_ENV === 'production';
  }

  /**
   * Whether staff must have stepped up for records of these territories or Comuni: each territory's
   * own setting, or the platform default where it has none. A Comune in several territories needs
   * step-up when any of them asks for it (the stricter wins); a record in no territory, the default.
   */
  async stepUpRequiredIn(
    where: StepUpPlace,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const required = await this.coverage.stepUpRequired(
      manager,
      where.territoryIds ?? [],
      where.comuneIstats ?? [],
      this.stepUpDefault,
    );
    return required ?? this.stepUpDefault;
  }

  /**
   * Staff operations on health data, erasure and accreditation: where step-up is on (per territory,
   * see stepUpRequiredIn), the session must be signed in with SPID level 2 or above or CIE, not only
   * an SMS code (STEP_UP_REQUIRED otherwise).
   */
  async requireStepUp(
    user: Pick<AuthenticatedUser, 'authLevel'> | undefined,
    where: StepUpPlace,
    manager?: EntityManager,
  ): Promise<void> {
    if (satisfiesStepUp(user?.authLevel)) return;
    if (await this.stepUpRequiredIn(where, manager)) throw new DomainError('STEP_UP_REQUIRED');
  }

  /**
   * Call once a change of the user's roles or status is committed: this process re-checks their
   * tokens on the next request instead of trusting its short-lived session cache.
   */
  forgetCheckedSessions(userId: string): void {
    this.sessions.forgetCheckedSessions(userId);
  }

  hasRole(user: AuthenticatedUser, role: Role): boolean {
    return user.roles.some((grant) => grant.role === role);
  }

  isPlatformAdmin(user: AuthenticatedUser): boolean {
    return this.hasRole(user, Role.PLATFORM_ADMIN);
  }

  requireRole(user: AuthenticatedUser, roles: readonly Role[]): void {
    if (!this.isPlatformAdmin(user) && !user.roles.some((grant) => roles.includes(grant.role))) {
      throw new DomainError('FORBIDDEN');
    }
  }

  /** Organisation roles (ORGANISATION_ADMIN, ORGANISATION_OPERATOR) are held per organisation. */
  hasOrganisationRole(user: AuthenticatedUser, organisationId: string, roles: readonly Role[]): boolean {
    return user.roles.some((grant) => roles.includes(grant.role) && grant.organisationId === organisationId);
  }

  requireOrganisationRole(user: AuthenticatedUser, organisationId: string, roles: readonly Role[]): void {
    if (!this.isPlatformAdmin(user) && !this.hasOrganisationRole(user, organisationId, roles)) {
      throw new DomainError('FORBIDDEN');
    }
  }

  /** Whether the user is a member (admin or operator) of the organisation. */
  isOrganisationMember(user: AuthenticatedUser, organisationId: string): boolean {
    return this.hasOrganisationRole(user, organisationId, ORGANISATION_ROLES);
  }

  /** A member of the organisation, or a platform admin; FORBIDDEN otherwise. */
  requireOrganisationMember(user: AuthenticatedUser, organisationId: string): void {
    this.requireOrganisationRole(user, organisationId, ORGANISATION_ROLES);
  }

  /** Territories where the user holds one of the roles (platform admins: all). */
  scope(user: AuthenticatedUser, roles: readonly Role[]): TerritoryScope {
    if (this.isPlatformAdmin(user)) return { all: true };
    const territoryIds = user.roles
      .filter((grant) => roles.includes(grant.role) && grant.territoryId)
      .map((grant) => grant.territoryId as string);
    return { all: false, territoryIds: [...new Set(territoryIds)] };
  }

  requireTerritoryRole(user: AuthenticatedUser, territoryId: string, roles: readonly Role[]): void {
    const scope = this.scope(user, roles);
    if (!scope.all && !scope.territoryIds.includes(territoryId)) throw new DomainError('FORBIDDEN');
  }

  /** The territories of the user's scope that cover the Comune; FORBIDDEN when none does. */
  async requireComuneRole(
    user: AuthenticatedUser,
    comuneIstat: string,
    roles: readonly Role[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const scope = this.scope(user, roles);
    if (scope.all) return;
    if (!(await this.coverage.comuneInTerritories(manager, comuneIstat, scope.territoryIds)))
      throw new DomainError('FORBIDDEN');
  }

  /**
   * A SQL condition restricting `column` (a Comune ISTAT code) to the scope; parameters are
   * appended to `params`. Use it in every staff list query.
   */
  comuneCondition(scope: TerritoryScope, column: string, params: unknown[]): string {
    if (scope.all) return 'true';
    params.push(scope.territoryIds);
    return `${column} IN (${this.coverage.comuniOfTerritoriesSql(`$${params.length}`)})`;
  }

  /** Same for records that carry a territory id. */
  territoryCondition(scope: TerritoryScope, column: string, params: unknown[]): string {
    if (scope.all) return 'true';
    params.push(scope.territoryIds);
    return `${column} = ANY($${params.length}::uuid[])`;
  }
}
