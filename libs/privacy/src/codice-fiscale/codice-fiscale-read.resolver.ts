import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { SensitiveOperation } from '@prossimo/platform';
import { CodiceFiscaleReadService } from './codice-fiscale-read.service';
import { StaffCodiceFiscaleInput } from '../privacy.types';

@Resolver()
export class CodiceFiscaleReadResolver {
  constructor(private readonly codiciFiscali: CodiceFiscaleReadService) {}

  @Mutation(() => String, {
    nullable: true,
    description:
      "Comune staff read a person's codice fiscale (null if they gave none), giving the reason: " +
      'platform admins any person, Comune operators and moderators a person with a need or a ' +
      'profile in their territory. Every read is audited with the reason before the code is shown.',
  })
  @UseGuards(AuthGuard)
  @SensitiveOperation()
  staffReadCodiceFiscale(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: StaffCodiceFiscaleInput,
  ): Promise<string | null> {
    return this.codiciFiscali.readAsStaff(user, input);
  }
}
