import { randomUUID } from 'node:crypto';
import {
  createTerritory,
  hoursFromNow,
  ok,
  PIEDMONT,
  SignedInUser,
  signUpWithRoles,
} from '../support/fixtures';
import { startStackForFile } from '../support/stack';

// PostgreSQL keeps microseconds, a JavaScript Date only milliseconds: rows that share one
// millisecond must still come one by one across pages of one, neither skipped (newest first)
// nor repeated (oldest first). The moments are fixed and in the past, whatever day the test runs.
const SAME_MILLISECOND = [
  '2026-03-10 09:00:00.123100+00',
  '2026-03-10 09:00:00.123400+00',
  '2026-03-10 09:00:00.123700+00',
];

// Via Vittorio Emanuele, Alba (CN).
const ALBA = { lat: 44.7004, lon: 8.0347 };

const PAGE = `items { ID } pageInfo { hasNextPage endCursor }`;

interface PageData {
  items: Record<string, string>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('Keyset cursors keep the microseconds', () => {
  const stack = startStackForFile();
  let citizen: SignedInUser;
  let operator: SignedInUser;
  let moderator: SignedInUser;
  let admin: SignedInUser;
  /** The citizen's needs, oldest first (the order of SAME_MILLISECOND). */
  let needs: string[];

  /**
   * Follows endCursor with `first: 1` and returns the ids in the order they came. It stops after
   * more pages than there are rows, so a cursor that repeats a row cannot loop for ever.
   */
  async function pageThrough(
    field: string,
    args: string,
    id: string,
    token: string,
    expected: number,
  ): Promise<string[]> {
    const query = `query ($after: String) { ${field}(first: 1, after: $after${args}) { ${PAGE.replace('ID', id)} } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page <= expected + 1; page += 1) {
      const data: PageData = ok(await stack.graphql<Record<string, PageData>>(query, { after }, { token }))[
        field
      ];
      seen.push(...data.items.map((item) => item[id]));
      if (!data.pageInfo.hasNextPage) break;
      after = data.pageInfo.endCursor;
    }
    return seen;
  }

  beforeAll(async () => {
    const langhe = await createTerritory(stack.dataSource, 'Cursors: Langhe', [PIEDMONT.alba]);
    [citizen, operator, moderator, admin] = await signUpWithRoles(stack, [
      null,
      { role: 'comune_operator', territoryId: langhe },
      { role: 'comune_moderator', territoryId: langhe },
      { role: 'platform_admin' },
    ]);
    // Matching would write its own rows for the needs below (and their unmatched moments): the
    // worker has done its part (the sign-up codes) and stops here.
    await stack.stopWorker();

    needs = [];
    for (const description of ['Compagnia il martedì', 'Compagnia il mercoledì', 'Compagnia il giovedì']) {
      const posted = await stack.graphql<{ postNeed: { id: string } }>(
        `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }`,
        {
          input: {
            category: 'COMPANIONSHIP',
            description,
            location: ALBA,
            windowStart: hoursFromNow(24),
            windowEnd: hoursFromNow(26),
          },
        },
        { token: citizen.token },
      );
      needs.push(ok(posted).postNeed.id);
    }
    for (const [i, needId] of needs.entries()) {
      await stack.dataSource.query(`UPDATE needs SET created_at = $2 WHERE id = $1`, [
        needId,
        SAME_MILLISECOND[i],
      ]);
    }
  });

  it("the citizen's needs, newest first, skip none (myNeeds)", async () => {
    expect(await pageThrough('myNeeds', '', 'id', citizen.token, 3)).toEqual([...needs].reverse());
  });

  it("the territory's needs, oldest first, repeat none (territoryNeeds)", async () => {
    expect(await pageThrough('territoryNeeds', '', 'id', operator.token, 3)).toEqual(needs);
  });

  it('unmatched needs, oldest first by the moment matching gave up (unmatchedNeeds)', async () => {
    for (const [i, needId] of needs.entries()) {
      await stack.dataSource.query(
        `INSERT INTO need_match_states (need_id, comune_istat, unmatched_reason, unmatched_at)
         VALUES ($1, $2, 'no_helper_in_range', $3)
         ON CONFLICT (need_id) DO UPDATE SET unmatched_reason = excluded.unmatched_reason,
           unmatched_at = excluded.unmatched_at`,
        [needId, PIEDMONT.alba, SAME_MILLISECOND[i]],
      );
    }
    expect(await pageThrough('unmatchedNeeds', '', 'needId', operator.token, 3)).toEqual(needs);
  });

  it('in-app notifications, newest first (myNotifications)', async () => {
    const ids: string[] = [];
    for (const createdAt of SAME_MILLISECOND) {
      const [row]: { id: string }[] = await stack.dataSource.query(
        `INSERT INTO notifications (user_id, channel, recipient, event, status, created_at, updated_at)
         VALUES ($1::uuid, 'in_app', $1::text, 'need_posted', 'delivered', $2, $2) RETURNING id`,
        [citizen.userId, createdAt],
      );
      ids.push(row.id);
    }
    expect(await pageThrough('myNotifications', '', 'id', citizen.token, 3)).toEqual(ids.reverse());
  });

  it('dead letters, by their last change, newest first (failedNotifications)', async () => {
    const ids: string[] = [];
    for (const updatedAt of SAME_MILLISECOND) {
      const [row]: { id: string }[] = await stack.dataSource.query(
        `INSERT INTO notifications (user_id, channel, recipient, event, status, attempts, last_error, updated_at)
         VALUES ($1::uuid, 'sms', $2, 'need_posted', 'failed', 4, 'gateway 500', $3) RETURNING id`,
        [citizen.userId, citizen.phone, updatedAt],
      );
      ids.push(row.id);
    }
    expect(await pageThrough('failedNotifications', '', 'id', admin.token, 3)).toEqual(ids.reverse());
  });

  it('the moderation queue, oldest first (moderationQueue)', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, contentId] of ids.entries()) {
      await stack.dataSource.query(
        `INSERT INTO moderation_items (content_type, content_id, comune_istat, status, needs_review, summary, created_at)
         VALUES ('call_to_action', $1, $2, 'pending', true, 'Cercasi volontari', $3)`,
        [contentId, PIEDMONT.alba, SAME_MILLISECOND[i]],
      );
    }
    expect(
      await pageThrough('moderationQueue', ', contentType: CALL_TO_ACTION', 'contentId', moderator.token, 3),
    ).toEqual(ids);
  });

  it('copies of my data, newest first (myDataExports)', async () => {
    const ids: string[] = [];
    for (const requestedAt of SAME_MILLISECOND) {
      const [row]: { id: string }[] = await stack.dataSource.query(
        `INSERT INTO personal_data_exports (user_id, status, requested_at) VALUES ($1, 'failed', $2) RETURNING id`,
        [citizen.userId, requestedAt],
      );
      ids.push(row.id);
    }
    expect(await pageThrough('myDataExports', '', 'id', citizen.token, 3)).toEqual(ids.reverse());
  });

  it('a cursor of milliseconds, as earlier versions gave, is still accepted', async () => {
    // The old cursor of the newest need: the three rows are all after its millisecond.
    const old = Buffer.from(JSON.stringify(['2026-03-10T09:00:00.123Z', needs[2]])).toString('base64url');
    const result = await stack.graphql<{ territoryNeeds: PageData }>(
      `query ($after: String) { territoryNeeds(first: 10, after: $after) { ${PAGE.replace('ID', 'id')} } }`,
      { after: old },
      { token: operator.token },
    );
    expect(ok(result).territoryNeeds.items.map((item) => item.id)).toEqual(needs);
  });
});
