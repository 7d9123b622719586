import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import { SetMyCodiceFiscaleInput } from '../auth/identity.types';
import { AuthenticatedUser } from '../sessions/session.service';
import { User } from '../users/user.entity';
import { CodiceFiscaleService } from './codice-fiscale.service';

@Resolver(() => User)
export class CodiceFiscaleResolver {
  constructor(private readonly codiciFiscali: CodiceFiscaleService) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The codice fiscale, shown only to the person themselves (null to anyone else). Staff read ' +
      'it with staffReadCodiceFiscale, giving a reason that is audited.',
  })
  codiceFiscale(
    @Parent() user: User,
    @Context('req') request: { user?: AuthenticatedUser },
  ): Promise<string | null> | null {
    if (request.user?.userId !== user.id) return null;
    return this.codiciFiscali.readOwn(user.id);
  }

  @Mutation(() => String, {
    nullable: true,
    description:
      'Sets (or with null removes) your codice fiscale; answers it as stored. FIELD_INVALID on ' +
      'input.codiceFiscale if it is not a valid personal code; CODICE_FISCALE_TAKEN if another account has it.',
  })
  @UseGuards(AuthGuard)
  setMyCodiceFiscale(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SetMyCodiceFiscaleInput,
  ): Promise<string | null> {
    return this.codiciFiscali.setForPerson(user.userId, input.codiceFiscale ?? null);
  }
}
