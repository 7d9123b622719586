// How proposals are read and shown: shared by answering them, listing them and assigning by hand.
import { Language, RequestContext } from '@prossimo/platform';
import { MatchProposal, ProposalStatus } from '../matching.types';
import { CandidateScore } from '../scoring/score';
import { leftJoinVolunteerSql } from '@prossimo/community';
import { joinOrganisationSql } from '@prossimo/directory';

export interface ProposalRow {
  id: string;
  needId: string;
  helperUserId: string;
  helperName: string;
  organisationId: string | null;
  assignedByUserId: string | null;
  status: ProposalStatus;
  rank: number;
  score: number;
  distanceKm: number;
  breakdown: CandidateScore;
  expiresAt: Date;
  decidedAt: Date | null;
  createdAt: Date;
}

export const PROPOSAL_COLUMNS = `mp.id, mp.need_id AS "needId", mp.helper_user_id AS "helperUserId",
  coalesce(v.display_name, o.name, '') AS "helperName", mp.organisation_id AS "organisationId",
  mp.assigned_by_user_id AS "assignedByUserId", mp.status, mp.rank, mp.score, mp.distance_km AS "distanceKm", mp.breakdown,
  mp.expires_at AS "expiresAt", mp.decided_at AS "decidedAt", mp.created_at AS "createdAt"`;

export const PROPOSAL_SOURCES = `match_proposals mp ${leftJoinVolunteerSql('mp.volunteer_id')}
  ${joinOrganisationSql('o', 'mp.organisation_id', 'LEFT JOIN')}`;

/** "Why this helper": the score's parts and its one-sentence summary, in the request's language. */
export function explain(
  breakdown: CandidateScore,
  language: Language,
): Pick<MatchProposal, 'reasons' | 'whyThisHelper'> {
  return {
    reasons: breakdown.components.map((component) => ({
      name: component.name,
      value: component.value,
      weight: component.weight,
      contribution: component.contribution,
      explanation: component.explanation[language],
    })),
    whyThisHelper: breakdown.summary[language],
  };
}

export function toProposal(row: ProposalRow): MatchProposal {
  const language = RequestContext.language();
  const breakdown = row.breakdown;
  return {
    id: row.id,
    needId: row.needId,
    helperUserId: row.helperUserId,
    helperName: row.helperName,
    organisationId: row.organisationId,
    assignedByUserId: row.assignedByUserId,
    status: row.status,
    rank: row.rank,
    score: Number(row.score),
    distanceKm: Math.round(Number(row.distanceKm) * 10) / 10,
    ...explain(breakdown, language),
    expiresAt: row.expiresAt,
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
  };
}
