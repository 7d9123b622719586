import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { onlyRow, queryPrepared, Queryable } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { AuthLevel } from '../spid-cie/levels';
import type { RoleGrant } from './session.service';

/** A session found by its refresh token, with its user's status. */
export interface RefreshableSession {
  id: string;
  user_id: string;
  family_id: string;
  revoked_at: Date | null;
  expired: boolean;
  user_status: string;
  auth_level: AuthLevel | null;
}

/** What a signed-in request needs of a live session: the user's roles and the session's level. */
export interface LiveSessionRow {
  roles: RoleGrant[];
  auth_level: AuthLevel | null;
}

/** A session to store: only the refresh token's hash. */
export interface NewSession {
  userId: string;
  familyId: string;
  refreshTokenHash: Buffer;
  expiresAt: Date;
  authLevel: AuthLevel | null;
}

/** The sessions table (refresh token families). Methods that take `db` run in the caller's transaction. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores a session; answers its id. */
  /** Retention: sessions ended (expired or revoked) `days` ago or earlier; returns how many. */
  async deleteEndedBefore(days: number): Promise<number> {
    const [, deleted]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM sessions
          WHERE least(expires_at, coalesce(revoked_at, expires_at)) <= now() - make_interval(days => $1)`,
      [days],
    );
    return deleted;
  }

  async insertSession(db: Queryable, session: NewSession): Promise<string> {
    const row = await onlyRow<{ id: string }>(
      db,
      `INSERT INTO sessions (user_id, family_id, refresh_token_hash, expires_at, auth_level)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [session.userId, session.familyId, session.refreshTokenHash, session.expiresAt, session.authLevel],
    );
    return row.id;
  }

  /** The session of this refresh token, locked (not its user). */
  async lockByRefreshTokenHash(
    db: Queryable,
    refreshTokenHash: Buffer,
  ): Promise<RefreshableSession | undefined> {
    const [session]: RefreshableSession[] = await db.query(
      `SELECT s.id, s.user_id, s.family_id, s.revoked_at, s.expires_at <= now() AS expired, u.status AS user_status,
                s.auth_level
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.refresh_token_hash = $1
          FOR UPDATE OF s`,
      [refreshTokenHash],
    );
    return session;
  }

  /** Revokes every live session of the family. */
  async revokeFamily(db: Queryable, familyId: string): Promise<void> {
    await db.query(`UPDATE sessions SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
      familyId,
    ]);
  }

  /** Revokes a rotated session, pointing to the one of its new refresh token. */
  async revokeRotated(db: Queryable, sessionId: string, newRefreshTokenHash: Buffer): Promise<void> {
    await db.query(
      `UPDATE sessions SET revoked_at = now(),
                replaced_by_session_id = (SELECT id FROM sessions WHERE refresh_token_hash = $2)
          WHERE id = $1`,
      [sessionId, newRefreshTokenHash],
    );
  }

  /** Revokes the live sessions of this session's family (sign-out). */
  async revokeFamilyOfSession(sessionId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE sessions SET revoked_at = now()
        WHERE family_id = (SELECT family_id FROM sessions WHERE id = $1) AND revoked_at IS NULL`,
      [sessionId],
    );
  }

  /**
   * The roles and level of a live session of an active user; none when it is not. On every
   * signed-in request: prepared, as planning it cost several times its execution.
   */
  async findLiveSession(sessionId: string, userId: string): Promise<LiveSessionRow[]> {
    return queryPrepared<LiveSessionRow>(
      this.dataSource,
      `SELECT coalesce((SELECT json_agg(json_build_object('role', r.role, 'territoryId', r.territory_id,
                                                          'organisationId', r.organisation_id))
                          FROM user_roles r WHERE r.user_id = u.id), '[]'::json) AS roles,
              s.auth_level
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`,
      [sessionId, userId],
    );
  }
}
