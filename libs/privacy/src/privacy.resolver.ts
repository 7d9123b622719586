import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, PageArgs, SensitiveOperation } from '@prossimo/platform';
import { AuditTrailService } from './audit-trail.service';
import { CodiceFiscaleReadService } from './codice-fiscale-read.service';
import { ConsentService } from './consent.service';
import { DataExportService } from './data-export.service';
import { BeneficiaryErasureService } from './beneficiary-erasure.service';
import { ErasureService } from './erasure.service';
import {
  AcceptPrivacyNoticeInput,
  AccountErasure,
  AuditEntry,
  AuditEntryPage,
  AuditFilterArgs,
  AuditTrailArgs,
  AuditTrailCsv,
  BeneficiaryErasure,
  ConsentInput,
  ConsentWithdrawal,
  DataExport,
  DataExportPage,
  DeleteMyAccountInput,
  EraseAccountInput,
  EraseBeneficiaryInput,
  PrivacyNotice,
  PrivacyNoticeArgs,
  PrivacyStatus,
  StaffCodiceFiscaleInput,
} from './privacy.types';

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly consents: ConsentService,
    private readonly exports: DataExportService,
    private readonly erasure: ErasureService,
    private readonly beneficiaryErasure: BeneficiaryErasureService,
    private readonly audit: AuditTrailService,
    private readonly codiciFiscali: CodiceFiscaleReadService,
  ) {}

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

  @Mutation(() => DataExport, {
    description: 'Asks for a copy of your data; it is prepared in the background (see myDataExports).',
  })
  @UseGuards(AuthGuard)
  @SensitiveOperation()
  requestDataExport(@CurrentUser() user: AuthenticatedUser): Promise<DataExport> {
    return this.exports.request(user);
  }

  @Query(() => DataExportPage, { description: 'Your copies, newest first.' })
  @UseGuards(AuthGuard)
  myDataExports(@CurrentUser() user: AuthenticatedUser, @Args() args: PageArgs): Promise<Page<DataExport>> {
    return this.exports.mine(user, args);
  }

  @Query(() => DataExport)
  @UseGuards(AuthGuard)
  dataExport(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<DataExport> {
    return this.exports.one(user, id);
  }

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

  @Query(() => AuditEntryPage, {
    description: 'Moderators: the audit log of their territory, newest first. Nobody can change it.',
  })
  @UseGuards(AuthGuard)
  auditTrail(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: AuditTrailArgs,
  ): Promise<Page<AuditEntry>> {
    return this.audit.trail(user, args);
  }

  @Query(() => AuditTrailCsv, {
    description:
      'Moderators: the audit trail with the same filters as CSV, newest first, at most 10,000 rows (AUDIT_EXPORT_TOO_LARGE). Audited.',
  })
  @UseGuards(AuthGuard)
  auditTrailCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: AuditFilterArgs,
  ): Promise<AuditTrailCsv> {
    return this.audit.csv(user, args);
  }
}

/** The parent query is signed in (AuthGuard), so the viewer is on the request here. */
@Resolver(() => DataExport)
export class DataExportResolver {
  constructor(private readonly exports: DataExportService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'The JSON copy while READY; every download is audited. DATA_EXPORT_EXPIRED after expiresAt.',
  })
  content(@CurrentUser() user: AuthenticatedUser, @Parent() dataExport: DataExport): Promise<string | null> {
    return this.exports.download(user, dataExport);
  }
}
