import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '@prossimo/identity';
import { DataSource, EntityManager } from 'typeorm';
import { StaffMember } from '../territories/territory.types';

/** A staff member with the sort key of the staff page: 'true' when they gave no name. */
export type StaffMemberRow = StaffMember & { unnamed: string };

/**
 * A territory's staff: user_roles and users, both owned by the identity library. Kept here until
 * identity exposes staff roles by territory.
 */
@Injectable()
export class TerritoryStaffRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The territory's operators and moderators, by name, the erased left out. */
  async staffOf(territoryId: string): Promise<StaffMember[]> {
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
  ): Promise<StaffMemberRow[]> {
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
  async userIdByPhone(manager: EntityManager, phoneE164: string): Promise<string | undefined> {
    const [person]: { id: string }[] = await manager.query(`SELECT id FROM users WHERE phone_e164 = $1`, [
      phoneE164,
    ]);
    return person?.id;
  }

  /** Granting a role twice is one grant. */
  async grantRole(
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

  /** Revokes the role from the user with this number; the user's id, undefined when they had no such role. */
  async revokeRoleByPhone(
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
}
