import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES } from '@prossimo/identity';
import { APP_CONFIG, AppConfig, RequestContext } from '@prossimo/platform';
import { NeedStatus } from '@prossimo/requests';
import { DataSource } from 'typeorm';
import { matchableOf, rankedCandidates, scoringConfigOf } from '../engine/matching-engine.service';
import { CandidateKind, NeedCandidatesArgs, RankedCandidate } from '../matching.types';
import { NeedForMatching, slotOf } from '../needs/need-for-matching';
import { NeedReadsRepository } from '../needs/need-reads.repository';
import { explain } from '../proposals/proposal-rows';
import { widenedLimitKm } from './radius-steps';

/** Comune staff: who could take an open need now, ranked, with "why this helper". */
@Injectable()
export class NeedCandidatesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly needReads: NeedReadsRepository,
  ) {}

  /**
   * Comune staff of the need's territory: everyone who meets the need's hard constraints now
   * (within the widest search radius), ranked with "why this helper". Helpers already asked are
   * not repeated; their proposals are in needProposals.
   */
  async needCandidates(user: AuthenticatedUser, args: NeedCandidatesArgs): Promise<RankedCandidate[]> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const manager = this.dataSource.manager;
    const found = await this.needReads.findNeed(manager, args.needId, 'needId');
    await this.access.requireComuneRole(user, found.comuneIstat, COMUNE_STAFF_ROLES, manager);
    const need = (await this.needReads.loadNeedForMatching(manager, args.needId)) as NeedForMatching;
    const slot = slotOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES);
    if (need.status !== NeedStatus.OPEN || !slot) return [];
    const language = RequestContext.language();
    const ranked = await rankedCandidates(
      manager,
      widestMatchable(this.config, need, slot),
      args.first,
      scoringConfigOf(this.config),
    );
    return ranked.map((candidate, index) => ({
      kind: candidate.organisationId ? CandidateKind.ORGANISATION : CandidateKind.VOLUNTEER,
      helperUserId: candidate.userId,
      organisationId: candidate.organisationId,
      serviceOfferId: candidate.serviceOfferId,
      helperName: candidate.displayName,
      rank: index + 1,
      score: candidate.score.total,
      distanceKm: Math.round(candidate.distanceKm * 10) / 10,
      ...explain(candidate.score, language),
    }));
  }
}

/** The need at the widest radius matching may reach (operators choose from the widest list). */
export function widestMatchable(config: AppConfig, need: NeedForMatching, slot: { start: Date; end: Date }) {
  const steps = config.MATCHING_RADIUS_STEPS_KM;
  return matchableOf(need, slot, widenedLimitKm(need.maxDistanceKm, steps, steps.length));
}
