import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext, SensitiveOperation } from '@prossimo/platform';
import { signInFromBearerToken } from '../auth/auth.guard';
import { SessionService } from '../sessions/session.service';
import { AssuranceLevel } from './levels';
import { RelyingPartyService } from './relying-party.service';
import {
  IdentityProvider,
  IdentityProviderRedirect,
  StartIdentityProviderSignInInput,
} from './spid-cie.types';

@Resolver()
export class SpidCieResolver {
  constructor(
    private readonly relyingParty: RelyingPartyService,
    private readonly sessions: SessionService,
  ) {}

  @Query(() => [IdentityProvider], {
    description: 'The SPID and CIE providers offered for sign-in (empty when SPID/CIE is not configured).',
  })
  identityProviders(): Promise<IdentityProvider[]> {
    return this.relyingParty.providers();
  }

  @Mutation(() => IdentityProviderRedirect, {
    description:
      'Starts a sign-in with SPID or CIE. Signed in (Bearer token), the identity is linked to this ' +
      'account; otherwise it signs into the account holding the same codice fiscale, or a new one.',
  })
  @SensitiveOperation()
  async startIdentityProviderSignIn(
    @Args('input') input: StartIdentityProviderSignInInput,
    @Context('req') request: Parameters<typeof signInFromBearerToken>[0],
  ): Promise<IdentityProviderRedirect> {
    const user = await signInFromBearerToken(request, this.sessions);
    const url = await this.relyingParty.start({
      kind: input.provider,
      providerEntityId: input.providerEntityId,
      level: (input.level ?? 2) as AssuranceLevel,
      linkUserId: user?.userId,
      returnPath: input.returnPath ?? '/area',
      language: RequestContext.language(),
    });
    return { authorizationUrl: url.toString() };
  }
}
