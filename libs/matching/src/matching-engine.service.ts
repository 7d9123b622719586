import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService } from '@prossimo/notifications';
import { APP_CONFIG, AppConfig, recordStatusChange, writeOutbox } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { countCandidates, findCandidates, MatchableNeed } from './candidates/candidate-query';
import { engagementSlot } from './engagements/engagement-rules';
import { ProposalStatus, UnmatchedReason } from './matching.types';
import { compareCandidates, DEFAULT_SCORING_CONFIG, scoreCandidate, ScoringConfig } from './scoring/score';

export const PROPOSAL_HISTORY_ENTITY = 'match_proposal';
export const ENGAGEMENT_HISTORY_ENTITY = 'engagement';
/** How many of the nearest eligible helpers are scored; the best K of them get a proposal. */
const CANDIDATE_POOL = 50;
/** Proposals for needs starting within this time go out by SMS also during quiet hours. */
const URGENT_WITHIN_MS = 24 * 3600_000;

export interface NeedForMatching {
  id: string;
  status: string;
  source: string;
  category: string;
  description: string;
  comuneIstat: string;
  comuneName: string;
  lat: number;
  lon: number;
  maxDistanceKm: number | null;
  language: string;
  urgency: string;
  windowStart: Date | null;
  windowEnd: Date | null;
  details: {
    ride?: { appointmentAt: string; returnAt: string | null; wheelchair: boolean; passengers: number };
  };
  authorUserId: string | null;
  authorName: string | null;
  beneficiaryId: string | null;
  beneficiaryUserId: string | null;
}

export interface MatchOutcome {
  proposed: number;
  unmatched: UnmatchedReason | null;
}

/** "24/12 10:30" in Rome time: the same in Italian and English, short enough for an SMS. */
export function formatWhen(date: Date | null): string {
  if (!date) return '-';
  return new Intl.DateTimeFormat('it-IT', {
    timeZone: 'Europe/Rome',
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(date)
    .replace(',', '');
}

/** Loads a need with what matching needs; callers take the locks they need first. */
export async function loadNeedForMatching(
  manager: EntityManager,
  needId: string,
): Promise<NeedForMatching | undefined> {
  const [row]: NeedForMatching[] = await manager.query(
    `SELECT n.id, n.status, n.source, n.category, n.description, n.comune_istat AS "comuneIstat", c.name AS "comuneName",
            n.lat, n.lon, n.max_distance_km AS "maxDistanceKm", n.language, n.urgency,
            n.window_start AS "windowStart", n.window_end AS "windowEnd", n.details,
            n.author_user_id AS "authorUserId", au.display_name AS "authorName",
            n.beneficiary_id AS "beneficiaryId", b.user_id AS "beneficiaryUserId"
       FROM needs n JOIN comuni c ON c.istat = n.comune_istat
       LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
       LEFT JOIN users au ON au.id = n.author_user_id
      WHERE n.id = $1`,
    [needId],
  );
  return row;
}

export function slotOf(need: NeedForMatching, rideBufferMinutes: number): { start: Date; end: Date } | null {
  if (!need.windowStart || !need.windowEnd) return null;
  const ride = need.details.ride;
  return engagementSlot({
    windowStart: need.windowStart,
    windowEnd: need.windowEnd,
    ride: ride
      ? {
          appointmentAt: new Date(ride.appointmentAt),
          returnAt: ride.returnAt ? new Date(ride.returnAt) : null,
        }
      : null,
    rideBufferMinutes,
  });
}

/** The people a need is for (and who may block helpers): the citizen author and the beneficiary. */
export function citizenUserIds(need: NeedForMatching): string[] {
  const ids = new Set<string>();
  if (need.source === 'citizen' && need.authorUserId) ids.add(need.authorUserId);
  if (need.beneficiaryUserId) ids.add(need.beneficiaryUserId);
  return [...ids];
}

/**
 * The worker side of matching: ranks the candidates of an open need and sends the best K a
 * proposal; expires proposals and tries the next candidates; when nobody is left, records why.
 * Every step runs under the need's row lock, so a retried or duplicated job changes nothing.
 */
@Injectable()
export class MatchingEngine {
  private readonly logger = new Logger(MatchingEngine.name);
  /** The rating term's prior is the reputation prior, so matching ranks as the public averages do. */
  private readonly scoring: ScoringConfig;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {
    this.scoring = {
      ...DEFAULT_SCORING_CONFIG,
      ratingPriorMean: config.REPUTATION_PRIOR_MEAN,
      ratingPriorWeight: config.REPUTATION_PRIOR_WEIGHT,
    };
  }

  async matchNeed(needId: string): Promise<MatchOutcome> {
    return this.dataSource.transaction((manager) => this.matchInTransaction(manager, needId));
  }

  /** A proposal's answer time is over: mark it expired and ask the next candidates. */
  async expireProposal(proposalId: string): Promise<MatchOutcome | null> {
    return this.dataSource.transaction(async (manager) => {
      const [proposal]: { need_id: string }[] = await manager.query(
        `SELECT need_id FROM match_proposals WHERE id = $1`,
        [proposalId],
      );
      if (!proposal) return null;
      await this.lockForMatching(manager, proposal.need_id);
      const expired = await this.expireOverdue(manager, proposal.need_id);
      if (!expired) return null;
      return this.matchInTransaction(manager, proposal.need_id);
    });
  }

  async matchInTransaction(manager: EntityManager, needId: string): Promise<MatchOutcome> {
    await this.lockForMatching(manager, needId);
    const need = await loadNeedForMatching(manager, needId);
    if (!need || need.status !== 'open') return { proposed: 0, unmatched: null };
    const slot = slotOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES);
    if (!slot) return { proposed: 0, unmatched: null };
    await this.expireOverdue(manager, needId);
    const [{ pending, total }]: { pending: number; total: number }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*)::int AS total
         FROM match_proposals WHERE need_id = $1`,
      [needId],
    );
    const wanted = this.config.MATCHING_PROPOSALS_PER_NEED - pending;
    if (wanted <= 0) return { proposed: 0, unmatched: null };

    const ride = need.details.ride;
    const matchable: MatchableNeed = {
      id: need.id,
      category: need.category,
      lat: need.lat,
      lon: need.lon,
      maxDistanceKm: need.maxDistanceKm,
      language: need.language,
      beneficiaryId: need.beneficiaryId,
      citizenUserIds: citizenUserIds(need),
      slot,
      ride: ride ? { wheelchair: ride.wheelchair, passengers: ride.passengers } : null,
    };
    const candidates = await findCandidates(manager, matchable, CANDIDATE_POOL);
    const ranked = candidates
      .map((candidate) => ({
        ...candidate,
        id: candidate.userId,
        score: scoreCandidate(candidate, this.scoring),
      }))
      .sort(compareCandidates)
      .slice(0, wanted);

    if (ranked.length === 0) {
      if (pending > 0) return { proposed: 0, unmatched: null };
      const reason = await this.unmatchedReason(manager, matchable);
      await manager.query(
        `INSERT INTO need_match_states (need_id, comune_istat, unmatched_reason, unmatched_at, rounds)
         VALUES ($1, $2, $3, now(), 1)
         ON CONFLICT (need_id) DO UPDATE SET unmatched_reason = excluded.unmatched_reason,
           unmatched_at = coalesce(need_match_states.unmatched_at, now()), rounds = need_match_states.rounds + 1,
           updated_at = now()`,
        [need.id, need.comuneIstat, reason],
      );
      this.logger.log(`Need ${need.id} unmatched: ${reason}`);
      return { proposed: 0, unmatched: reason };
    }

    const expiresAt = new Date(Date.now() + this.config.MATCHING_PROPOSAL_TTL_SECONDS * 1000);
    const urgent =
      need.urgency === 'urgent' ||
      (need.windowStart !== null && need.windowStart.getTime() - Date.now() < URGENT_WITHIN_MS);
    let rank = total;
    for (const candidate of ranked) {
      rank += 1;
      // xmax is set only on the ON CONFLICT update: a withdrawn proposal asked again.
      const [proposal]: { id: string; askedAgain: boolean }[] = await manager.query(
        `INSERT INTO match_proposals (need_id, helper_user_id, volunteer_id, rank, score, distance_km, breakdown,
                                      status, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8)
         ON CONFLICT (need_id, helper_user_id) DO UPDATE SET rank = excluded.rank, score = excluded.score,
           distance_km = excluded.distance_km, breakdown = excluded.breakdown, status = 'pending',
           expires_at = excluded.expires_at, decided_at = NULL, created_at = now()
           WHERE match_proposals.status = 'withdrawn'
         RETURNING id, (xmax::text <> '0') AS "askedAgain"`,
        [
          need.id,
          candidate.userId,
          candidate.volunteerId,
          rank,
          candidate.score.total,
          candidate.distanceKm,
          JSON.stringify(candidate.score),
          expiresAt,
        ],
      );
      await recordStatusChange(manager, {
        entityType: PROPOSAL_HISTORY_ENTITY,
        entityId: proposal.id,
        from: proposal.askedAgain ? ProposalStatus.WITHDRAWN : null,
        to: ProposalStatus.PENDING,
        actorUserId: null,
        reason: `rank ${rank}, score ${candidate.score.total.toFixed(3)}`,
      });
      await this.notifications.notifyUser(manager, {
        userId: candidate.userId,
        event: 'proposal_new',
        params: {
          citizen: need.authorName ?? need.comuneName,
          summary: need.description,
          when: formatWhen(ride ? new Date(ride.appointmentAt) : need.windowStart),
          place: need.comuneName,
        },
        urgent,
        ref: `proposal:${proposal.id}`,
        replyTarget: {
          type: 'proposal',
          id: proposal.id,
          ttlHours: Math.max(1, Math.ceil(this.config.MATCHING_PROPOSAL_TTL_SECONDS / 3600)),
        },
      });
      await writeOutbox(manager, {
        queue: 'matching',
        job: 'expire-proposal',
        payload: { proposalId: proposal.id },
        availableAt: expiresAt,
      });
    }
    await manager.query(
      `INSERT INTO need_match_states (need_id, comune_istat, rounds) VALUES ($1, $2, 1)
       ON CONFLICT (need_id) DO UPDATE SET unmatched_reason = NULL, unmatched_at = NULL,
         rounds = need_match_states.rounds + 1, updated_at = now()`,
      [need.id, need.comuneIstat],
    );
    return { proposed: ranked.length, unmatched: null };
  }

  /**
   * One matching run per need at a time (an advisory lock), and a KEY SHARE lock on the need:
   * it waits for an acceptance in progress (which holds FOR UPDATE) and then reads the committed
   * status, and an acceptance waits for this run, so no proposal is left pending on a matched
   * need. KEY SHARE (what the proposals' foreign key takes anyway) lets the expiry sweep's
   * FOR NO KEY UPDATE SKIP LOCKED still pick the need.
   */
  private async lockForMatching(manager: EntityManager, needId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('match-need:' || $1, 0))`, [needId]);
    await manager.query(`SELECT 1 FROM needs WHERE id = $1 FOR KEY SHARE`, [needId]);
  }

  /** Pending proposals of the need whose time is over become expired. Returns how many. */
  private async expireOverdue(manager: EntityManager, needId: string): Promise<number> {
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE match_proposals SET status = 'expired', decided_at = now()
        WHERE need_id = $1 AND status = 'pending' AND expires_at <= now() RETURNING id`,
      [needId],
    );
    for (const row of rows) {
      await recordStatusChange(manager, {
        entityType: PROPOSAL_HISTORY_ENTITY,
        entityId: row.id,
        from: ProposalStatus.PENDING,
        to: ProposalStatus.EXPIRED,
        actorUserId: null,
        reason: 'no answer in time',
      });
    }
    return rows.length;
  }

  /** The first hard constraint that leaves nobody, for the operator. */
  private async unmatchedReason(manager: EntityManager, need: MatchableNeed): Promise<UnmatchedReason> {
    if ((await countCandidates(manager, need, 'range')) === 0) return UnmatchedReason.NO_HELPER_IN_RANGE;
    if ((await countCandidates(manager, need, 'available')) === 0) return UnmatchedReason.NONE_AVAILABLE;
    if ((await countCandidates(manager, need, 'requirements')) === 0)
      return UnmatchedReason.REQUIREMENT_NOT_MET;
    return UnmatchedReason.ALL_DECLINED;
  }
}
