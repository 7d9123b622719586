import { ReviewAggregatesService, ReviewRequestService } from '@prossimo/reputation';
import {
  codeOf,
  createTerritory,
  fieldOf,
  grantRole,
  hoursFromNow,
  ok,
  SignedInUser,
  signUp,
  signUpWithRoles,
  waitUntil,
} from '../support/fixtures';
import { moderatorOf } from '../support/roles';
import { needAcceptedBy, saveVolunteerProfile, startAndComplete } from '../support/engagements';
import { startStackForFile } from '../support/stack';

// Lecce: far from every other test file's volunteers, so matching proposes only ours.
const LECCE = { istat: '075035', lat: 40.3548, lon: 18.1724 };

const CANCEL = `mutation ($id: ID!) { cancelEngagement(input: { engagementId: $id, reason: "imprevisto" }) { id status } }`;
const REVIEW_FIELDS = `id engagementId subjectType subjectId organisationId overallStars comment visibility editable
  scores { criterion stars } reply { id body visibility }`;
const WRITE = `mutation ($input: WriteReviewInput!) { writeReview(input: $input) { ${REVIEW_FIELDS} } }`;
const EDIT = `mutation ($input: EditReviewInput!) { editReview(input: $input) { ${REVIEW_FIELDS} } }`;
const REPLY = `mutation ($input: ReplyToReviewInput!) { replyToReview(input: $input) { ${REVIEW_FIELDS} } }`;
const MY_REVIEWS = `query ($direction: ReviewDirection!) { myReviews(direction: $direction, first: 50) {
  items { ${REVIEW_FIELDS} } } }`;
const REVIEWS_OF = `query ($type: ReviewSubjectType!, $id: ID!) { reviewsOf(subjectType: $type, subjectId: $id, first: 50) {
  items { ${REVIEW_FIELDS} } } }`;
const REPUTATION = `query ($type: ReviewSubjectType!, $id: ID!) { reputation(subjectType: $type, subjectId: $id) {
  shown reviewCount average bayesianAverage criteria { criterion average } } }`;
const HELD = `query { heldReviews(first: 20) { items { comuneIstat heldReasons replyHeldReasons review { ${REVIEW_FIELDS} } } } }`;
const MODERATE = `mutation ($input: ModerateContentInput!) { moderateContent(input: $input) { status } }`;
const REPORT = `mutation ($input: ReportContentInput!) { reportContent(input: $input) { status reportCount } }`;
const SET_MODE = `mutation ($input: SetModerationModeInput!) { setModerationMode(input: $input) }`;
const ORGANISATION_REVIEWS = `query ($id: ID!) { organisationReviews(organisationId: $id, first: 50) { items { ${REVIEW_FIELDS} } } }`;
const SEARCH = `query ($comune: String!, $first: Int, $after: String) {
  searchServiceOffers(filter: { comuneIstat: $comune }, order: RATING, first: $first, after: $after) {
    items { id } pageInfo { hasNextPage endCursor } } }`;

interface ReviewView {
  id: string;
  engagementId: string;
  subjectType: string;
  subjectId: string;
  organisationId: string | null;
  overallStars: number;
  comment: string | null;
  visibility: string;
  editable: boolean;
  scores: { criterion: string; stars: number }[];
  reply: { id: string; body: string; visibility: string } | null;
}

interface ReputationView {
  shown: boolean;
  reviewCount: number | null;
  average: number | null;
  bayesianAverage: number | null;
  criteria: { criterion: string; average: number }[] | null;
}

describe('Reviews: two-way, moderated, aggregated', () => {
  const stack = startStackForFile({ env: { REVIEW_REMINDER_DELAY_SECONDS: '2' } });
  let moderator: SignedInUser;
  let foreignModerator: SignedInUser;
  let helper: SignedInUser;
  let otherHelper: SignedInUser;
  let citizens: SignedInUser[];
  let territoryId: string;
  // Engagements left open take the next free slot, so that they never overlap; completed ones are
  // near now (a helper may start only from 2 hours before) and hold no time once completed.
  let nextSlot = 3;

  const person = (stars: number, comment?: string) => ({
    punctuality: stars,
    respect: stars,
    helpQuality: stars,
    ...(comment ? { comment } : {}),
  });

  async function write(user: SignedInUser, input: Record<string, unknown>) {
    return stack.graphql<{ writeReview: ReviewView }>(WRITE, { input }, { token: user.token });
  }

  async function myReviews(user: SignedInUser, direction: 'WRITTEN' | 'RECEIVED') {
    return ok(
      await stack.graphql<{ myReviews: { items: ReviewView[] } }>(
        MY_REVIEWS,
        { direction },
        { token: user.token },
      ),
    ).myReviews.items;
  }

  async function reputationOf(type: string, id: string) {
    return ok(await stack.graphql<{ reputation: ReputationView }>(REPUTATION, { type, id })).reputation;
  }

  /** A companionship need in Lecce, proposed to our helpers, accepted by `by`: the engagement id. */
  async function acceptedEngagement(citizen: SignedInUser, by: SignedInUser, at?: number): Promise<string> {
    const start = at ?? nextSlot;
    if (at === undefined) nextSlot += 1.5;
    const input = {
      category: 'COMPANIONSHIP',
      description: 'Compagnia per una passeggiata',
      location: { lat: LECCE.lat, lon: LECCE.lon },
      windowStart: hoursFromNow(start),
      windowEnd: hoursFromNow(start + 1),
      urgency: 'NORMAL',
      language: 'it',
      accessibilityNeeds: [],
    };
    return (await needAcceptedBy(stack, citizen, [by], input)).engagementId;
  }

  async function completedEngagement(citizen: SignedInUser, by: SignedInUser = helper): Promise<string> {
    const engagementId = await acceptedEngagement(citizen, by, 1);
    await startAndComplete(stack, by, engagementId, 1);
    return engagementId;
  }

  async function notificationCount(userId: string, event: string, engagementId: string): Promise<number> {
    const [row]: { n: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND event = $2 AND ref = $3`,
      [userId, event, `engagement-review:${engagementId}`],
    );
    return row.n;
  }

  beforeAll(async () => {
    territoryId = await createTerritory(stack.dataSource, `Reviews Salento ${Date.now()}`, [LECCE.istat]);
    const elsewhere = await createTerritory(stack.dataSource, `Reviews elsewhere ${Date.now()}`, ['077014']);
    [moderator, foreignModerator, helper, otherHelper, ...citizens] = await signUpWithRoles(stack, [
      moderatorOf(territoryId),
      moderatorOf(elsewhere),
      ...Array.from({ length: 14 }, () => null),
    ]);
    // Post-moderation: clean comments are public at once, so a held one shows the screening at work.
    for (const contentType of ['REVIEW', 'REVIEW_REPLY']) {
      ok(
        await stack.graphql(
          SET_MODE,
          { input: { territoryId, contentType, mode: 'POST' } },
          { token: moderator.token },
        ),
      );
    }
    for (const [user, name] of [
      [helper, 'Rocco'],
      [otherHelper, 'Lucia'],
    ] as const) {
      const saved = await saveVolunteerProfile(stack, user, {
        displayName: name,
        bio: 'Faccio compagnia e due passi insieme.',
        skills: ['compagnia'],
        categories: ['COMPANIONSHIP'],
        languages: ['it'],
        homeLat: LECCE.lat + 0.005,
        homeLon: LECCE.lon,
        travelRadiusKm: 10,
        weeklyHourLimit: 40,
        availability: [{ oneOff: { startsAt: hoursFromNow(0.5), endsAt: hoursFromNow(30) } }],
      });
      expect(saved.moderationStatus).toBe('PUBLISHED');
    }
  });

  it('both sides review a completed engagement once; the rating request went out when it completed', async () => {
    const [citizen] = citizens;
    const engagementId = await completedEngagement(citizen);
    expect(await notificationCount(citizen.userId, 'rating_request', engagementId)).toBeGreaterThan(0);
    expect(await notificationCount(helper.userId, 'rating_request', engagementId)).toBeGreaterThan(0);

    // The helper's criteria, all of them; a service criterion is refused, naming the field.
    const missing = await write(citizen, { engagementId, punctuality: 5, respect: 5 });
    expect([codeOf(missing), fieldOf(missing)]).toEqual(['FIELD_REQUIRED', 'helpQuality']);
    const wrongSet = await write(citizen, { engagementId, ...person(5), priceClarity: 3 });
    expect([codeOf(wrongSet), fieldOf(wrongSet)]).toEqual([
      'REVIEW_CRITERION_NOT_FOR_SUBJECT',
      'priceClarity',
    ]);
    const outsider = await write(otherHelper, { engagementId, ...person(5) });
    expect(codeOf(outsider)).toBe('ENGAGEMENT_NOT_FOUND');

    const byCitizen = ok(
      await write(citizen, {
        engagementId,
        punctuality: 5,
        respect: 4,
        helpQuality: 5,
        comment: 'Puntuale e gentilissimo',
      }),
    ).writeReview;
    expect(byCitizen).toMatchObject({
      subjectType: 'VOLUNTEER',
      subjectId: helper.userId,
      visibility: 'PUBLISHED',
      comment: 'Puntuale e gentilissimo',
      editable: true,
      scores: [
        { criterion: 'PUNCTUALITY', stars: 5 },
        { criterion: 'RESPECT', stars: 4 },
        { criterion: 'HELP_QUALITY', stars: 5 },
      ],
    });
    expect(byCitizen.overallStars).toBeCloseTo(4.67, 2);
    const again = await write(citizen, { engagementId, ...person(1) });
    expect(codeOf(again)).toBe('REVIEW_ALREADY_WRITTEN');

    const byHelper = ok(await write(helper, { engagementId, ...person(5, 'Persona squisita') })).writeReview;
    expect(byHelper).toMatchObject({
      subjectType: 'CITIZEN',
      subjectId: citizen.userId,
      visibility: 'PUBLISHED',
    });
    expect(codeOf(await write(helper, { engagementId, ...person(4) }))).toBe('REVIEW_ALREADY_WRITTEN');

    expect((await myReviews(citizen, 'WRITTEN')).map((r) => r.id)).toEqual([byCitizen.id]);
    expect((await myReviews(citizen, 'RECEIVED')).map((r) => r.id)).toEqual([byHelper.id]);
    expect((await myReviews(helper, 'RECEIVED')).map((r) => r.id)).toContain(byCitizen.id);

    // Within 48 hours the author may edit; after that, no more.
    const edited = ok(
      await stack.graphql<{ editReview: ReviewView }>(
        EDIT,
        { input: { reviewId: byCitizen.id, respect: 5 } },
        { token: citizen.token },
      ),
    ).editReview;
    expect(edited.overallStars).toBe(5);
    expect(edited.comment).toBe('Puntuale e gentilissimo');
    const notAuthor = await stack.graphql(
      EDIT,
      { input: { reviewId: byCitizen.id, respect: 1 } },
      { token: helper.token },
    );
    expect(codeOf(notAuthor)).toBe('REVIEW_NOT_FOUND');
    await stack.dataSource.query(
      `UPDATE reviews SET created_at = now() - interval '49 hours' WHERE id = $1`,
      [byCitizen.id],
    );
    const late = await stack.graphql(
      EDIT,
      { input: { reviewId: byCitizen.id, respect: 1 } },
      { token: citizen.token },
    );
    expect(codeOf(late)).toBe('REVIEW_EDIT_CLOSED');
  });

  it('no review of a cancelled engagement, nor after the review window', async () => {
    const [, citizen] = citizens;
    const cancelled = await acceptedEngagement(citizen, helper);
    ok(await stack.graphql(CANCEL, { id: cancelled }, { token: citizen.token }));
    const refused = await write(citizen, { engagementId: cancelled, ...person(1) });
    expect([codeOf(refused), fieldOf(refused)]).toEqual(['REVIEW_ENGAGEMENT_NOT_COMPLETED', 'engagementId']);
    expect(codeOf(await write(helper, { engagementId: cancelled, ...person(3) }))).toBe(
      'REVIEW_ENGAGEMENT_NOT_COMPLETED',
    );

    const old = await completedEngagement(citizen);
    await stack.dataSource.query(
      `UPDATE engagements SET completed_at = now() - interval '15 days' WHERE id = $1`,
      [old],
    );
    expect(codeOf(await write(citizen, { engagementId: old, ...person(4) }))).toBe('REVIEW_WINDOW_CLOSED');
    const [{ n }]: { n: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM reviews WHERE engagement_id = ANY($1::uuid[])`,
      [[cancelled, old]],
    );
    expect(n).toBe(0);
  });

  it('reminds once each side that wrote nothing, and nobody who wrote', async () => {
    const [, , citizen] = citizens;
    const engagementId = await completedEngagement(citizen);
    ok(await write(helper, { engagementId, ...person(4) }));
    await waitUntil(
      async () => (await notificationCount(citizen.userId, 'rating_reminder', engagementId)) > 0,
    );
    // The job ran; running it again (a retry) sends nothing more.
    const requests = stack.worker!.get(ReviewRequestService);
    expect(await requests.sendReminders(engagementId)).toBe(0);
    expect(await notificationCount(helper.userId, 'rating_reminder', engagementId)).toBe(0);
    const [{ n }]: { n: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM review_reminders WHERE engagement_id = $1`,
      [engagementId],
    );
    expect(n).toBe(1);
  });

  it('a held comment is invisible until approved; reply; three reports hide; aggregates follow and match a recount', async () => {
    const aggregates = stack.worker!.get(ReviewAggregatesService);
    const [, , , first, second, third] = citizens;
    const engagements = [];
    for (const citizen of [first, second, third])
      engagements.push(await completedEngagement(citizen, otherHelper));

    // One review and then two: below the minimum of three nothing is shown publicly.
    ok(await write(first, { engagementId: engagements[0], ...person(5) }));
    ok(await write(second, { engagementId: engagements[1], ...person(4, 'Molto disponibile') }));
    await waitUntil(
      async () => (await aggregates.stored({ kind: 'volunteer', id: otherHelper.userId })).count === 2,
    );
    expect(await reputationOf('VOLUNTEER', otherHelper.userId)).toEqual({
      shown: false,
      reviewCount: null,
      average: null,
      bayesianAverage: null,
      criteria: null,
    });
    const publicList = ok(
      await stack.graphql<{ reviewsOf: { items: ReviewView[] } }>(REVIEWS_OF, {
        type: 'VOLUNTEER',
        id: otherHelper.userId,
      }),
    ).reviewsOf.items;
    expect(publicList).toEqual([]);

    // A phone number in the comment: held for a moderator whatever the mode, invisible meanwhile.
    const held = ok(
      await write(third, {
        engagementId: engagements[2],
        ...person(2, 'In ritardo e sa del mio diabete: chiamatemi al 347 123 4567'),
      }),
    ).writeReview;
    expect(held.visibility).toBe('PENDING');
    expect((await myReviews(otherHelper, 'RECEIVED')).map((r) => r.id)).not.toContain(held.id);
    const forModerator = ok(
      await stack.graphql<{ heldReviews: { items: { heldReasons: string[]; review: ReviewView }[] } }>(
        HELD,
        {},
        { token: moderator.token },
      ),
    ).heldReviews.items;
    expect(forModerator.find((item) => item.review.id === held.id)).toMatchObject({
      heldReasons: ['PHONE', 'HEALTH'],
      review: { comment: 'In ritardo e sa del mio diabete: chiamatemi al 347 123 4567' },
    });
    // Health details read by staff are audited.
    const audited: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM audit_log WHERE actor_user_id = $1 AND action = 'review.held_health_read'
          AND details->'reviewIds' ? $2`,
      [moderator.userId, held.id],
    );
    expect(audited).toHaveLength(1);
    const elsewhere = ok(
      await stack.graphql<{ heldReviews: { items: { review: ReviewView }[] } }>(
        HELD,
        {},
        { token: foreignModerator.token },
      ),
    ).heldReviews.items;
    expect(elsewhere.map((item) => item.review.id)).not.toContain(held.id);
    expect(codeOf(await stack.graphql(HELD, {}, { token: third.token }))).toBe('FORBIDDEN');
    expect((await aggregates.stored({ kind: 'volunteer', id: otherHelper.userId })).count).toBe(2);

    ok(
      await stack.graphql(
        MODERATE,
        {
          input: {
            contentType: 'REVIEW',
            contentId: held.id,
            decision: 'APPROVE',
            reason: 'Numero del Comune',
          },
        },
        { token: moderator.token },
      ),
    );
    expect((await myReviews(otherHelper, 'RECEIVED')).map((r) => r.id)).toContain(held.id);
    await waitUntil(
      async () => (await aggregates.stored({ kind: 'volunteer', id: otherHelper.userId })).count === 3,
    );
    const shown = await reputationOf('VOLUNTEER', otherHelper.userId);
    expect(shown).toMatchObject({ shown: true, reviewCount: 3 });
    expect(shown.average).toBeCloseTo((5 + 4 + 2) / 3, 10);
    // Few reviews: the Bayesian average sits between the prior (4) and the mean.
    expect(shown.bayesianAverage!).toBeGreaterThan(shown.average!);
    expect(shown.bayesianAverage!).toBeLessThan(4);
    expect(shown.criteria).toContainEqual({ criterion: 'PUNCTUALITY', average: (5 + 4 + 2) / 3 });
    const recount = await aggregates.recompute({ kind: 'volunteer', id: otherHelper.userId });
    expect(await aggregates.stored({ kind: 'volunteer', id: otherHelper.userId })).toEqual(recount);

    // The reviewed volunteer replies once, publicly; nobody else can.
    const replied = ok(
      await stack.graphql<{ replyToReview: ReviewView }>(
        REPLY,
        { input: { reviewId: held.id, body: 'Mi scuso, c’era traffico.' } },
        { token: otherHelper.token },
      ),
    ).replyToReview;
    expect(replied.reply).toMatchObject({ body: 'Mi scuso, c’era traffico.', visibility: 'PUBLISHED' });
    const twice = await stack.graphql(
      REPLY,
      { input: { reviewId: held.id, body: 'Ancora io' } },
      { token: otherHelper.token },
    );
    expect(codeOf(twice)).toBe('REVIEW_ALREADY_REPLIED');
    const stranger = await stack.graphql(
      REPLY,
      { input: { reviewId: held.id, body: 'Io' } },
      { token: first.token },
    );
    expect(codeOf(stranger)).toBe('REVIEW_NOT_FOUND');
    const listed = ok(
      await stack.graphql<{ reviewsOf: { items: ReviewView[] } }>(REVIEWS_OF, {
        type: 'VOLUNTEER',
        id: otherHelper.userId,
      }),
    ).reviewsOf.items;
    expect(listed.find((r) => r.id === held.id)?.reply?.body).toBe('Mi scuso, c’era traffico.');

    // Three distinct reports hide the review; the aggregates drop it and still match a recount.
    for (const reporter of [first, second, helper]) {
      ok(
        await stack.graphql(
          REPORT,
          { input: { contentType: 'REVIEW', contentId: held.id, reason: 'Contiene un numero di telefono' } },
          { token: reporter.token },
        ),
      );
    }
    const [hidden]: { status: string }[] = await stack.dataSource.query(
      `SELECT status FROM reviews WHERE id = $1`,
      [held.id],
    );
    expect(hidden.status).toBe('hidden');
    expect((await myReviews(otherHelper, 'RECEIVED')).map((r) => r.id)).not.toContain(held.id);
    await waitUntil(
      async () => (await aggregates.stored({ kind: 'volunteer', id: otherHelper.userId })).count === 2,
    );
    expect(await aggregates.stored({ kind: 'volunteer', id: otherHelper.userId })).toEqual(
      await aggregates.recompute({ kind: 'volunteer', id: otherHelper.userId }),
    );
    expect((await reputationOf('VOLUNTEER', otherHelper.userId)).shown).toBe(false);
  });

  it('a citizen served through an organisation’s offer reviews the service; members see and answer; rating order', async () => {
    const aggregates = stack.worker!.get(ReviewAggregatesService);
    const [member, admin, ...reviewers] = citizens.slice(6, 11);
    /** An accredited organisation in Lecce with published offers (as the directory would hold them). */
    async function organisationWithOffers(titles: string[]): Promise<{ id: string; offers: string[] }> {
      const [organisation]: { id: string }[] = await stack.dataSource.query(
        `INSERT INTO organisations (kind, name, codice_fiscale, description, home_comune_istat)
         VALUES ('company', $1, $2, 'Servizi di compagnia', $3) RETURNING id`,
        [
          `Compagnia ${titles[0]}`,
          String(Date.now() * 1000 + Math.floor(Math.random() * 1000)).slice(-11),
          LECCE.istat,
        ],
      );
      await stack.dataSource.query(
        `INSERT INTO organisation_accreditations (organisation_id, territory_id, status) VALUES ($1, $2, 'accredited')`,
        [organisation.id, territoryId],
      );
      const offers: string[] = [];
      for (const title of titles) {
        const [offer]: { id: string }[] = await stack.dataSource.query(
          `INSERT INTO service_offers (organisation_id, title, category, description, area_comuni, comune_istat, lat, lon,
                                       price_model, min_cents_per_hour)
           VALUES ($1, $2, 'companionship', 'Compagnia a domicilio', ARRAY[$3]::char(6)[], $3, $4, $5, 'free', 0)
           RETURNING id`,
          [organisation.id, title, LECCE.istat, LECCE.lat, LECCE.lon],
        );
        await stack.dataSource.query(
          `INSERT INTO moderation_items (content_type, content_id, comune_istat, status, needs_review, summary)
           VALUES ('service_offer', $1, $2, 'published', false, $3)`,
          [offer.id, LECCE.istat, title],
        );
        offers.push(offer.id);
      }
      return { id: organisation.id, offers };
    }
    const reviewed = await organisationWithOffers(['Sempre con te', 'Due passi']);
    const unreviewed = await organisationWithOffers(['Nuova compagnia']);
    await grantRole(stack.dataSource, admin.userId, 'organisation_admin', { organisationId: reviewed.id });
    await grantRole(stack.dataSource, member.userId, 'organisation_operator', {
      organisationId: reviewed.id,
    });
    /** A completed engagement served through the offer (the link an offer booking sets). */
    const servedBy = async (citizen: SignedInUser, offerId: string) => {
      const engagementId = await completedEngagement(citizen);
      await stack.dataSource.query(`UPDATE engagements SET service_offer_id = $2 WHERE id = $1`, [
        engagementId,
        offerId,
      ]);
      return engagementId;
    };
    const service = (stars: number, comment?: string) => ({
      quality: stars,
      priceClarity: stars,
      reliability: stars,
      ...(comment ? { comment } : {}),
    });

    // Nobody reviews their own organisation.
    const own = await write(member, {
      engagementId: await servedBy(member, reviewed.offers[0]),
      ...service(5),
    });
    expect(codeOf(own)).toBe('REVIEW_OWN_ORGANISATION');

    const written: ReviewView[] = [];
    for (const [index, reviewer] of reviewers.entries()) {
      const engagementId = await servedBy(reviewer, reviewed.offers[0]);
      const personal = await write(reviewer, { engagementId, ...person(5) });
      expect([codeOf(personal), fieldOf(personal)]).toEqual([
        'REVIEW_CRITERION_NOT_FOR_SUBJECT',
        'punctuality',
      ]);
      written.push(
        ok(
          await write(reviewer, {
            engagementId,
            ...service(5 - index, index === 0 ? 'Servizio ottimo' : undefined),
          }),
        ).writeReview,
      );
    }
    expect(written[0]).toMatchObject({
      subjectType: 'OFFER',
      subjectId: reviewed.offers[0],
      organisationId: reviewed.id,
      visibility: 'PUBLISHED',
      scores: [
        { criterion: 'QUALITY', stars: 5 },
        { criterion: 'PRICE_CLARITY', stars: 5 },
        { criterion: 'RELIABILITY', stars: 5 },
      ],
    });

    await waitUntil(
      async () => (await aggregates.stored({ kind: 'organisation', id: reviewed.id })).count === 3,
    );
    for (const key of [
      { kind: 'offer' as const, id: reviewed.offers[0] },
      { kind: 'organisation' as const, id: reviewed.id },
    ]) {
      expect(await aggregates.stored(key)).toEqual(await aggregates.recompute(key));
    }
    const offerReputation = await reputationOf('OFFER', reviewed.offers[0]);
    expect(offerReputation).toMatchObject({ shown: true, reviewCount: 3, average: 4 });
    expect(offerReputation.criteria!.map((c) => c.criterion).sort()).toEqual([
      'PRICE_CLARITY',
      'QUALITY',
      'RELIABILITY',
    ]);
    expect((await reputationOf('ORGANISATION', reviewed.id)).reviewCount).toBe(3);
    expect((await reputationOf('OFFER', reviewed.offers[1])).shown).toBe(false);

    // Members see the organisation's reviews and answer one, publicly; others may not look.
    ok(
      await stack.graphql(
        REPLY,
        { input: { reviewId: written[0].id, body: 'Grazie, a presto!' } },
        { token: admin.token },
      ),
    );
    const forMembers = ok(
      await stack.graphql<{ organisationReviews: { items: ReviewView[] } }>(
        ORGANISATION_REVIEWS,
        { id: reviewed.id },
        { token: member.token },
      ),
    ).organisationReviews.items;
    expect(forMembers.map((r) => r.id).sort()).toEqual(written.map((r) => r.id).sort());
    expect(forMembers.find((r) => r.id === written[0].id)?.reply?.body).toBe('Grazie, a presto!');
    expect(
      codeOf(await stack.graphql(ORGANISATION_REVIEWS, { id: reviewed.id }, { token: reviewers[0].token })),
    ).toBe('FORBIDDEN');

    // Rating order: a mean of 4 over three reviews is exactly the prior (4), so all three offers tie
    // and go by id; page by page gives the same order as one page.
    const onePage = ok(
      await stack.graphql<{ searchServiceOffers: { items: { id: string }[] } }>(SEARCH, {
        comune: LECCE.istat,
        first: 50,
      }),
    ).searchServiceOffers.items.map((item) => item.id);
    expect(new Set(onePage)).toEqual(new Set([...reviewed.offers, ...unreviewed.offers]));
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const result: {
        searchServiceOffers: {
          items: { id: string }[];
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      } = ok(await stack.graphql(SEARCH, { comune: LECCE.istat, first: 1, after }));
      paged.push(...result.searchServiceOffers.items.map((item) => item.id));
      after = result.searchServiceOffers.pageInfo.hasNextPage
        ? result.searchServiceOffers.pageInfo.endCursor
        : null;
    } while (after);
    expect(paged).toEqual(onePage);

    // One more excellent review lifts the reviewed organisation's offers above the prior: first now.
    const extra = await servedBy(citizens[11], reviewed.offers[0]);
    ok(await write(citizens[11], { engagementId: extra, ...service(5) }));
    await waitUntil(
      async () => (await aggregates.stored({ kind: 'organisation', id: reviewed.id })).count === 4,
    );
    const ranked = ok(
      await stack.graphql<{ searchServiceOffers: { items: { id: string }[] } }>(SEARCH, {
        comune: LECCE.istat,
        first: 50,
      }),
    ).searchServiceOffers.items.map((item) => item.id);
    // The second offer has no reviews of its own and takes its organisation's figure.
    expect(new Set(ranked.slice(0, 2))).toEqual(new Set(reviewed.offers));
    expect(ranked[2]).toBe(unreviewed.offers[0]);
  });

  it('a moderator publishes a held comment with the phone number removed, recorded in the history', async () => {
    const citizen = await signUp(stack);
    const engagementId = await completedEngagement(citizen, helper);
    const text = 'Gentile e puntuale, per un passaggio chiamatelo al 347 123 4567 👍';
    const held = ok(await write(citizen, { engagementId, ...person(5, text) })).writeReview;
    expect(held.visibility).toBe('PENDING');
    const phone = { start: Array.from(text).indexOf('3'), end: Array.from(text).indexOf('3') + 12 };
    const moderate = (input: Record<string, unknown>) =>
      stack.graphql(
        MODERATE,
        {
          input: {
            contentType: 'REVIEW',
            contentId: held.id,
            reason: 'Numero di telefono privato',
            ...input,
          },
        },
        { token: moderator.token },
      );
    expect(codeOf(await moderate({ decision: 'REDACT' }))).toBe('REDACTION_INVALID');
    expect(codeOf(await moderate({ decision: 'REDACT', redactions: [{ start: 60, end: 90 }] }))).toBe(
      'REDACTION_INVALID',
    );
    expect(codeOf(await moderate({ decision: 'APPROVE', redactions: [phone] }))).toBe(
      'REDACTION_ONLY_WITH_REDACT',
    );
    // Refused attempts changed nothing.
    expect((await myReviews(helper, 'RECEIVED')).map((review) => review.id)).not.toContain(held.id);

    expect(ok(await moderate({ decision: 'REDACT', redactions: [phone] }))).toEqual({
      moderateContent: { status: 'PUBLISHED' },
    });
    const redacted = 'Gentile e puntuale, per un passaggio chiamatelo al […] 👍';
    expect((await myReviews(helper, 'RECEIVED')).find((review) => review.id === held.id)?.comment).toBe(
      redacted,
    );
    // The number is gone from the database, not only from the public view.
    const stored: { comment: string }[] = await stack.dataSource.query(
      `SELECT comment FROM reviews WHERE id = $1`,
      [held.id],
    );
    expect(stored).toEqual([{ comment: redacted }]);
    const history: { to_status: string; reason: string; actor_user_id: string }[] =
      await stack.dataSource.query(
        `SELECT to_status, reason, actor_user_id FROM status_history
        WHERE entity_type = 'review' AND entity_id = $1 AND actor_user_id IS NOT NULL ORDER BY id`,
        [held.id],
      );
    expect(history).toContainEqual({
      to_status: 'published',
      reason: `redacted 1 part(s) at ${phone.start}-${phone.end}: Numero di telefono privato`,
      actor_user_id: moderator.userId,
    });
  });
});
