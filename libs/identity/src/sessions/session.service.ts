import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainError, sha256 } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AuthLevel } from '../spid-cie/levels';
import { Role } from '../users/role';
import { SessionCache } from './session-cache';
import { SessionsRepository } from './sessions.repository';

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  userId: string;
  /** SPID/CIE level of the session; null when signed in by phone. */
  authLevel: AuthLevel | null;
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
  /** How this session was signed in (SPID/CIE level), null for phone and SMS code. */
  authLevel: AuthLevel | null;
}

const MAX_VERIFIED_TOKENS = 20_000;

interface AccessTokenClaims {
  sub: string;
  sid: string;
  /** Seconds since the epoch (jsonwebtoken sets it from expiresIn). */
  exp?: number;
}

/**
 * Short-lived JWT access tokens and rotating refresh tokens. Refresh tokens are stored only as
 * SHA-256 hashes; presenting one that was already rotated revokes its whole family (theft).
 */
@Injectable()
export class SessionService {
  /** Recently checked access tokens (SessionCache says the bound on revocation). */
  private readonly checked: SessionCache<AuthenticatedUser>;
  /** Access tokens whose signature was verified, with their claims, until they expire. */
  private readonly verifiedTokens = new Map<string, { sub: string; sid: string; expiresAt: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly repository: SessionsRepository,
  ) {
    this.checked = new SessionCache(
      config.SESSION_CACHE_TTL_MS ?? (config.NODE_ENV === 'production' ? 5_000 : 0),
    );
  }

  /**
   * Call after committing anything that ends or changes a user's access (sessions revoked, status,
   * roles): this process stops trusting the user's recently checked tokens at once.
   */
  forgetCheckedSessions(userId: string): void {
    this.checked.forgetUser(userId);
  }

  async issue(
    manager: EntityManager,
    userId: string,
    familyId: string = randomUUID(),
    authLevel: AuthLevel | null = null,
  ): Promise<IssuedTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86400 * 1000);
    const sessionId = await this.repository.insertSession(manager, {
      userId,
      familyId,
      refreshTokenHash: sha256(refreshToken),
      expiresAt: refreshTokenExpiresAt,
      authLevel,
    });
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const claims: AccessTokenClaims = { sub: userId, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ttl });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(Date.now() + ttl * 1000),
      refreshToken,
      refreshTokenExpiresAt,
      userId,
      authLevel,
    };
  }

  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const session = await this.repository.lockByRefreshTokenHash(manager, sha256(refreshToken));
      if (!session) return { error: 'SESSION_INVALID' } as const;
      if (session.revoked_at) {
        // A rotated token came back: someone else may hold the family. End it for everyone.
        await this.repository.revokeFamily(manager, session.family_id);
        return { error: 'SESSION_INVALID', userId: session.user_id } as const;
      }
      if (session.expired) return { error: 'SESSION_EXPIRED' } as const;
      if (session.user_status !== 'active') return { error: 'ACCOUNT_SUSPENDED' } as const;
      // The session keeps the level it was signed in at across rotations.
      const tokens = await this.issue(manager, session.user_id, session.family_id, session.auth_level);
      await this.repository.revokeRotated(manager, session.id, sha256(tokens.refreshToken));
      return { tokens } as const;
    });
    // Rotation revoked the old session (its access tokens die with it); reuse revoked the family.
    if ('userId' in outcome && outcome.userId) this.forgetCheckedSessions(outcome.userId);
    if ('error' in outcome)
      throw new DomainError(outcome.error ?? 'SESSION_INVALID', { field: 'refreshToken' });
    this.forgetCheckedSessions(outcome.tokens.userId);
    return outcome.tokens;
  }

  /** Ends the session family of the caller: the access token and every refresh token in it. */
  async signOut(user: AuthenticatedUser): Promise<void> {
    await this.repository.revokeFamilyOfSession(user.sessionId);
    this.forgetCheckedSessions(user.userId);
  }

  /**
   * The roles of a live session of an active user, read now (never from the cache); null when the
   * session was revoked or expired, or the person suspended. For tickets bound to a session.
   */
  async liveSessionRoles(sessionId: string, userId: string): Promise<RoleGrant[] | null> {
    const rows = await this.repository.findLiveSession(sessionId, userId);
    return rows.length ? rows[0].roles : null;
  }

  /**
   * Checks signature, expiry, and that the session was not revoked nor the user suspended. A token
   * checked less than SESSION_CACHE_TTL_MS ago is answered from memory (see SessionCache).
   */
  async authenticate(accessToken: string): Promise<AuthenticatedUser | null> {
    const recent = this.checked.get(accessToken);
    if (recent) return recent;
    const claims = await this.verifiedClaims(accessToken);
    if (!claims) return null;
    const rows = await this.repository.findLiveSession(claims.sid, claims.sub);
    if (!rows.length) return null;
    // Shared by the requests that reuse it from the cache: frozen so none can change another's view.
    const user: AuthenticatedUser = Object.freeze({
      userId: claims.sub,
      sessionId: claims.sid,
      roles: Object.freeze(rows[0].roles.map((grant) => Object.freeze(grant))) as RoleGrant[],
      authLevel: rows[0].auth_level,
    });
    this.checked.set(accessToken, user, claims.expiresAt);
    return user;
  }

  /**
   * The token's claims once its signature and issuer check out. A signature never changes, so a
   * token verified before is only checked for expiry (the HMAC showed in profiles): this caches no
   * session state, only the result of pure arithmetic on the token's own bytes.
   */
  private async verifiedClaims(
    accessToken: string,
  ): Promise<{ sub: string; sid: string; expiresAt: number } | null> {
    const known = this.verifiedTokens.get(accessToken);
    if (known) {
      if (Date.now() < known.expiresAt) return known;
      this.verifiedTokens.delete(accessToken);
      return null;
    }
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(accessToken);
    } catch {
      return null;
    }
    if (typeof claims.sid !== 'string' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') {
      return null;
    }
    const verified = { sub: claims.sub, sid: claims.sid, expiresAt: claims.exp * 1000 };
    if (this.verifiedTokens.size >= MAX_VERIFIED_TOKENS) {
      // Oldest first (a Map keeps insertion order): memory stays bounded whatever the traffic.
      this.verifiedTokens.delete(this.verifiedTokens.keys().next().value as string);
    }
    this.verifiedTokens.set(accessToken, verified);
    return verified;
  }
}
