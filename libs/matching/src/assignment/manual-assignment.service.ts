import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import { APP_CONFIG, AppConfig, DomainError, writeAudit } from '@prossimo/platform';
import { NeedStatus } from '@prossimo/requests';
import { firstTerritoryOf } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { widestMatchable } from '../candidates/need-candidates.service';
import { rankedCandidates, scoringConfigOf } from '../engine/matching-engine.service';
import { AssignHelperInput, MatchProposal } from '../matching.types';
import { NeedForMatching, slotOf } from '../needs/need-for-matching';
import { NeedMatchStatesRepository } from '../needs/need-match-states.repository';
import { NeedReadsRepository } from '../needs/need-reads.repository';
import { ProposalsRepository } from '../proposals/proposals.repository';
import { toProposal } from '../proposals/proposal-rows';
import { ProposalWriter } from '../proposals/proposal-writer.service';

/** Comune operators propose a need to a helper they chose from the ranked candidates. */
@Injectable()
export class ManualAssignmentService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly proposals: ProposalWriter,
    private readonly needReads: NeedReadsRepository,
    private readonly proposalRows: ProposalsRepository,
    private readonly matchStates: NeedMatchStatesRepository,
  ) {}

  /**
   * A Comune operator of the need's territory sends a proposal to a helper (or organisation) they
   * chose from the ranked list. The hard constraints still hold; the helper still answers. Audited.
   */
  async assignHelper(user: AuthenticatedUser, input: AssignHelperInput): Promise<MatchProposal> {
    this.access.requireRole(user, [Role.COMUNE_OPERATOR]);
    if (!input.helperUserId === !input.organisationId) {
      throw new DomainError('ASSIGN_ONE_HELPER', {
        field: input.helperUserId ? 'organisationId' : 'helperUserId',
      });
    }
    const proposalId = await this.dataSource.transaction(async (manager) => {
      const found = await this.needReads.findNeed(manager, input.needId, 'needId');
      await this.access.requireComuneRole(user, found.comuneIstat, [Role.COMUNE_OPERATOR], manager);
      // The same locks as a matching run: the engine cannot propose meanwhile, acceptances wait.
      await this.matchStates.lockMatchingOfNeed(manager, input.needId);
      await this.needReads.lockNeed(manager, input.needId);
      const need = (await this.needReads.loadNeedForMatching(manager, input.needId)) as NeedForMatching;
      const slot = slotOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES);
      if (need.status !== NeedStatus.OPEN || !slot) {
        throw new DomainError('NEED_NOT_OPEN', { field: 'needId', params: { status: need.status } });
      }
      const [candidate] = await rankedCandidates(
        manager,
        widestMatchable(this.config, need, slot),
        1,
        scoringConfigOf(this.config),
        {
          helperUserId: input.helperUserId,
          organisationId: input.organisationId,
        },
      );
      if (!candidate) {
        throw new DomainError('HELPER_NOT_ELIGIBLE', {
          field: input.helperUserId ? 'helperUserId' : 'organisationId',
        });
      }
      const total = await this.proposalRows.countAllProposalsOfNeed(manager, need.id);
      const id = await this.proposals.propose(manager, need, candidate, total + 1, user.userId);
      await this.matchStates.clearUnmatched(manager, need.id);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'need.helper_assigned',
        entityType: 'need',
        entityId: need.id,
        territoryId: await firstTerritoryOf(manager, need.comuneIstat),
        details: {
          proposalId: id,
          helperUserId: candidate.userId,
          organisationId: candidate.organisationId,
          score: candidate.score.total,
        },
      });
      return id;
    });
    return toProposal(await this.proposalRows.findProposal(this.dataSource.manager, proposalId));
  }
}
