import { randomInt } from 'node:crypto';
import { signWebhook } from '@prossimo/notifications';
import { DEMO_CONSORTIUM, DEMO_PHONES } from './demo-territory';
import { GraphQLClient } from './graphql-client';

/** What the tour needs to know about the running Prossimo. */
export interface TourTarget {
  client: GraphQLClient;
  /** Base URL of the api (webhooks live beside /graphql). */
  baseUrl: string;
  /** The secret the SMS gateway signs its webhooks with (SMS_WEBHOOK_SECRET). */
  webhookSecret: string;
}

/** How the tour talks to the person watching: a step title, then what happened in it. */
export interface TourNarrator {
  step(title: string): void;
  say(line: string): void;
}

/** A failed expectation of the story (as opposed to a failed call, which GraphQLClient reports). */
export class TourError extends Error {}

// Bra, in the demo consortium: the citizen's home and the volunteer's.
const BRA = { lat: 44.6977, lon: 7.8513 };
const VERDUNO_HOSPITAL = { lat: 44.6766, lon: 7.9301 };

/**
 * The whole story through the public API, as the apps of the people involved would call it.
 * Fresh phone numbers each run, so the tour can be played again on the same database.
 */
export async function playTour(target: TourTarget, narrator: TourNarrator): Promise<void> {
  const { client } = target;
  const waitNote = (seconds: number) =>
    narrator.say(`(the SMS limits ask to wait ${seconds} s before another code to this number: waiting)`);

  narrator.step('A citizen signs up by SMS');
  const citizenPhone = freshPhone();
  const citizen = await client.signIn(citizenPhone, waitNote);
  const otp = (await client.messagesTo(citizenPhone)).at(-1)?.text ?? '';
  narrator.say(`Rosa (${citizenPhone}) asks for a code; the SMS reads: "${otp}"`);
  narrator.say(`She types the code back: her account exists (user ${citizen.userId}, role CITIZEN).`);

  narrator.step('A volunteer signs up and registers when he is free');
  const volunteerPhone = freshPhone();
  const volunteer = await client.signIn(volunteerPhone, waitNote);
  await client.call(
    'upsertVolunteerProfile',
    `mutation ($input: UpsertVolunteerProfileInput!) { upsertVolunteerProfile(input: $input) { id } }`,
    {
      input: {
        displayName: 'Giorgio Tour',
        bio: 'Ho l’auto e sono spesso libero: accompagno volentieri a visite mediche.',
        homeLat: BRA.lat,
        homeLon: BRA.lon,
        travelRadiusKm: 25,
        weeklyHourLimit: 10,
        categories: ['RIDES_AND_ACCOMPANIMENT'],
        languages: ['it'],
        vehicle: { seats: 3, wheelchairAccessible: false },
      },
    },
    volunteer.token,
  );
  // The ride is in about an hour: a helper may start it only from 2 hours before the pickup, and
  // the tour plays it through. Giorgio is free just around it (and says so no more at the end), so
  // that the volunteers of earlier runs do not compete for this ride.
  const appointment = quarterHourAfter(new Date(Date.now() + 75 * 60000));
  const free = {
    startsAt: new Date(appointment.getTime() - 60 * 60000),
    endsAt: new Date(appointment.getTime() + 150 * 60000),
  };
  const window = await client.call<{
    addAvailabilityWindow: { id: string; startsAt: string; endsAt: string };
  }>(
    'addAvailabilityWindow',
    `mutation ($input: AvailabilityWindowInput!) { addAvailabilityWindow(input: $input) { id startsAt endsAt } }`,
    { input: { oneOff: { startsAt: free.startsAt.toISOString(), endsAt: free.endsAt.toISOString() } } },
    volunteer.token,
  );
  // Proposals come by SMS; his quiet hours are off so that the tour works at any hour of the night.
  await client.call(
    'updateNotificationPreferences',
    `mutation { updateNotificationPreferences(input: { quietHoursStart: "00:00", quietHoursEnd: "00:00" }) { quietHoursStart } }`,
    {},
    volunteer.token,
  );
  narrator.say(
    `Giorgio (${volunteerPhone}) signs up the same way, says he drives (3 seats, 25 km from Bra) and is free ` +
      `on ${rome(window.addAvailabilityWindow.startsAt)} – ${rome(window.addAvailabilityWindow.endsAt)}.`,
  );

  narrator.step('The citizen asks for a ride to the hospital');
  const smsBefore = (await client.messagesTo(volunteerPhone)).length;
  const { postNeed } = await client.call<{ postNeed: { id: string; status: string; comuneIstat: string } }>(
    'postNeed',
    `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id status comuneIstat } }`,
    {
      input: {
        category: 'RIDES_AND_ACCOMPANIMENT',
        description: 'Accompagnamento a una visita all’ospedale di Verduno, con attesa e ritorno.',
        location: BRA,
        address: 'Via Vittorio Emanuele 1, Bra',
        windowStart: new Date(appointment.getTime() - 45 * 60000).toISOString(),
        windowEnd: new Date(appointment.getTime() + 120 * 60000).toISOString(),
        urgency: 'NORMAL',
        sensitiveNotes: 'Visita oculistica: dopo non può guidare.',
        // Health notes need the explicit, separate consent, given here in the form.
        healthDataConsent: true,
        details: {
          ride: {
            pickupPlace: 'Via Vittorio Emanuele 1, Bra',
            pickupLocation: BRA,
            destinationPlace: 'Ospedale Michele e Pietro Ferrero, Verduno',
            destinationLocation: VERDUNO_HOSPITAL,
            appointmentAt: appointment.toISOString(),
            returnTripWanted: true,
            returnAt: new Date(appointment.getTime() + 90 * 60000).toISOString(),
            escortWaits: true,
            passengers: 1,
          },
        },
      },
    },
    citizen.token,
  );
  const needId = postNeed.id;
  if (!DEMO_CONSORTIUM.comuni.includes(postNeed.comuneIstat)) {
    throw new TourError(`The need landed in Comune ${postNeed.comuneIstat}, outside the demo consortium`);
  }
  narrator.say(
    `Rosa posts a ride from Bra to the hospital in Verduno, appointment ${rome(appointment.toISOString())}, ` +
      `with a return trip (need ${needId}, status ${postNeed.status}; her health notes are stored encrypted).`,
  );

  narrator.step('Matching proposes a helper');
  const proposal = await eventually('a proposal to the volunteer', 60000, async () => {
    const { myProposals } = await client.call<{
      myProposals: {
        items: { id: string; needId: string; status: string; rank: number; whyThisHelper: string }[];
      };
    }>(
      'myProposals',
      `{ myProposals(first: 20) { items { id needId status rank whyThisHelper } } }`,
      {},
      volunteer.token,
    );
    return myProposals.items.find((item) => item.needId === needId && item.status === 'PENDING');
  });
  const proposalSms = await client.waitForSms(volunteerPhone, smsBefore, /\b(SI|YES) [A-Z2-9]{4}\b/);
  narrator.say(
    `The worker ranked the volunteers nearby: Giorgio is number ${proposal.rank} (${proposal.whyThisHelper}).`,
  );
  narrator.say(`He gets an SMS: "${proposalSms}"`);

  narrator.step('The volunteer accepts by replying to the SMS');
  const replyCode = (/\b(?:SI|YES) ([A-Z2-9]{4})\b/.exec(proposalSms) as RegExpExecArray)[1];
  const reply = JSON.stringify({ from: volunteerPhone, text: `SI ${replyCode}` });
  // The SMS provider forwards the reply to our webhook, signed with the shared secret.
  const response = await fetch(`${target.baseUrl}/webhooks/sms/inbound`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-prossimo-signature': signWebhook(target.webhookSecret, reply),
    },
    body: reply,
  });
  const answer = (await response.json().catch(() => ({}))) as { result?: string; targetType?: string };
  if (!response.ok || answer.result !== 'accepted') {
    throw new TourError(
      `The SMS reply was not taken as an acceptance: HTTP ${response.status} ${JSON.stringify(answer)}`,
    );
  }
  narrator.say(
    `Giorgio answers "SI ${replyCode}"; the provider calls POST /webhooks/sms/inbound (HMAC-signed).`,
  );
  const matched = await eventually('the need to be matched', 30000, async () => {
    const { need } = await client.call<{
      need: { status: string; engagement: { id: string; status: string; helperName: string } | null };
    }>(
      'need',
      `query ($id: ID!) { need(id: $id) { status engagement { id status helperName } } }`,
      { id: needId },
      citizen.token,
    );
    return need.status === 'MATCHED' && need.engagement ? need : undefined;
  });
  const engagementId = (matched.engagement as { id: string }).id;
  narrator.say(
    `Rosa's need is now ${matched.status}: ${matched.engagement?.helperName} will drive her ` +
      `(engagement ${engagementId}, ${matched.engagement?.status}).`,
  );

  // The ride is his: he is not free any more around it (the next run's volunteer will be).
  await client.call(
    'removeAvailabilityWindow',
    `mutation ($id: ID!) { removeAvailabilityWindow(id: $id) }`,
    { id: window.addAvailabilityWindow.id },
    volunteer.token,
  );

  narrator.step('The ride takes place');
  await client.call(
    'startEngagement',
    `mutation ($id: ID!) { startEngagement(input: { engagementId: $id }) { status } }`,
    { id: engagementId },
    volunteer.token,
  );
  const { completeEngagement } = await client.call<{
    completeEngagement: { status: string; hoursLogged: number };
  }>(
    'completeEngagement',
    `mutation ($id: ID!) { completeEngagement(input: { engagementId: $id, hoursLogged: 3 }) { status hoursLogged } }`,
    { id: engagementId },
    volunteer.token,
  );
  if (completeEngagement.status !== 'COMPLETED') {
    throw new TourError(`The engagement is ${completeEngagement.status}, not COMPLETED`);
  }
  narrator.say(
    `Giorgio starts the ride in the app and completes it, logging ${completeEngagement.hoursLogged} hours.`,
  );

  narrator.step('Both review each other');
  const WRITE_REVIEW = `mutation ($input: WriteReviewInput!) {
    writeReview(input: $input) { id subjectType overallStars visibility } }`;
  type Written = {
    writeReview: { id: string; subjectType: string; overallStars: number; visibility: string };
  };
  const byCitizen = (
    await client.call<Written>(
      'writeReview',
      WRITE_REVIEW,
      {
        input: {
          engagementId,
          punctuality: 5,
          respect: 5,
          helpQuality: 4,
          comment: 'Puntuale e molto gentile, mi ha aspettata durante la visita.',
        },
      },
      citizen.token,
    )
  ).writeReview;
  const byVolunteer = (
    await client.call<Written>(
      'writeReview',
      WRITE_REVIEW,
      { input: { engagementId, punctuality: 5, respect: 5, helpQuality: 5 } },
      volunteer.token,
    )
  ).writeReview;
  narrator.say(
    `Rosa rates Giorgio ${byCitizen.overallStars.toFixed(1)}/5 with a comment (${byCitizen.visibility}); ` +
      `Giorgio rates Rosa ${byVolunteer.overallStars.toFixed(1)}/5, stars only (${byVolunteer.visibility}).`,
  );

  narrator.step('The Comune moderator looks at the reviews and the indicators');
  const moderator = await client.signIn(DEMO_PHONES.moderator, waitNote);
  if (byCitizen.visibility !== 'PUBLISHED') {
    const { heldReviews } = await client.call<{ heldReviews: { items: { review: { id: string } }[] } }>(
      'heldReviews',
      `{ heldReviews(first: 100) { items { review { id } } } }`,
      {},
      moderator.token,
    );
    if (!heldReviews.items.some((item) => item.review.id === byCitizen.id)) {
      throw new TourError('The citizen’s review is not published, nor in the moderator’s queue');
    }
    await client.call(
      'moderateContent',
      `mutation ($input: ModerateContentInput!) { moderateContent(input: $input) { status } }`,
      {
        input: {
          contentType: 'REVIEW',
          contentId: byCitizen.id,
          decision: 'APPROVE',
          reason: 'Recensione corretta',
        },
      },
      moderator.token,
    );
    narrator.say('Giulia Verdi (moderator) finds Rosa’s comment in her queue and publishes it.');
  }
  const { reputation } = await client.call<{
    reputation: { shown: boolean; reviewCount: number | null; average: number | null };
  }>(
    'reputation',
    `query ($id: ID!) { reputation(subjectType: VOLUNTEER, subjectId: $id) { shown reviewCount average } }`,
    { id: volunteer.userId },
  );
  const today = new Date();
  const { impactIndicators } = await client.call<{
    impactIndicators: {
      comuneCount: number;
      demand: { needsReceived: number; needsServed: number }[];
      activity: {
        engagementsCompleted: number;
        volunteerHours: number;
        ridesCompleted: number;
        rideKm: number;
      }[];
      reach: { citizensReached: number }[];
    };
  }>(
    'impactIndicators',
    `query ($filter: IndicatorFilterInput!) {
      impactIndicators(filter: $filter) {
        comuneCount
        demand { needsReceived needsServed }
        activity { engagementsCompleted volunteerHours ridesCompleted rideKm }
        reach { citizensReached }
      }
    }`,
    { filter: { from: isoDay(addDays(today, -365)), to: isoDay(addDays(today, 365)) } },
    moderator.token,
  );
  const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const rides = sum(impactIndicators.activity, (row) => row.ridesCompleted);
  if (rides < 1) throw new TourError('The indicators count no completed ride');
  narrator.say(
    `Giulia opens the indicators of her ${impactIndicators.comuneCount} Comuni for the last and next year: ` +
      `${sum(impactIndicators.demand, (row) => row.needsReceived)} needs received, ` +
      `${sum(impactIndicators.demand, (row) => row.needsServed)} served, ` +
      `${sum(impactIndicators.reach, (row) => row.citizensReached)} people reached, ` +
      `${rides} rides completed (${sum(impactIndicators.activity, (row) => row.rideKm).toFixed(1)} km), ` +
      `${sum(impactIndicators.activity, (row) => row.volunteerHours)} volunteer hours.`,
  );
  narrator.say(
    reputation.shown
      ? `Giorgio's public reputation: ${reputation.reviewCount} review(s), average ${reputation.average?.toFixed(1)}.`
      : "Giorgio's public reputation shows no figures yet: too few reviews for that.",
  );
}

/** Polls until `probe` answers something, or fails the tour naming what it waited for. */
async function eventually<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) {
      throw new TourError(`Waited ${timeoutMs / 1000} s for ${what} (is the worker running?)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A mobile number unlike the demo people's (+39 333 100 00xx), new on every run. */
function freshPhone(): string {
  return `+39333${randomInt(2_000_000, 10_000_000)}`;
}

/** The first whole quarter hour at or after `at` (quarter hours are whole in every zone of Italy). */
function quarterHourAfter(at: Date): Date {
  const quarter = 15 * 60000;
  return new Date(Math.ceil(at.getTime() / quarter) * quarter);
}

function rome(iso: string): string {
  return new Intl.DateTimeFormat('it-IT', {
    timeZone: 'Europe/Rome',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86400000);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
