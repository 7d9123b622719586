import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { cursorTimestampSql, firstValue, onlyRow, Queryable } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from './role';

// Sub-selects for other libraries' statements (as moderation's publishedCondition): the
// organisations a user belongs to, `userParam` being the placeholder of the user's id.

/** The organisations where the user answers for the organisation (its admins and operators). */
export const organisationsWorkedForSql = (userParam: string): string =>
  `(SELECT organisation_id FROM user_roles WHERE user_id = ${userParam}
     AND role IN ('organisation_admin', 'organisation_operator') AND organisation_id IS NOT NULL)`;

/**
 * The same organisations as an array, for `column = ANY (...)`: computed once before the scan, so
 * `x = $1 OR column = ANY (...)` can use an index for each half (a bitmap OR). With `column IN
 * (sub-select)` PostgreSQL checks the OR row by row after a scan of the whole table.
 */
export const organisationsWorkedForArraySql = (userParam: string): string =>
  `ARRAY${organisationsWorkedForSql(userParam)}`;

/** The organisations where the user holds any role. */
export const organisationsOfMemberSql = (userParam: string): string =>
  `(SELECT organisation_id FROM user_roles WHERE user_id = ${userParam} AND organisation_id IS NOT NULL)`;

/** The organisations where the user holds one of the roles (`rolesParam`: a text array). */
export const organisationsWithRolesSql = (userParam: string, rolesParam: string): string =>
  `(SELECT organisation_id FROM user_roles WHERE user_id = ${userParam} AND role = ANY(${rolesParam}))`;

/**
 * The contact of the organisation whose id is the SQL `organisationIdColumn`, as `contact.user_id`
 * (a CROSS JOIN LATERAL: an organisation without one drops out): its first active admin, else its
 * first active operator.
 */
export const organisationContactSql = (organisationIdColumn: string): string =>
  `CROSS JOIN LATERAL (
           SELECT ur.user_id FROM user_roles ur JOIN users u ON u.id = ur.user_id AND u.status = 'active'
            WHERE ur.organisation_id = ${organisationIdColumn} AND ur.role IN ('organisation_admin', 'organisation_operator')
            ORDER BY (ur.role = 'organisation_admin') DESC, ur.created_at, ur.user_id LIMIT 1) contact`;

/** A person holding staff roles in a territory. */
export interface TerritoryStaffRow {
  userId: string;
  displayName: string | null;
  phoneE164: string | null;
  roles: Role[];
}

/** A staff member with the sort key of the staff page: 'true' when they gave no name. */
export type TerritoryStaffPageRow = TerritoryStaffRow & { unnamed: string };

/** A member of an organisation, with the key of the members' page. */
export interface OrganisationMemberRow {
  id: string;
  organisationId: string;
  userId: string;
  roleName: Role;
  name: string | null;
  phone: string | null;
  since: Date;
  cursorKey: string;
}

/**
 * Roles and accounts as other libraries grant, revoke, list and look them up (user_roles and users
 * are identity's): territory's staff, directory's organisation members, matching's look-ups.
 */
@Injectable()
export class UserRolesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The territory's operators and moderators, by name, the erased left out. */
  async staffOf(territoryId: string): Promise<TerritoryStaffRow[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.phone_e164 AS "phoneE164",
              array_agg(r.role ORDER BY r.role) AS roles
         FROM user_roles r JOIN users u ON u.id = r.user_id
        WHERE r.territory_id = $1 AND r.role IN ('comune_operator', 'comune_moderator') AND u.status <> 'erased'
        GROUP BY u.id, u.display_name, u.phone_e164
        ORDER BY u.display_name NULLS LAST, u.id`,
      [territoryId],
    );
  }

  /**
   * Up to `limit` of the same staff by (has no name, name, id), after the `cursor` of that key
   * (its parts as the page's cursor gives them).
   */
  async staffPage(
    territoryId: string,
    cursor: readonly (string | number)[] | undefined,
    limit: number,
  ): Promise<TerritoryStaffPageRow[]> {
    const params: unknown[] = [territoryId];
    let after = '';
    if (cursor) {
      params.push(cursor[0], cursor[1], cursor[2]);
      after = `AND (u.display_name IS NULL, coalesce(u.display_name, ''), u.id) > ($2::boolean, $3, $4::uuid)`;
    }
    params.push(limit);
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.phone_e164 AS "phoneE164",
              array_agg(r.role ORDER BY r.role) AS roles, (u.display_name IS NULL)::text AS unnamed
         FROM user_roles r JOIN users u ON u.id = r.user_id
        WHERE r.territory_id = $1 AND r.role IN ('comune_operator', 'comune_moderator') AND u.status <> 'erased'
              ${after}
        GROUP BY u.id, u.display_name, u.phone_e164
        ORDER BY u.display_name IS NULL, coalesce(u.display_name, ''), u.id LIMIT $${params.length}`,
      params,
    );
  }

  /** The id of the user with this number; undefined when nobody signed up with it. */
  async userIdByPhone(manager: Queryable, phoneE164: string): Promise<string | undefined> {
    const [person]: { id: string }[] = await manager.query(`SELECT id FROM users WHERE phone_e164 = $1`, [
      phoneE164,
    ]);
    return person?.id;
  }

  /** The id of the active account with this number; undefined when there is none. */
  async activeUserIdByPhone(db: Queryable, phoneE164: string): Promise<string | undefined> {
    return firstValue<string>(db, `SELECT id FROM users WHERE phone_e164 = $1 AND status = 'active'`, [
      phoneE164,
    ]);
  }

  /** Whether there is an account with this id. */
  async userExists(db: Queryable, userId: string): Promise<boolean> {
    const [exists]: unknown[] = await db.query(`SELECT 1 FROM users WHERE id = $1`, [userId]);
    return exists !== undefined;
  }

  /** Grants a role held everywhere (volunteer); granting it twice is one grant. */
  async grantRole(db: Queryable, userId: string, role: Role): Promise<void> {
    await db.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      userId,
      role,
    ]);
  }

  /** Grants a staff role in a territory; granting it twice is one grant. */
  async grantTerritoryRole(
    manager: EntityManager,
    userId: string,
    role: Role,
    territoryId: string,
    grantedByUserId: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO user_roles (user_id, role, territory_id, granted_by_user_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
      [userId, role, territoryId, grantedByUserId],
    );
  }

  /**
   * Revokes the territory role from the user with this number; the user's id, undefined when they
   * had no such role.
   */
  async revokeTerritoryRoleByPhone(
    manager: EntityManager,
    phoneE164: string,
    role: Role,
    territoryId: string,
  ): Promise<string | undefined> {
    // TypeORM answers DELETE ... RETURNING with [rows, affected].
    const [removed]: [{ user_id: string }[], number] = await manager.query(
      `DELETE FROM user_roles r USING users u
          WHERE r.user_id = u.id AND u.phone_e164 = $1 AND r.role = $2 AND r.territory_id = $3
          RETURNING r.user_id`,
      [phoneE164, role, territoryId],
    );
    return removed[0]?.user_id;
  }

  /**
   * The organisation's members in these roles, longest-standing first, after the (created_at, id)
   * cursor; `first` plus one, so the caller knows whether a page follows.
   */
  organisationMembersPage(
    organisationId: string,
    roles: readonly Role[],
    after: readonly [string, string] | null,
    first: number,
  ): Promise<OrganisationMemberRow[]> {
    const params: unknown[] = [organisationId, roles];
    const conditions = ['r.organisation_id = $1', 'r.role = ANY($2)'];
    if (after) {
      params.push(after[0], after[1]);
      conditions.push(`(r.created_at, r.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(first + 1);
    return this.dataSource.query(
      `SELECT r.id, r.organisation_id AS "organisationId", r.user_id AS "userId", r.role AS "roleName",
              u.display_name AS name, u.phone_e164 AS phone, r.created_at AS since,
              ${cursorTimestampSql('r.created_at')} AS "cursorKey"
         FROM user_roles r JOIN users u ON u.id = r.user_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY r.created_at, r.id LIMIT $${params.length}`,
      params,
    );
  }

  /** The user's phone number. */
  phoneOf(db: Queryable, userId: string): Promise<string | undefined> {
    return firstValue<string>(db, `SELECT phone_e164 FROM users WHERE id = $1`, [userId]);
  }

  /** Grants the role in the organisation; nothing if it is already held. */
  async grantOrganisationRole(
    db: Queryable,
    grant: { userId: string; role: Role; organisationId: string; grantedByUserId: string },
  ): Promise<void> {
    await db.query(
      `INSERT INTO user_roles (user_id, role, organisation_id, granted_by_user_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [grant.userId, grant.role, grant.organisationId, grant.grantedByUserId],
    );
  }

  /** Deletes the user's roles of these in the organisation and answers those deleted. */
  async revokeOrganisationRoles(
    db: Queryable,
    userId: string,
    organisationId: string,
    roles: readonly Role[],
  ): Promise<Role[]> {
    // DELETE ... RETURNING comes back from TypeORM as [rows, rowCount].
    const [removed]: [{ role: Role }[], number] = await db.query(
      `DELETE FROM user_roles WHERE user_id = $1 AND organisation_id = $2 AND role = ANY($3) RETURNING role`,
      [userId, organisationId, roles],
    );
    return removed.map((row) => row.role);
  }

  /** How many admins the organisation has. */
  async countOrganisationAdmins(db: Queryable, organisationId: string): Promise<number> {
    const { admins } = await onlyRow<{ admins: number }>(
      db,
      `SELECT count(*)::int AS admins FROM user_roles WHERE organisation_id = $1 AND role = $2`,
      [organisationId, Role.ORGANISATION_ADMIN],
    );
    return admins;
  }

  /** Whether the user holds any role in the organisation. */
  async holdsOrganisationRole(db: Queryable, userId: string, organisationId: string): Promise<boolean> {
    const rows: unknown[] = await db.query(
      `SELECT 1 FROM user_roles WHERE user_id = $1 AND organisation_id = $2 LIMIT 1`,
      [userId, organisationId],
    );
    return rows.length > 0;
  }
}
