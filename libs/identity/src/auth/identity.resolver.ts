import { Inject, UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainError, queryPrepared, SensitiveOperation } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { PhoneVerificationService } from '../phone/phone-verification.service';
import { AuthenticatedUser, IssuedTokens, SessionService } from '../sessions/session.service';
import {
  clearRefreshCookie,
  CookieContext,
  isWebClient,
  readRefreshCookie,
  setRefreshCookie,
} from '../sessions/web-session-cookie';
import { User } from '../users/user.entity';
import { UserRole } from '../users/user-role.entity';
import { AuthGuard, CurrentUser } from './auth.guard';
import {
  AuthPayload,
  PhoneVerificationChallenge,
  RefreshSessionInput,
  RequestPhoneVerificationInput,
  VerifyPhoneInput,
} from './identity.types';

/** loadUser's row: the user's columns, the roles as JSON (their dates as text). */
type UserRow = Omit<User, 'roles'> & {
  roles: (Omit<UserRole, 'createdAt' | 'user'> & { createdAt: string })[];
};

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly verification: PhoneVerificationService,
    private readonly sessions: SessionService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => PhoneVerificationChallenge, {
    description:
      'Sends a 6-digit code by SMS to sign up or sign in. Same answer whether or not the number is known.',
  })
  @SensitiveOperation()
  requestPhoneVerification(
    @Args('input') input: RequestPhoneVerificationInput,
  ): Promise<PhoneVerificationChallenge> {
    return this.verification.requestVerification(input.phone, input.language);
  }

  @Mutation(() => AuthPayload, {
    description: 'Checks the SMS code; creates the account on first use and signs in.',
  })
  @SensitiveOperation()
  async verifyPhone(
    @Args('input') input: VerifyPhoneInput,
    @Context() context: CookieContext,
  ): Promise<AuthPayload> {
    return this.toPayload(
      await this.verification.verify(input.phone, input.code, input.language, input.privacyNoticeVersion),
      context,
    );
  }

  @Mutation(() => AuthPayload, {
    description:
      'Exchanges a refresh token for new tokens; the old one stops working. The web app sends no ' +
      'input: its token is the HttpOnly cookie.',
  })
  async refreshSession(
    @Args('input', { type: () => RefreshSessionInput, nullable: true })
    input: RefreshSessionInput | undefined,
    @Context() context: CookieContext,
  ): Promise<AuthPayload> {
    const refreshToken =
      input?.refreshToken ?? (isWebClient(context) ? readRefreshCookie(context) : undefined);
    if (!refreshToken) throw new DomainError('SESSION_INVALID', { field: 'refreshToken' });
    try {
      return await this.toPayload(await this.sessions.refresh(refreshToken), context);
    } catch (error) {
      // A dead cookie is useless: drop it, so the browser stops sending it.
      if (isWebClient(context) && !input?.refreshToken)
        clearRefreshCookie(context, this.config.SESSION_COOKIE_SECURE);
      throw error;
    }
  }

  @Mutation(() => Boolean, { description: 'Ends this session on every token issued for it.' })
  @UseGuards(AuthGuard)
  async signOut(@CurrentUser() user: AuthenticatedUser, @Context() context: CookieContext): Promise<boolean> {
    await this.sessions.signOut(user);
    if (isWebClient(context)) clearRefreshCookie(context, this.config.SESSION_COOKIE_SECURE);
    return true;
  }

  @Query(() => User, { description: 'The signed-in person, with their roles.' })
  @UseGuards(AuthGuard)
  me(@CurrentUser() user: AuthenticatedUser): Promise<User> {
    return this.loadUser(user.userId);
  }

  /** The web app gets its refresh token as an HttpOnly cookie, never in the body a script reads. */
  private async toPayload(tokens: IssuedTokens, context: CookieContext): Promise<AuthPayload> {
    const user = await this.loadUser(tokens.userId);
    if (!isWebClient(context)) return { ...tokens, user };
    setRefreshCookie(
      context,
      tokens.refreshToken,
      tokens.refreshTokenExpiresAt,
      this.config.SESSION_COOKIE_SECURE,
    );
    return { ...tokens, refreshToken: null, user };
  }

  private async loadUser(userId: string): Promise<User> {
    // `me` is a tenth of bench:api's mix: one prepared statement, the roles as JSON, instead of
    // TypeORM building, running and hydrating a join on every call.
    const [row] = await queryPrepared<UserRow>(
      this.dataSource,
      `SELECT u.id, u.phone_e164 AS "phoneE164", u.display_name AS "displayName", u.language, u.status,
              u.phone_verified_at AS "phoneVerifiedAt", u.created_at AS "createdAt", u.updated_at AS "updatedAt",
              coalesce((SELECT json_agg(json_build_object('id', r.id, 'userId', r.user_id, 'role', r.role,
                         'territoryId', r.territory_id, 'organisationId', r.organisation_id,
                         'grantedByUserId', r.granted_by_user_id, 'createdAt', r.created_at) ORDER BY r.created_at, r.id)
                          FROM user_roles r WHERE r.user_id = u.id), '[]') AS roles
         FROM users u WHERE u.id = $1`,
      [userId],
    );
    if (!row) throw new DomainError('UNAUTHENTICATED');
    const user = Object.assign(new User(), row);
    user.roles = row.roles.map((role) =>
      Object.assign(new UserRole(), role, { createdAt: new Date(role.createdAt) }),
    );
    return user;
  }
}
