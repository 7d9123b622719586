import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { SensitiveOperation } from '@prossimo/platform';
import {
  ActivityIndicatorRow,
  DemandIndicatorRow,
  ImpactIndicators,
  IndicatorExport,
  IndicatorExportInput,
  IndicatorFilterInput,
  IndicatorTable,
  LatentNeedIndicatorRow,
  ReachIndicatorRow,
  SatisfactionIndicatorRow,
  SharedCareIndicatorRow,
  UnmatchedIndicatorRow,
} from './indicator.types';
import { IndicatorsService } from './indicators.service';

@Resolver(() => ImpactIndicators)
@UseGuards(AuthGuard)
export class IndicatorsResolver {
  constructor(private readonly indicators: IndicatorsService) {}

  @Query(() => ImpactIndicators, {
    description:
      'Comune moderators and operators (platform admins: everywhere): impact indicators of their territories.',
  })
  impactIndicators(
    @CurrentUser() user: AuthenticatedUser,
    @Args('filter') filter: IndicatorFilterInput,
  ): Promise<ImpactIndicators> {
    return this.indicators.resolve(user, filter);
  }

  @ResolveField(() => Date, {
    nullable: true,
    description:
      'When the figures were computed, if a snapshot answers this scope and period ("dati aggiornati al"): a whole ambito or everywhere, a calendar year, whole months, or whole weeks of one year. Null: computed live at the request.',
  })
  asOf(@Parent() parent: ImpactIndicators): Promise<Date | null> {
    return this.indicators.asOf(parent.scope);
  }

  @ResolveField(() => [DemandIndicatorRow])
  demand(@Parent() parent: ImpactIndicators): Promise<DemandIndicatorRow[]> {
    return this.indicators.rows(IndicatorTable.DEMAND, parent.scope);
  }

  @ResolveField(() => [UnmatchedIndicatorRow])
  unmatched(@Parent() parent: ImpactIndicators): Promise<UnmatchedIndicatorRow[]> {
    return this.indicators.rows(IndicatorTable.UNMATCHED, parent.scope);
  }

  @ResolveField(() => [ReachIndicatorRow])
  reach(@Parent() parent: ImpactIndicators): Promise<ReachIndicatorRow[]> {
    return this.indicators.rows(IndicatorTable.REACH, parent.scope);
  }

  @ResolveField(() => [ActivityIndicatorRow])
  activity(@Parent() parent: ImpactIndicators): Promise<ActivityIndicatorRow[]> {
    return this.indicators.rows(IndicatorTable.ACTIVITY, parent.scope);
  }

  @ResolveField(() => [LatentNeedIndicatorRow])
  latentNeeds(@Parent() parent: ImpactIndicators): Promise<LatentNeedIndicatorRow[]> {
    return this.indicators.rows(IndicatorTable.LATENT_NEEDS, parent.scope);
  }

  @ResolveField(() => [SatisfactionIndicatorRow])
  satisfaction(@Parent() parent: ImpactIndicators): Promise<SatisfactionIndicatorRow[]> {
    return this.indicators.rows(IndicatorTable.SATISFACTION, parent.scope);
  }

  @ResolveField(() => [SharedCareIndicatorRow])
  sharedCare(@Parent() parent: ImpactIndicators): Promise<SharedCareIndicatorRow[]> {
    return this.indicators.rows(IndicatorTable.SHARED_CARE, parent.scope);
  }

  @Mutation(() => Boolean, {
    description:
      'Recompute the indicator snapshots of an ambito (its moderators and operators) or, without territoryId, of every ambito and the platform (platform admins), without waiting for the schedule. The worker does it; asOf tells when it is done.',
  })
  refreshIndicatorSnapshots(
    @CurrentUser() user: AuthenticatedUser,
    @Args('territoryId', { type: () => ID, nullable: true }) territoryId: string | null,
  ): Promise<boolean> {
    return this.indicators.requestSnapshotRefresh(user, territoryId ?? null);
  }

  @Mutation(() => IndicatorExport, { description: 'One indicator table as CSV (audited).' })
  @SensitiveOperation()
  exportIndicatorsCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: IndicatorExportInput,
  ): Promise<IndicatorExport> {
    return this.indicators.exportCsv(user, input);
  }

  @Mutation(() => IndicatorExport, {
    description:
      'One indicator table for publication as open data: whole months, cells under 5 people left empty (audited).',
  })
  @SensitiveOperation()
  exportOpenDataCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: IndicatorExportInput,
  ): Promise<IndicatorExport> {
    return this.indicators.exportOpenData(user, input);
  }
}
