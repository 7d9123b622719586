import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { ConsentService } from './consent.service';
import {
  AcceptPrivacyNoticeInput,
  ConsentInput,
  ConsentWithdrawal,
  PrivacyNotice,
  PrivacyNoticeArgs,
  PrivacyStatus,
} from '../privacy.types';

@Resolver()
export class ConsentsResolver {
  constructor(private readonly consents: ConsentService) {}

  @Query(() => PrivacyNotice, { description: 'The privacy notice in force (no sign-in needed).' })
  privacyNotice(@Args() args: PrivacyNoticeArgs): Promise<PrivacyNotice> {
    return this.consents.currentNotice(args.language);
  }

  @Query(() => PrivacyStatus, { description: 'The notice you accepted and your consents.' })
  @UseGuards(AuthGuard)
  myPrivacy(@CurrentUser() user: AuthenticatedUser): Promise<PrivacyStatus> {
    return this.consents.status(user);
  }

  @Mutation(() => PrivacyStatus, { description: 'Records that you accepted this version of the notice.' })
  @UseGuards(AuthGuard)
  acceptPrivacyNotice(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: AcceptPrivacyNoticeInput,
  ): Promise<PrivacyStatus> {
    return this.consents.acceptNotice(user, input.version);
  }

  @Mutation(() => PrivacyStatus, {
    description: 'Gives the explicit consent to process health data (HEALTH_DATA).',
  })
  @UseGuards(AuthGuard)
  giveConsent(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ConsentInput,
  ): Promise<PrivacyStatus> {
    return this.consents.give(user, input.kind);
  }

  @Mutation(() => ConsentWithdrawal, {
    description:
      'Withdraws a consent and applies it: HEALTH_DATA erases your health notes; FAMILY_CONTACT ' +
      'forgets the contact and cancels the messages not yet sent to them.',
  })
  @UseGuards(AuthGuard)
  withdrawConsent(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ConsentInput,
  ): Promise<ConsentWithdrawal> {
    return this.consents.withdraw(user, input.kind);
  }
}
