import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import { APP_CONFIG, AppConfig, DomainError, registerMessages, writeAudit } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { matchableOf, rankedCandidates, scoringConfigOf } from '../engine/matching-engine.service';
import { NeedForMatching, slotOf } from '../needs/need-for-matching';
import { NeedReadsRepository } from '../needs/need-reads.repository';
import { ProposalTarget } from '../proposals/proposal-writer.service';
import { ScoringConfig } from '../scoring/score';
import { romeWeekOf } from './batch-assignment.engine';
import { BatchAssignmentService } from './batch-assignment.service';
import {
  BatchHelperKind,
  BatchPlanCandidate,
  BatchPlanCandidatesArgs,
  BatchPlanEdit,
  EditBatchPlanEntryInput,
} from './batch-assignment.types';
import { BatchAssignmentRepository } from './batch-assignment.repository';

registerMessages({
  BATCH_PLAN_NOT_EDITABLE: {
    it: 'Si può modificare solo un piano pronto e non ancora pubblicato ({field}).',
    en: 'Only a plan that is ready and not yet published can be changed ({field}).',
  },
  BATCH_PLAN_NEED_NOT_FOUND: {
    it: 'Questa richiesta non fa parte del piano ({field}).',
    en: 'This need is not part of the plan ({field}).',
  },
  BATCH_HELPER_BUSY: {
    it: 'Nel piano questo aiutante ha già un’altra richiesta in quell’orario ({field}).',
    en: 'In the plan this helper already has another need at that time ({field}).',
  },
  BATCH_HELPER_HOURS: {
    it: 'Con questa richiesta l’aiutante supererebbe le sue ore settimanali nel piano ({field}).',
    en: 'With this need the helper would go beyond their weekly hours in the plan ({field}).',
  },
});

/** As many candidates as the engine looks at for a need of a batch. */
const CANDIDATE_POOL = 30;

type Target = ProposalTarget & { displayName: string; alreadyAsked: boolean };

/** Why a helper cannot take the need in this plan (null: they can). */
type Conflict = 'BATCH_HELPER_BUSY' | 'BATCH_HELPER_HOURS' | null;

/**
 * Operators change a plan that waits (PLANNED) before publishing it: take a need out, or give it
 * to another helper who is eligible by the engine's own rules (the candidate query with the need's
 * own distance, as the batch engine asks it, or a helper already asked) and who stays free with
 * the rest of the plan (no overlapping need, weekly hours). Each change runs in one transaction
 * under the run's row lock (publishing takes the same lock), updates the plan's totals and is
 * audited; a refused change writes nothing.
 */
@Injectable()
export class BatchPlanEditor {
  private readonly scoring: ScoringConfig;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly batches: BatchAssignmentService,
    private readonly needReads: NeedReadsRepository,
    private readonly batchRows: BatchAssignmentRepository,
  ) {
    this.scoring = scoringConfigOf(config);
  }

  /** Who could take the need instead, nearest first (the current helper included, marked). */
  async candidates(user: AuthenticatedUser, args: BatchPlanCandidatesArgs): Promise<BatchPlanCandidate[]> {
    await this.batches.run(user, args.runId);
    const manager = this.dataSource.manager;
    const [row] = await this.planRow(manager, args.runId, args.needId, false);
    const need = await this.needReads.loadNeedForMatching(manager, args.needId);
    const slot =
      need && need.status === 'open' ? slotOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES) : null;
    if (!need || !slot) return [];
    const targets = await this.targets(manager, need, slot, {});
    const conflicts = await this.conflicts(manager, args.runId, args.needId, slot, targets);
    const current = row.organisationId ?? row.helperUserId;
    return targets
      .map((target, index) => ({ target, ...conflicts[index] }))
      .filter(({ conflict }) => conflict === null)
      .map(({ target, otherNeeds }) => ({
        helperKind: target.organisationId ? BatchHelperKind.ORGANISATION : BatchHelperKind.VOLUNTEER,
        helperUserId: target.userId,
        organisationId: target.organisationId,
        helperName: target.displayName,
        meters: Math.round(target.distanceKm * 1000),
        alreadyAsked: target.alreadyAsked,
        current: (target.organisationId ?? target.userId) === current,
        otherNeeds,
      }))
      .sort((a, b) => a.meters - b.meters || a.helperName.localeCompare(b.helperName));
  }

  async edit(user: AuthenticatedUser, input: EditBatchPlanEntryInput): Promise<BatchPlanEdit> {
    this.access.requireRole(user, [Role.COMUNE_OPERATOR]);
    if (input.helperUserId && input.organisationId) {
      throw new DomainError('ASSIGN_ONE_HELPER', { field: 'organisationId' });
    }
    return this.dataSource.transaction(async (manager) => {
      const run = await this.batchRows.lockRunForEdit(manager, input.runId);
      if (!run) throw new DomainError('BATCH_ASSIGNMENT_NOT_FOUND', { field: 'runId' });
      this.access.requireTerritoryRole(user, run.territoryId, [Role.COMUNE_OPERATOR]);
      if (run.status !== 'planned') throw new DomainError('BATCH_PLAN_NOT_EDITABLE', { field: 'runId' });
      const [row] = await this.planRow(manager, input.runId, input.needId, true);
      const chosen = input.helperUserId || input.organisationId ? await this.chosen(manager, input) : null;
      await this.batchRows.updatePlanRow(manager, input.runId, input.needId, {
        helperUserId: chosen?.userId ?? null,
        volunteerId: chosen?.volunteerId ?? null,
        organisationId: chosen?.organisationId ?? null,
        meters: chosen ? Math.round(chosen.distanceKm * 1000) : null,
        alreadyAsked: chosen?.alreadyAsked ?? false,
        target: chosen ? JSON.stringify(this.targetOf(chosen)) : null,
      });
      // The totals follow the plan; nearest-first's stay what they were (the comparison).
      await this.batchRows.recountAfterEdit(manager, input.runId);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: chosen ? 'matching.batch_plan_helper_changed' : 'matching.batch_plan_need_removed',
        entityType: 'batch_assignment_run',
        entityId: input.runId,
        territoryId: run.territoryId,
        // Ids only: who had it, who has it now.
        details: {
          needId: input.needId,
          fromHelperUserId: row.helperUserId,
          fromOrganisationId: row.organisationId,
          toHelperUserId: chosen?.userId ?? null,
          toOrganisationId: chosen?.organisationId ?? null,
        },
      });
      return {
        run: await this.batches.run(user, input.runId, manager),
        entry: await this.batches.entry(manager, input.runId, input.needId),
      };
    });
  }

  /** The helper asked for, if eligible for the need and free in the plan; a field error otherwise. */
  private async chosen(manager: EntityManager, input: EditBatchPlanEntryInput): Promise<Target> {
    const field = input.organisationId ? 'organisationId' : 'helperUserId';
    const need = await this.needReads.loadNeedForMatching(manager, input.needId);
    const slot = need ? slotOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES) : null;
    if (!need || need.status !== 'open' || !slot) {
      throw new DomainError('NEED_NOT_OPEN', { field: 'needId', params: { status: need?.status ?? '' } });
    }
    const only = input.organisationId
      ? { organisationId: input.organisationId }
      : { helperUserId: input.helperUserId ?? undefined };
    const [target] = await this.targets(manager, need, slot, only);
    if (!target) throw new DomainError('HELPER_NOT_ELIGIBLE', { field });
    const [{ conflict }] = await this.conflicts(manager, input.runId, input.needId, slot, [target]);
    if (conflict) throw new DomainError(conflict, { field });
    return target;
  }

  private async planRow(
    manager: EntityManager,
    runId: string,
    needId: string,
    lock: boolean,
  ): Promise<{ helperUserId: string | null; organisationId: string | null }[]> {
    const rows = await this.batchRows.findPlanRow(manager, runId, needId, lock);
    if (!rows.length) throw new DomainError('BATCH_PLAN_NEED_NOT_FOUND', { field: 'needId' });
    return rows;
  }

  /**
   * The helpers the batch engine would consider for the need (see BatchAssignmentEngine.optionsFor):
   * fresh candidates at the need's own distance, and those holding a pending proposal for it.
   */
  private async targets(
    manager: EntityManager,
    need: NeedForMatching,
    slot: { start: Date; end: Date },
    only: { helperUserId?: string; organisationId?: string },
  ): Promise<Target[]> {
    const fresh = await rankedCandidates(
      manager,
      matchableOf(need, slot, need.maxDistanceKm),
      CANDIDATE_POOL,
      this.scoring,
      only,
    );
    const asked = await this.batchRows.findPendingProposalTargets(manager, need.id, only);
    const keyOf = (target: ProposalTarget) => target.organisationId ?? target.userId;
    const askedKeys = new Set(asked.map(keyOf));
    return [
      ...asked.map((target) => ({ ...target, alreadyAsked: true })),
      ...fresh
        .filter((target) => !askedKeys.has(keyOf(target)))
        .map((target) => ({ ...target, alreadyAsked: false })),
    ];
  }

  /**
   * For each target, whether the rest of the plan leaves it free for the need: none of its other
   * planned needs overlaps the need's slot (as the engine plans them: an organisation, like a
   * volunteer, one need at a time) and, for volunteers, their planned hours in the need's Rome
   * week, this need included, fit the hours they have left that week.
   */
  private async conflicts(
    manager: EntityManager,
    runId: string,
    needId: string,
    slot: { start: Date; end: Date },
    targets: readonly ProposalTarget[],
  ): Promise<{ conflict: Conflict; otherNeeds: number }[]> {
    const rows = await this.batchRows.findOtherPlannedNeeds(
      manager,
      runId,
      needId,
      targets.filter((target) => !target.organisationId).map((target) => target.userId),
      targets.flatMap((target) => (target.organisationId ? [target.organisationId] : [])),
    );
    const slots = new Map<string, { start: Date; end: Date } | null>();
    for (const row of rows) {
      if (slots.has(row.needId)) continue;
      const other = await this.needReads.loadNeedForMatching(manager, row.needId);
      slots.set(row.needId, other ? slotOf(other, this.config.MATCHING_RIDE_BUFFER_MINUTES) : null);
    }
    const week = romeWeekOf(slot.start);
    const volunteers = targets.filter((target) => !target.organisationId).map((target) => target.userId);
    const hoursLeft = new Map(
      (await this.batchRows.weeklyHoursLeft(manager, volunteers, [week])).map((left) => [
        left.userId,
        left.hoursLeft,
      ]),
    );
    const length = (range: { start: Date; end: Date }) => range.end.getTime() - range.start.getTime();
    return targets.map((target) => {
      const theirs = rows.filter((row) =>
        target.organisationId
          ? row.organisationId === target.organisationId
          : row.organisationId === null && row.helperUserId === target.userId,
      );
      const others = theirs.flatMap((row) => {
        const other = slots.get(row.needId);
        return other ? [other] : [];
      });
      const otherNeeds = theirs.length;
      if (others.some((other) => other.start < slot.end && slot.start < other.end)) {
        return { conflict: 'BATCH_HELPER_BUSY', otherNeeds };
      }
      const left = hoursLeft.get(target.userId);
      if (!target.organisationId && left !== undefined) {
        const planned = others
          .filter((other) => romeWeekOf(other.start) === week)
          .reduce((sum, other) => sum + length(other), length(slot));
        if (planned > left * 3600_000) return { conflict: 'BATCH_HELPER_HOURS', otherNeeds };
      }
      return { conflict: null, otherNeeds };
    });
  }

  /** What the proposal is written from at publication (as the engine stores it). */
  private targetOf(target: Target): ProposalTarget {
    return {
      userId: target.userId,
      volunteerId: target.volunteerId,
      organisationId: target.organisationId,
      serviceOfferId: target.serviceOfferId,
      distanceKm: target.distanceKm,
      score: target.score,
    };
  }
}
