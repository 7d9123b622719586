import { UseGuards } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { SensitiveOperation } from '@prossimo/platform';
import { DeskPeopleService } from './desk-people.service';
import { DeskPeopleArgs, DeskPerson } from './desk-people.types';

@Resolver(() => DeskPerson)
@UseGuards(AuthGuard)
export class DeskPeopleResolver {
  constructor(private readonly people: DeskPeopleService) {}

  @Query(() => [DeskPerson], {
    description:
      'Comune operators: people of the territory by the whole phone or whole words of the name (at most 20). ' +
      'Rate-limited per operator; every search is audited.',
  })
  @SensitiveOperation()
  deskPeople(@CurrentUser() user: AuthenticatedUser, @Args() args: DeskPeopleArgs): Promise<DeskPerson[]> {
    return this.people.search(user, args);
  }

  @Query(() => DeskPerson, { description: 'Comune operators: one person of their territories; audited.' })
  deskPerson(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<DeskPerson> {
    return this.people.person(user, id);
  }
}
