import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { SensitiveOperation } from '@prossimo/platform';
import { BeneficiaryErasureService } from './beneficiary-erasure.service';
import { ErasureService } from './erasure.service';
import {
  AccountErasure,
  BeneficiaryErasure,
  DeleteMyAccountInput,
  EraseAccountInput,
  EraseBeneficiaryInput,
} from '../privacy.types';

@Resolver()
export class ErasureResolver {
  constructor(
    private readonly erasure: ErasureService,
    private readonly beneficiaryErasure: BeneficiaryErasureService,
  ) {}

  @Mutation(() => AccountErasure, {
    description:
      'Erases your account: personal data deleted or anonymised, open engagements cancelled (the ' +
      'other people are told), sessions ended. It cannot be undone.',
  })
  @UseGuards(AuthGuard)
  @SensitiveOperation()
  deleteMyAccount(
    @CurrentUser() user: AuthenticatedUser,
    // Validated by the input type: confirm must be true.
    @Args('input') _input: DeleteMyAccountInput,
  ): Promise<AccountErasure> {
    return this.erasure.eraseMyAccount(user);
  }

  @Mutation(() => AccountErasure, {
    description:
      "Staff erase an account on the person's behalf, as deleteMyAccount does: platform admins any " +
      'account; Comune operators and moderators a citizen or volunteer with a need or a profile in ' +
      'their territory (not staff). Audited with the reason.',
  })
  @UseGuards(AuthGuard)
  @SensitiveOperation()
  eraseAccount(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: EraseAccountInput,
  ): Promise<AccountErasure> {
    return this.erasure.eraseAccountAsStaff(user, input);
  }

  @Mutation(() => BeneficiaryErasure, {
    description:
      'Staff erase the data of a person without an account (registered at the desk, or a relative): ' +
      'when they ask, or withdraw the consent it rested on. Open engagements are cancelled (helpers ' +
      'told), needs kept anonymous for the indicators. Audited with the reason.',
  })
  @UseGuards(AuthGuard)
  @SensitiveOperation()
  eraseBeneficiary(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: EraseBeneficiaryInput,
  ): Promise<BeneficiaryErasure> {
    return this.beneficiaryErasure.eraseBeneficiary(user, input);
  }
}
