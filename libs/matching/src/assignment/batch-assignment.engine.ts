import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AppConfig,
  JOBS,
  outboxJob,
  recordStatusChange,
  wallClockOf,
  writeOutbox,
} from '@prossimo/platform';
import { NeedCategory } from '@prossimo/requests';
import { DataSource, EntityManager } from 'typeorm';
import { matchableOf, rankedCandidates, scoringConfigOf } from '../engine/matching-engine.service';
import { ProposalStatus } from '../matching.types';
import { PROPOSAL_HISTORY_ENTITY, slotOf } from '../needs/need-for-matching';
import { NeedMatchStatesRepository } from '../needs/need-match-states.repository';
import { NeedReadsRepository } from '../needs/need-reads.repository';
import { ProposalsRepository } from '../proposals/proposals.repository';
import { ProposalTarget, ProposalWriter } from '../proposals/proposal-writer.service';
import { ScoringConfig } from '../scoring/score';
import { planBatch, PlanNeed } from './batch-plan';
import { BatchAssignmentRepository } from './batch-assignment.repository';
import { BatchRunsRepository, ClaimedRun } from './batch-runs.repository';

/** The Monday (YYYY-MM-DD) of the Rome week an instant falls in: the period weekly hours count in. */
export function romeWeekOf(instant: Date): string {
  const clock = wallClockOf(instant);
  return new Date(Date.UTC(clock.year, clock.month - 1, clock.day - clock.weekday))
    .toISOString()
    .slice(0, 10);
}

/** Candidates per need, as the online engine ranks them. */
const CANDIDATE_POOL = 30;
/** A slot of a busy territory holds a few thousand rides at most; beyond that, split the slot. */
const MAX_NEEDS = 5000;

interface Option {
  target: ProposalTarget;
  /** The helper already holds a pending proposal for this need. */
  pending: boolean;
}

export interface BatchRunOutcome {
  needs: number;
  served: number;
  proposalsSent: number;
}

/**
 * Runs a batch assignment in the worker (an operator's, or the evening schedule's): the open needs
 * of the slot, each with the helpers who meet every hard constraint for it alone (those already
 * asked included), are planned by planBatch: most needs served, then least travel; a helper may
 * take several needs whose busy times (ride buffers included) do not overlap, within the weekly
 * hours left to them. Each served need then has exactly one pending proposal, to its helper (a new
 * one is sent when needed); the other pending proposals of those needs, and those of helpers the
 * plan gives other needs, are withdrawn. Each need is applied under the engine's own lock, so
 * acceptances and online matching see a consistent state (and the database's exclusion constraint
 * still refuses any overlap at acceptance); a repeated job re-plans from what is there.
 */
@Injectable()
export class BatchAssignmentEngine {
  private readonly logger = new Logger(BatchAssignmentEngine.name);
  private readonly scoring: ScoringConfig;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalWriter,
    private readonly needReads: NeedReadsRepository,
    private readonly proposalRows: ProposalsRepository,
    private readonly matchStates: NeedMatchStatesRepository,
    private readonly runs: BatchRunsRepository,
    private readonly batchRows: BatchAssignmentRepository,
  ) {
    this.scoring = scoringConfigOf(config);
  }

  async run(runId: string): Promise<BatchRunOutcome | null> {
    if ((await this.runs.findRunStatus(runId)) === 'publishing') return this.publishPlan(runId);
    const run = await this.runs.claimRun(runId);
    if (!run) return null; // finished (or planned) already: a repeated job does nothing

    const needRows = await this.runs.findNeedsOfRun(run, MAX_NEEDS);
    const needs: PlanNeed<Option>[] = [];
    for (const { id } of needRows) {
      const found = await this.optionsFor(this.dataSource.manager, id);
      if (found) needs.push({ needId: id, candidates: found.options, slot: found.slot });
    }
    const plan = planBatch(needs, await this.weeklyBudgets(needs));
    const stats = [
      needs.length,
      plan.helpersCount,
      plan.served,
      plan.totalCost,
      plan.greedyServed,
      plan.greedyCost,
    ];
    if (!run.publish) {
      const starts = new Map(needRows.map((row) => [row.id, row.windowStart]));
      await this.storePlan(runId, plan.assignments, starts, stats);
      this.logger.log(
        `Batch ${runId} planned: ${plan.served}/${needs.length} needs (greedy ${plan.greedyServed})`,
      );
      return { needs: needs.length, served: plan.served, proposalsSent: 0 };
    }

    const proposalsSent = await this.applyAll(
      runId,
      run,
      plan.assignments.map((assignment) => ({
        needId: assignment.needId,
        chosen: assignment.chosen?.payload ?? null,
      })),
    );
    await this.runs.markCompleted(runId, stats, proposalsSent);
    this.logger.log(
      `Batch ${runId}: ${plan.served}/${needs.length} needs served (greedy ${plan.greedyServed}), ${proposalsSent} proposals`,
    );
    return { needs: needs.length, served: plan.served, proposalsSent };
  }

  /**
   * Keeps the plan for the operator to look at (one row per need: the helper chosen, or none) and
   * stops the run at 'planned'. A repeated job writes the same rows again.
   */
  private async storePlan(
    runId: string,
    assignments: { needId: string; chosen: { cost: number; payload: Option } | null }[],
    starts: ReadonlyMap<string, Date>,
    stats: number[],
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.runs.deletePlanRows(manager, runId);
      await this.runs.insertPlanRows(
        manager,
        runId,
        assignments.map(({ needId, chosen }) => ({
          needId,
          windowStart: starts.get(needId),
          helperUserId: chosen?.payload.target.userId ?? null,
          volunteerId: chosen?.payload.target.volunteerId ?? null,
          organisationId: chosen?.payload.target.organisationId ?? null,
          meters: chosen?.cost ?? null,
          alreadyAsked: chosen?.payload.pending ?? false,
          target: chosen ? JSON.stringify(chosen.payload.target) : null,
        })),
      );
      await this.runs.markPlanned(manager, runId, stats);
    });
  }

  /**
   * Publishes a stored plan (the operator's publishBatchAssignment): each need as the plan says,
   * under its lock, from what is there now: a need no longer open is skipped, a helper still asked
   * is kept, a helper who has answered for that need since is not asked again.
   */
  private async publishPlan(runId: string): Promise<BatchRunOutcome | null> {
    const run = await this.runs.claimPublishing(runId);
    if (!run) return null;
    const rows = await this.runs.findPlanTargets(runId);
    const proposalsSent = await this.applyAll(
      runId,
      run,
      rows.map((row) => ({
        needId: row.needId,
        chosen: row.target ? { target: row.target, pending: false } : null,
      })),
    );
    const done = await this.runs.markPublished(runId, proposalsSent);
    this.logger.log(`Batch ${runId} published: ${proposalsSent} proposals`);
    return { needs: done?.needs ?? rows.length, served: done?.served ?? 0, proposalsSent };
  }

  /** Applies a plan need by need, each in its own transaction; returns the proposals sent. */
  private async applyAll(
    runId: string,
    run: ClaimedRun,
    assignments: { needId: string; chosen: Option | null }[],
  ): Promise<number> {
    // Which needs the plan gives each helper: their pending proposals for other needs of the run go.
    const needsOfHelper = new Map<string, Set<string>>();
    for (const assignment of assignments) {
      if (!assignment.chosen) continue;
      const userId = assignment.chosen.target.userId;
      needsOfHelper.set(userId, (needsOfHelper.get(userId) ?? new Set()).add(assignment.needId));
    }
    let proposalsSent = 0;
    for (const assignment of assignments) {
      proposalsSent += await this.dataSource.transaction((manager) =>
        this.apply(manager, runId, run, assignment.needId, assignment.chosen, needsOfHelper),
      );
    }
    return proposalsSent;
  }

  /**
   * The schedule (MATCHING_BATCH_SCHEDULE): for every territory that opted in, one run over the
   * rides of the next MATCHING_BATCH_SCHEDULE_DAYS days from the next Rome midnight, queued through
   * the outbox like an operator's. The unique index on scheduled runs makes a repeated or retried
   * job start nothing new. Returns the runs started.
   */
  async scheduleRuns(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const runs = await this.runs.insertScheduledRuns(
        manager,
        NeedCategory.RIDES_AND_ACCOMPANIMENT,
        this.config.MATCHING_BATCH_SCHEDULE_DAYS,
      );
      for (const run of runs) {
        await writeOutbox(manager, outboxJob(JOBS.assignBatch, { runId: run.id }));
      }
      if (runs.length > 0) this.logger.log(`Scheduled batch assignment: ${runs.length} runs queued`);
      return runs.length;
    });
  }

  async markFailed(runId: string, message: string): Promise<void> {
    await this.runs.markFailed(runId, message.slice(0, 500));
  }

  /**
   * What volunteers may still be booked for in the weeks of the run, in milliseconds (see
   * weeklyHoursLeft). Each candidate fits alone; the plan must not let several together exceed it.
   */
  private async weeklyBudgets(needs: PlanNeed<Option>[]): Promise<Map<string, Map<string, number>>> {
    const userIds = new Set<string>();
    const weeks = new Set<string>();
    for (const need of needs) {
      if (need.slot) weeks.add(need.slot.period);
      for (const candidate of need.candidates) {
        if (!candidate.payload.target.organisationId) userIds.add(candidate.payload.target.userId);
      }
    }
    const budgets = new Map<string, Map<string, number>>();
    const rows = await this.batchRows.weeklyHoursLeft(this.dataSource.manager, [...userIds], [...weeks]);
    for (const row of rows) {
      const mine = budgets.get(row.userId) ?? new Map<string, number>();
      mine.set(row.week, row.hoursLeft * 3600_000);
      budgets.set(row.userId, mine);
    }
    return budgets;
  }

  /** Everyone who may serve the need now: fresh candidates and the helpers already asked. */
  private async optionsFor(
    manager: EntityManager,
    needId: string,
  ): Promise<{
    options: PlanNeed<Option>['candidates'];
    slot: NonNullable<PlanNeed<Option>['slot']>;
  } | null> {
    const need = await this.needReads.loadNeedForMatching(manager, needId);
    if (!need || need.status !== 'open') return null;
    const slot = slotOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES);
    if (!slot) return null;
    const fresh = await rankedCandidates(
      manager,
      matchableOf(need, slot, need.maxDistanceKm),
      CANDIDATE_POOL,
      this.scoring,
    );
    const asked = await this.proposalRows.findPendingTargetsOfNeed(manager, needId);
    const option = (target: ProposalTarget, pending: boolean) => ({
      helperKey: target.organisationId ?? target.userId,
      cost: Math.round(target.distanceKm * 1000),
      payload: { target, pending },
    });
    return {
      options: [
        ...fresh.map((target) => option(target, false)),
        ...asked.map((target) => option(target, true)),
      ],
      slot: { ...slot, period: romeWeekOf(slot.start) },
    };
  }

  /** Applies the plan to one need under its lock; returns the proposals sent (0 or 1). */
  private async apply(
    manager: EntityManager,
    runId: string,
    run: ClaimedRun,
    needId: string,
    chosen: Option | null,
    needsOfHelper: ReadonlyMap<string, ReadonlySet<string>>,
  ): Promise<number> {
    // The same lock as the matching engine's runs (see MatchingEngine.lockForMatching).
    await this.matchStates.lockMatchingOfNeed(manager, needId);
    await this.needReads.lockNeedKeyShare(manager, needId);
    const need = await this.needReads.loadNeedForMatching(manager, needId);
    if (!need || need.status !== 'open') return 0;
    if (chosen) {
      // A published plan may be older than the helper's answer for this need: not asked again.
      if (await this.proposalRows.hasAnswered(manager, needId, chosen.target.userId)) chosen = null;
    }
    const pending = await this.proposalRows.findPendingProposalsOfNeed(manager, needId);
    const keep = chosen?.target.userId ?? null;
    for (const proposal of pending) {
      const theirs = needsOfHelper.get(proposal.helperUserId);
      const elsewhere = theirs !== undefined && !theirs.has(needId);
      const replaced = keep !== null && proposal.helperUserId !== keep;
      if (!elsewhere && !replaced) continue;
      await this.proposalRows.withdrawIfPending(manager, proposal.id);
      await recordStatusChange(manager, {
        entityType: PROPOSAL_HISTORY_ENTITY,
        entityId: proposal.id,
        from: ProposalStatus.PENDING,
        to: ProposalStatus.WITHDRAWN,
        actorUserId: run.requestedByUserId,
        reason: `batch assignment ${runId}`,
      });
    }
    // Already asked (then, or since by the online engine): the pending proposal stands.
    if (!chosen || chosen.pending || pending.some((proposal) => proposal.helperUserId === keep)) return 0;
    const total = await this.proposalRows.countAllProposalsOfNeed(manager, needId);
    await this.proposals.propose(manager, need, chosen.target, total + 1, run.requestedByUserId);
    return 1;
  }
}
