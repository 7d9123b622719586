import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainError, sha256 } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../users/role';

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  userId: string;
}

export interface RoleGrant {
  role: Role;
  territoryId: string | null;
  organisationId: string | null;
}

export interface AuthenticatedUser {
  userId: string;
  sessionId: string;
  /** Loaded with the session check, once per request. */
  roles: RoleGrant[];
}

interface AccessTokenClaims {
  sub: string;
  sid: string;
}

/**
 * Short-lived JWT access tokens and rotating refresh tokens. Refresh tokens are stored only as
 * SHA-256 hashes; presenting one that was already rotated revokes its whole family (theft).
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
  ) {}

  async issue(
    manager: EntityManager,
    userId: string,
    familyId: string = randomUUID(),
  ): Promise<IssuedTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86400 * 1000);
    const [session]: { id: string }[] = await manager.query(
      `INSERT INTO sessions (user_id, family_id, refresh_token_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [userId, familyId, sha256(refreshToken), refreshTokenExpiresAt],
    );
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const claims: AccessTokenClaims = { sub: userId, sid: session.id };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ttl });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(Date.now() + ttl * 1000),
      refreshToken,
      refreshTokenExpiresAt,
      userId,
    };
  }

  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [session]: {
        id: string;
        user_id: string;
        family_id: string;
        revoked_at: Date | null;
        expired: boolean;
        user_status: string;
      }[] = await manager.query(
        `SELECT s.id, s.user_id, s.family_id, s.revoked_at, s.expires_at <= now() AS expired, u.status AS user_status
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.refresh_token_hash = $1
          FOR UPDATE OF s`,
        [sha256(refreshToken)],
      );
      if (!session) return { error: 'SESSION_INVALID' } as const;
      if (session.revoked_at) {
        // A rotated token came back: someone else may hold the family. End it for everyone.
        await manager.query(
          `UPDATE sessions SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
          [session.family_id],
        );
        return { error: 'SESSION_INVALID' } as const;
      }
      if (session.expired) return { error: 'SESSION_EXPIRED' } as const;
      if (session.user_status !== 'active') return { error: 'ACCOUNT_SUSPENDED' } as const;
      const tokens = await this.issue(manager, session.user_id, session.family_id);
      await manager.query(
        `UPDATE sessions SET revoked_at = now(),
                replaced_by_session_id = (SELECT id FROM sessions WHERE refresh_token_hash = $2)
          WHERE id = $1`,
        [session.id, sha256(tokens.refreshToken)],
      );
      return { tokens } as const;
    });
    if ('error' in outcome)
      throw new DomainError(outcome.error ?? 'SESSION_INVALID', { field: 'refreshToken' });
    return outcome.tokens;
  }

  /** Ends the session family of the caller: the access token and every refresh token in it. */
  async signOut(user: AuthenticatedUser): Promise<void> {
    await this.dataSource.query(
      `UPDATE sessions SET revoked_at = now()
        WHERE family_id = (SELECT family_id FROM sessions WHERE id = $1) AND revoked_at IS NULL`,
      [user.sessionId],
    );
  }

  /** Checks signature, expiry, and that the session was not revoked nor the user suspended. */
  async authenticate(accessToken: string): Promise<AuthenticatedUser | null> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(accessToken);
    } catch {
      return null;
    }
    if (typeof claims.sid !== 'string' || typeof claims.sub !== 'string') return null;
    const rows: { roles: RoleGrant[] }[] = await this.dataSource.query(
      `SELECT coalesce((SELECT json_agg(json_build_object('role', r.role, 'territoryId', r.territory_id,
                                                          'organisationId', r.organisation_id))
                          FROM user_roles r WHERE r.user_id = u.id), '[]'::json) AS roles
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`,
      [claims.sid, claims.sub],
    );
    return rows.length ? { userId: claims.sub, sessionId: claims.sid, roles: rows[0].roles } : null;
  }
}
