import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { BlockHelperInput } from '../matching.types';
import { HelperBlocksService } from './helper-blocks.service';

@Resolver()
@UseGuards(AuthGuard)
export class HelperBlocksResolver {
  constructor(private readonly blocks: HelperBlocksService) {}

  @Mutation(() => Boolean, { description: 'Citizens: never propose this helper for my needs again.' })
  blockHelper(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: BlockHelperInput,
  ): Promise<boolean> {
    return this.blocks.blockHelper(user, input);
  }

  @Mutation(() => Boolean)
  unblockHelper(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: BlockHelperInput,
  ): Promise<boolean> {
    return this.blocks.unblockHelper(user, input);
  }
}
