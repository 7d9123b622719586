import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page } from '@prossimo/platform';
import { AuditTrailService } from './audit-trail.service';
import { AuditEntry, AuditEntryPage, AuditFilterArgs, AuditTrailArgs, AuditTrailCsv } from '../privacy.types';

@Resolver()
export class AuditTrailResolver {
  constructor(private readonly audit: AuditTrailService) {}

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
