import { graphql } from '../../gql';
import type { ProposalWhyFragment } from '../../gql/graphql';

export const PROPOSAL_WHY_FIELDS = graphql(`
  fragment ProposalWhy on MatchProposal {
    whyThisHelper
    reasons {
      name
      explanation
      contribution
    }
  }
`);

/**
 * Why the proposal went to this helper: the matcher's reasons, the weightiest first, or its one
 * sentence when it gave none. The volunteer reads it on their proposals, the organisation on its requests.
 */
export function WhyThisHelper({ proposal }: { proposal: ProposalWhyFragment }) {
  return proposal.reasons.length ? (
    <ul>
      {[...proposal.reasons]
        .sort((a, b) => b.contribution - a.contribution)
        .map((reason) => (
          <li key={reason.name}>{reason.explanation}</li>
        ))}
    </ul>
  ) : (
    <p>{proposal.whyThisHelper}</p>
  );
}
