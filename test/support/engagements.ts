import { ok, SignedInUser, waitFor } from './fixtures';
import { TestStack } from './stack';

// The steps from a posted need to a completed engagement, through the public API, for tests whose
// subject comes after them (reviews, reminders, indicators, privacy). A test about one of these steps
// calls the API itself and asserts on the answer.

const POST_NEED = `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }`;
const UPSERT_PROFILE = `mutation ($input: UpsertVolunteerProfileInput!) {
  upsertVolunteerProfile(input: $input) { id moderationStatus } }`;
const MY_PROPOSALS = `query { myProposals(first: 50) { items { id needId status } } }`;
const ACCEPT = `mutation ($id: ID!) { acceptProposal(input: { proposalId: $id }) { id status } }`;
const START = `mutation ($id: ID!) { startEngagement(input: { engagementId: $id }) { id } }`;
const COMPLETE = `mutation ($id: ID!, $hours: Float!) {
  completeEngagement(input: { engagementId: $id, hoursLogged: $hours }) { id } }`;

/** The citizen posts a need; its id. */
export async function postNeedAs(stack: TestStack, citizen: SignedInUser, input: unknown): Promise<string> {
  return ok(await stack.graphql<{ postNeed: { id: string } }>(POST_NEED, { input }, { token: citizen.token }))
    .postNeed.id;
}

/** The person saves their volunteer profile; its id and moderation status, for the test to check. */
export async function saveVolunteerProfile(
  stack: TestStack,
  user: SignedInUser,
  input: unknown,
): Promise<{ id: string; moderationStatus: string }> {
  return ok(
    await stack.graphql<{ upsertVolunteerProfile: { id: string; moderationStatus: string } }>(
      UPSERT_PROFILE,
      { input },
      { token: user.token },
    ),
  ).upsertVolunteerProfile;
}

/** The proposals the helper sees (myProposals, the 50 latest): id, need and status of each. */
export async function proposalsOf(
  stack: TestStack,
  helper: SignedInUser,
): Promise<{ id: string; needId: string; status: string }[]> {
  return ok(
    await stack.graphql<{ myProposals: { items: { id: string; needId: string; status: string }[] } }>(
      MY_PROPOSALS,
      {},
      { token: helper.token },
    ),
  ).myProposals.items;
}

/**
 * The first of `helpers` to whom matching sends a pending proposal for the need, with its id,
 * once it has (matching runs in the worker). Fails the test after `timeoutMs`.
 */
export async function pendingProposal(
  stack: TestStack,
  needId: string,
  helpers: readonly SignedInUser[],
  timeoutMs = 30_000,
): Promise<{ helper: SignedInUser; proposalId: string }> {
  return waitFor(async () => {
    for (const helper of helpers) {
      const proposal = (await proposalsOf(stack, helper)).find(
        (item) => item.needId === needId && item.status === 'PENDING',
      );
      if (proposal) return { helper, proposalId: proposal.id };
    }
    return undefined;
  }, timeoutMs);
}

/** The helper accepts the proposal; the engagement's id and status. */
export async function acceptProposalAs(
  stack: TestStack,
  helper: SignedInUser,
  proposalId: string,
): Promise<{ id: string; status: string }> {
  return ok(
    await stack.graphql<{ acceptProposal: { id: string; status: string } }>(
      ACCEPT,
      { id: proposalId },
      { token: helper.token },
    ),
  ).acceptProposal;
}

/**
 * The citizen posts the need and the first of `helpers` proposed for it accepts: the need, the
 * helper, the engagement and its status.
 */
export async function needAcceptedBy(
  stack: TestStack,
  citizen: SignedInUser,
  helpers: readonly SignedInUser[],
  needInput: unknown,
): Promise<{ needId: string; helper: SignedInUser; engagementId: string; status: string }> {
  const needId = await postNeedAs(stack, citizen, needInput);
  const { helper, proposalId } = await pendingProposal(stack, needId, helpers);
  const engagement = await acceptProposalAs(stack, helper, proposalId);
  return { needId, helper, engagementId: engagement.id, status: engagement.status };
}

/** The helper starts the engagement and completes it, logging `hoursLogged`. */
export async function startAndComplete(
  stack: TestStack,
  helper: SignedInUser,
  engagementId: string,
  hoursLogged: number,
): Promise<void> {
  ok(await stack.graphql(START, { id: engagementId }, { token: helper.token }));
  ok(await stack.graphql(COMPLETE, { id: engagementId, hours: hoursLogged }, { token: helper.token }));
}
