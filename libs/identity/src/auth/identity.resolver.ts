import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, SensitiveOperation } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { PhoneVerificationService } from '../phone/phone-verification.service';
import { AuthenticatedUser, IssuedTokens, SessionService } from '../sessions/session.service';
import { User } from '../users/user.entity';
import { AuthGuard, CurrentUser } from './auth.guard';
import {
  AuthPayload,
  PhoneVerificationChallenge,
  RefreshSessionInput,
  RequestPhoneVerificationInput,
  VerifyPhoneInput,
} from './identity.types';

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly verification: PhoneVerificationService,
    private readonly sessions: SessionService,
    @InjectDataSource() private readonly dataSource: DataSource,
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
  async verifyPhone(@Args('input') input: VerifyPhoneInput): Promise<AuthPayload> {
    return this.toPayload(
      await this.verification.verify(input.phone, input.code, input.language, input.privacyNoticeVersion),
    );
  }

  @Mutation(() => AuthPayload, {
    description: 'Exchanges a refresh token for new tokens; the old one stops working.',
  })
  async refreshSession(@Args('input') input: RefreshSessionInput): Promise<AuthPayload> {
    return this.toPayload(await this.sessions.refresh(input.refreshToken));
  }

  @Mutation(() => Boolean, { description: 'Ends this session on every token issued for it.' })
  @UseGuards(AuthGuard)
  async signOut(@CurrentUser() user: AuthenticatedUser): Promise<boolean> {
    await this.sessions.signOut(user);
    return true;
  }

  @Query(() => User, { description: 'The signed-in person, with their roles.' })
  @UseGuards(AuthGuard)
  me(@CurrentUser() user: AuthenticatedUser): Promise<User> {
    return this.loadUser(user.userId);
  }

  private async toPayload(tokens: IssuedTokens): Promise<AuthPayload> {
    return { ...tokens, user: await this.loadUser(tokens.userId) };
  }

  private async loadUser(userId: string): Promise<User> {
    // find, not findOne: findOne with a relation adds a DISTINCT id query before the join.
    const [user] = await this.dataSource
      .getRepository(User)
      .find({ where: { id: userId }, relations: { roles: true } });
    if (!user) throw new DomainError('UNAUTHENTICATED');
    return user;
  }
}
