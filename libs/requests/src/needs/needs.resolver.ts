import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, PageArgs, SensitiveOperation } from '@prossimo/platform';
import { NeedDecisionsService } from '../lifecycle/need-decisions.service';
import { NeedPersonalFieldsService } from './need-personal-fields.service';
import { NeedPostingService } from '../posting/need-posting.service';
import { NeedQueriesService } from './need-queries.service';
import {
  Beneficiary,
  CancelNeedInput,
  FlagLatentNeedInput,
  Need,
  NeedPage,
  NeedStatusChange,
  PostNeedAtDeskInput,
  PostNeedInput,
  ReviewFlaggedNeedInput,
  TerritoryNeedsArgs,
} from '../requests.types';

/** Posting a need: citizens, Comune desks, community sentinels. */
@Resolver(() => Need)
@UseGuards(AuthGuard)
export class NeedPostingResolver {
  constructor(private readonly posting: NeedPostingService) {}

  @Mutation(() => Need, { description: 'A citizen posts a need for themselves or a relative.' })
  postNeed(@CurrentUser() user: AuthenticatedUser, @Args('input') input: PostNeedInput): Promise<Need> {
    return this.posting.postNeed(user, input);
  }

  @Mutation(() => Need, {
    description: 'Comune operators: a need for a person met at the desk or on the phone, with their consent.',
  })
  postNeedAtDesk(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: PostNeedAtDeskInput,
  ): Promise<Need> {
    return this.posting.postNeedAtDesk(user, input);
  }

  @Mutation(() => Need, {
    description: 'Community sentinels: flag a possible need of a neighbour; the Comune reviews it.',
  })
  @SensitiveOperation()
  flagLatentNeed(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: FlagLatentNeedInput,
  ): Promise<Need> {
    return this.posting.flagLatentNeed(user, input);
  }
}

/** Reviewing a flagged need, cancelling a need. */
@Resolver(() => Need)
@UseGuards(AuthGuard)
export class NeedDecisionsResolver {
  constructor(private readonly decisions: NeedDecisionsService) {}

  @Mutation(() => Need, { description: 'Comune operators: accept (OPEN) or reject a flagged need.' })
  reviewFlaggedNeed(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ReviewFlaggedNeedInput,
  ): Promise<Need> {
    return this.decisions.reviewFlaggedNeed(user, input);
  }

  @Mutation(() => Need, { description: 'The author, the person it is for, or Comune staff.' })
  cancelNeed(@CurrentUser() user: AuthenticatedUser, @Args('input') input: CancelNeedInput): Promise<Need> {
    return this.decisions.cancelNeed(user, input);
  }
}

/** Reading needs. */
@Resolver(() => Need)
@UseGuards(AuthGuard)
export class NeedsResolver {
  constructor(private readonly queries: NeedQueriesService) {}

  @Query(() => NeedPage, { description: 'Needs you posted or that are for you, newest first.' })
  myNeeds(@CurrentUser() user: AuthenticatedUser, @Args() args: PageArgs): Promise<Page<Need>> {
    return this.queries.myNeeds(user, args);
  }

  @Query(() => Need)
  need(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID }) id: string): Promise<Need> {
    return this.queries.need(user, id);
  }

  @Query(() => NeedPage, { description: 'Comune staff: needs of their territories, oldest first.' })
  territoryNeeds(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: TerritoryNeedsArgs,
  ): Promise<Page<Need>> {
    return this.queries.territoryNeeds(user, args);
  }

  @Query(() => [NeedStatusChange], { description: 'For the author, the person it is for, and Comune staff.' })
  needHistory(
    @CurrentUser() user: AuthenticatedUser,
    @Args('needId', { type: () => ID }) needId: string,
  ): Promise<NeedStatusChange[]> {
    return this.queries.needHistory(user, needId);
  }
}

/** A need's personal fields, for those entitled to them. */
@Resolver(() => Need)
@UseGuards(AuthGuard)
export class NeedPersonalFieldsResolver {
  constructor(private readonly fields: NeedPersonalFieldsService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'Exact address: for the people the need is for, Comune staff and the confirmed helper.',
  })
  address(@Parent() need: Need): string | null {
    return this.fields.readAddress(need);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the need carries health and personal notes, without reading them (no step-up, no audit): ' +
      'a page offers to read them only when there are some. False for those who may not read them.',
  })
  hasSensitiveNotes(@Parent() need: Need): boolean {
    return need.access !== 'none' && need.sensitiveNotesEncrypted !== null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Health and personal notes: same people as the address; every staff read is audited and ' +
      'needs a SPID level 2+ or CIE session (STEP_UP_REQUIRED) where step-up is on.',
  })
  sensitiveNotes(
    @Parent() need: Need,
    @Context('req') request: { user?: AuthenticatedUser },
  ): Promise<string | null> {
    return this.fields.readSensitiveNotes(need, request.user);
  }

  @ResolveField(() => Beneficiary, {
    nullable: true,
    description: 'The person the need is for: shown to them, their family member and Comune staff.',
  })
  beneficiary(@Parent() need: Need, @Context('req') request: object): Promise<Beneficiary | null> {
    return this.fields.readBeneficiary(need, request);
  }
}
