import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser } from '@prossimo/identity';
import { oneByKey, Page, PageArgs, RequestLoader, toKeysetPage } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Engagement, EngagementStatusChange, OrganisationEngagementsArgs } from '../matching.types';
import { EngagementParties } from './engagement-parties.service';
import { EngagementRow, toEngagement } from './engagement-rows';
import { EngagementsRepository } from './engagements.repository';

/** Engagements as their parties read them: the helper, the citizen, Comune staff of the territory. */
@Injectable()
export class EngagementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parties: EngagementParties,
    private readonly access: AccessService,
    private readonly engagementRows: EngagementsRepository,
  ) {}

  /** Engagements where the caller is the helper or the citizen, newest first. */
  async myEngagements(user: AuthenticatedUser, args: PageArgs): Promise<Page<Engagement>> {
    const rows = await this.engagementRows.findEngagementsPageOfUser(user.userId, args);
    return toKeysetPage(rows, args.first, toEngagement);
  }

  /** Members of an organisation: the engagements it took, newest first, optionally only some statuses. */
  async organisationEngagements(
    user: AuthenticatedUser,
    args: OrganisationEngagementsArgs,
  ): Promise<Page<Engagement>> {
    this.access.requireOrganisationMember(user, args.organisationId);
    const rows = await this.engagementRows.findOrganisationEngagementsPage(args);
    return toKeysetPage(rows, args.first, toEngagement);
  }

  /** The live (or completed) engagement of a need; the caller must already be allowed to see it. */
  /** The engagement that counts for a need (the confirmed or done one, else the latest), batched per request. */
  engagementOfNeed(needId: string, request: object): Promise<Engagement | null> {
    return this.engagementsOfNeeds.for(request).load(needId);
  }

  private readonly engagementsOfNeeds = new RequestLoader<string, Engagement | null>(async (needIds) => {
    const rows = await this.engagementRows.findEngagementsOfNeeds(needIds);
    return oneByKey(needIds, rows, (row) => row.needId, null, toEngagement);
  });

  async engagement(user: AuthenticatedUser, engagementId: string): Promise<Engagement> {
    const manager = this.dataSource.manager;
    const party = await this.parties.engagementParty(manager, engagementId, false);
    await this.parties.requireParty(manager, user, party, ['helper', 'citizen', 'staff']);
    return this.engagementRow(manager, engagementId);
  }

  /** One engagement as the API shows it; the caller has checked who may see it. */
  private async engagementRow(manager: EntityManager, engagementId: string): Promise<Engagement> {
    const row = (await this.engagementRows.findEngagement(manager, engagementId)) as EngagementRow;
    return toEngagement(row);
  }

  async engagementHistory(user: AuthenticatedUser, engagementId: string): Promise<EngagementStatusChange[]> {
    await this.engagement(user, engagementId);
    return this.engagementRows.findStatusHistory(engagementId);
  }
}
