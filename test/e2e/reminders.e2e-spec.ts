import { QueueBackendService } from '@prossimo/platform';
import { NotificationsService } from '@prossimo/notifications';
import { createTerritory, ok, PIEDMONT, SignedInUser, signUp, withoutQuietHours } from '../support/fixtures';
import { needAcceptedBy, saveVolunteerProfile, startAndComplete } from '../support/engagements';
import { startStackForFile, uniquePhone } from '../support/stack';

const CANCEL = `mutation ($id: ID!) { cancelEngagement(input: { engagementId: $id, reason: "Imprevisto" }) { id status } }`;
const NO_SHOW = `mutation ($id: ID!) { reportNoShow(input: { engagementId: $id, reason: "Non è venuto" }) { id status } }`;
const START = `mutation ($id: ID!) { startEngagement(input: { engagementId: $id }) { id status } }`;
const COMPLETE = `mutation ($id: ID!) { completeEngagement(input: { engagementId: $id, hoursLogged: 2 }) { id status } }`;
const UPDATE_PREFERENCES = `mutation ($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { language } }`;

const ALBA = { lat: 44.7004, lon: 8.0347 };
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const HOUR = 3600_000;

async function waitUntil(predicate: () => Promise<boolean>, what: string, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function companionship(startsInMs: number, description: string) {
  return {
    category: 'COMPANIONSHIP',
    description,
    location: ALBA,
    windowStart: at(startsInMs),
    windowEnd: at(startsInMs + HOUR),
    urgency: 'NORMAL',
    language: 'it',
    accessibilityNeeds: [],
  };
}

describe('reminders and pickup/drop-off notices from the engagement lifecycle', () => {
  const stack = startStackForFile();
  let queues: QueueBackendService;
  let citizen: SignedInUser;
  let helpers: SignedInUser[];

  beforeAll(async () => {
    queues = stack.api.get(QueueBackendService);
    await createTerritory(stack.dataSource, `Reminders Langhe ${Date.now()}`, [PIEDMONT.alba, PIEDMONT.bra]);
    citizen = await signUp(stack);
    helpers = await Promise.all([signUp(stack), signUp(stack), signUp(stack)]);
    for (const [index, helper] of helpers.entries()) {
      const saved = await saveVolunteerProfile(stack, helper, {
        displayName: ['Giovanni', 'Paola', 'Franco'][index],
        bio: 'Volontario, faccio compagnia e accompagno alle visite.',
        skills: ['guida'],
        categories: ['COMPANIONSHIP', 'RIDES_AND_ACCOMPANIMENT'],
        languages: ['it'],
        homeLat: 44.701 + index * 0.001,
        homeLon: 8.035,
        travelRadiusKm: 20,
        vehicle: { seats: 3, wheelchairAccessible: false },
        weeklyHourLimit: 40,
        availability: [{ oneOff: { startsAt: at(0.5 * HOUR), endsAt: at(30 * HOUR) } }],
      });
      expect(saved.moderationStatus).toBe('PUBLISHED');
    }
    // Quiet hours would hold the day-before reminder when this runs at night in Rome.
    for (const user of [citizen, ...helpers]) await withoutQuietHours(stack, user);
  });

  /** Posts a need as the citizen; `helper` accepts the proposal matching sends them. */
  async function engage(helper: SignedInUser, input: Record<string, unknown>): Promise<string> {
    const { engagementId, status } = await needAcceptedBy(stack, citizen, [helper], input);
    expect(status).toBe('CONFIRMED');
    return engagementId;
  }

  async function reminderJobs(
    engagementId: string,
  ): Promise<{ id: string; kind: string; dispatched: boolean }[]> {
    return stack.dataSource.query(
      `SELECT id, payload->>'kind' AS kind, dispatched_at IS NOT NULL AS dispatched
         FROM outbox WHERE job_name = 'reminder' AND payload->>'engagementId' = $1 ORDER BY available_at`,
      [engagementId],
    );
  }

  /** Waits for the BullMQ job of an outbox row to finish; returns what the processor answered. */
  async function outcomeOf(jobId: string, timeoutMs = 30000): Promise<unknown> {
    const queue = queues.queue('notifications');
    let result: unknown;
    await waitUntil(
      async () => {
        const job = await queue.getJob(jobId);
        if (!job || (await job.getState()) !== 'completed') return false;
        // Read the job again: the copy above may have been fetched just before it completed,
        // and then carries no return value although its state now says completed.
        result = (await queue.getJob(jobId))?.returnvalue;
        return true;
      },
      `reminder job ${jobId}`,
      timeoutMs,
    );
    return result;
  }

  const reminderTexts = (user: SignedInUser, needle: string) =>
    stack.gateway
      .messagesTo(user.phone)
      .filter((m) => m.text.includes(needle) && /promemoria|tra un'ora/i.test(m.text));

  it('an hour before: a delayed BullMQ job that survives a worker restart and reminds both people once', async () => {
    const [giovanni] = helpers;
    const engagementId = await engage(giovanni, companionship(HOUR + 12_000, 'Passeggiata al parco'));
    // Only the hour-before reminder: the day before has already passed.
    let jobs = await reminderJobs(engagementId);
    expect(jobs.map((job) => job.kind)).toEqual(['hour_before']);
    await waitUntil(async () => (jobs = await reminderJobs(engagementId))[0].dispatched, 'the relay');
    const job = await queues.queue('notifications').getJob(jobs[0].id);
    expect(await job!.getState()).toBe('delayed');

    // The worker goes away before the job is due and comes back after: the job is still there.
    await stack.stopWorker();
    await new Promise((resolve) => setTimeout(resolve, 13_000));
    expect(reminderTexts(citizen, 'Passeggiata al parco')).toHaveLength(0);
    await stack.startWorker();
    expect(await outcomeOf(jobs[0].id)).toBe('sent');

    await stack.gateway.waitFor(
      () =>
        reminderTexts(citizen, 'Passeggiata al parco').length === 1 &&
        reminderTexts(giovanni, 'Passeggiata al parco').length === 1,
    );
    const [toCitizen] = reminderTexts(citizen, 'Passeggiata al parco');
    expect(toCitizen.text).toMatch(
      /^Prossimo: tra un'ora, alle \d\d:\d\d: "Passeggiata al parco" con Giovanni, Alba\.$/,
    );
    expect(reminderTexts(giovanni, 'Passeggiata al parco')[0].text).toContain('"Passeggiata al parco"');
    const [{ count }] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM engagement_reminders WHERE engagement_id = $1`,
      [engagementId],
    );
    expect(count).toBe(1);
  });

  it('the day before: sent when due, while the hour-before job waits delayed for its time', async () => {
    const [, paola] = helpers;
    const engagementId = await engage(paola, companionship(24 * HOUR + 10_000, 'Lettura del giornale'));
    const jobs = await reminderJobs(engagementId);
    expect(jobs.map((job) => job.kind)).toEqual(['day_before', 'hour_before']);
    expect(await outcomeOf(jobs[0].id)).toBe('sent');
    await stack.gateway.waitFor(() => reminderTexts(citizen, 'Lettura del giornale').length === 1);
    expect(reminderTexts(citizen, 'Lettura del giornale')[0].text).toMatch(
      /^Prossimo: promemoria, domani alle \d\d:\d\d: "Lettura del giornale" con Paola, Alba\. Se non puoi, rivolgiti al Comune di Alba\.$/,
    );
    const later = await queues.queue('notifications').getJob(jobs[1].id);
    expect(await later!.getState()).toBe('delayed');
    // Due 23 hours from now, give or take the test's own time.
    expect(Math.abs(later!.timestamp + later!.delay - (Date.now() + 23 * HOUR))).toBeLessThan(60_000);
  });

  it('a cancelled or no-show engagement: its reminder jobs fire as no-ops and nobody is reminded', async () => {
    const [, , franco] = helpers;
    const cancelled = await engage(franco, companionship(HOUR + 8_000, 'Caffè insieme'));
    ok(await stack.graphql(CANCEL, { id: cancelled }, { token: citizen.token }));
    const noShow = await engage(helpers[1], companionship(HOUR + 9_000, 'Giro in centro'));
    ok(await stack.graphql(NO_SHOW, { id: noShow }, { token: citizen.token }));

    const [cancelledJob] = await reminderJobs(cancelled);
    const [noShowJob] = await reminderJobs(noShow);
    expect(await outcomeOf(cancelledJob.id)).toBe('engagement-changed');
    expect(await outcomeOf(noShowJob.id)).toBe('engagement-changed');
    expect(reminderTexts(citizen, 'Caffè insieme')).toHaveLength(0);
    expect(reminderTexts(franco, 'Caffè insieme')).toHaveLength(0);
    expect(reminderTexts(citizen, 'Giro in centro')).toHaveLength(0);
  });

  it('a rescheduled engagement: the old reminder is a no-op, the new one goes', async () => {
    const [, , franco] = helpers;
    const engagementId = await engage(franco, companionship(3 * HOUR, 'Spesa al mercato'));
    const [first] = await reminderJobs(engagementId);
    // Moved earlier (as a rescheduling would do): matching records the new time and tells notifications.
    const notifications = stack.api.get(NotificationsService);
    await stack.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE engagements SET during = tstzrange($2, $3, '[)') WHERE id = $1`, [
        engagementId,
        at(HOUR + 8_000),
        at(1.5 * HOUR),
      ]);
      await notifications.engagementChanged(manager, engagementId);
    });
    const jobs = await reminderJobs(engagementId);
    expect(jobs).toHaveLength(2);
    const second = jobs.find((job) => job.id !== first.id)!;
    expect(await outcomeOf(second.id)).toBe('sent');
    await stack.gateway.waitFor(() => reminderTexts(citizen, 'Spesa al mercato').length === 1);
    // The first job, due in two hours, would find the start changed: promoted now, it does nothing.
    const old = await queues.queue('notifications').getJob(first.id);
    await old!.promote();
    expect(await outcomeOf(first.id)).toBe('rescheduled');
    expect(reminderTexts(citizen, 'Spesa al mercato')).toHaveLength(1);
  });

  it('tells the family contact once that the need is matched, and of pickup and drop-off only once the citizen opts in', async () => {
    const [, , franco] = helpers;
    const familyPhone = uniquePhone();
    ok(
      await stack.graphql(
        UPDATE_PREFERENCES,
        { input: { familyContact: { name: 'Luca', phone: familyPhone, consent: true } } },
        { token: citizen.token },
      ),
    );
    const ride = (description: string, appointmentInHours: number) => ({
      category: 'RIDES_AND_ACCOMPANIMENT',
      description,
      location: ALBA,
      windowStart: at(appointmentInHours * HOUR - HOUR),
      windowEnd: at(appointmentInHours * HOUR + 3 * HOUR),
      urgency: 'NORMAL',
      language: 'it',
      accessibilityNeeds: [],
      details: {
        ride: {
          pickupPlace: 'Via Roma 1, Alba',
          pickupLocation: ALBA,
          destinationPlace: 'Ospedale di Verduno',
          destinationLocation: { lat: 44.671, lon: 7.944 },
          appointmentAt: at(appointmentInHours * HOUR),
          returnTripWanted: true,
          returnAt: at(appointmentInHours * HOUR + 2 * HOUR),
          wheelchair: false,
          escortWaits: true,
          passengers: 1,
        },
      },
    });

    // The family hears that the need is matched (SMS by default, with the consent): once per
    // engagement, also when a rescheduling confirms it again. Not urgent, so quiet hours may hold
    // it until the morning: the stored message is what is checked.
    const notifications = stack.api.get(NotificationsService);
    const matchedNotices = async (engagementId: string) => {
      const rows: { body_encrypted: string }[] = await stack.dataSource.query(
        `SELECT body_encrypted FROM notifications
          WHERE event = 'need_matched_family' AND recipient = $1 AND ref = $2 AND user_id IS NULL`,
        [familyPhone, `engagement:${engagementId}`],
      );
      return rows.map((row) => notifications.decryptBody({ bodyEncrypted: row.body_encrypted }));
    };
    // Pickup and drop-off news, without the "need matched" ones (which quiet hours may hold).
    const rideNews = () =>
      stack.gateway.messagesTo(familyPhone).filter((m) => !m.text.includes('trovato aiuto'));

    // Consent alone is not the opt-in for pickup and drop-off: nothing about the ride itself.
    // Near now: a helper may start only from 2 hours before the pickup. Each ride is completed
    // before the next is posted, so the two do not overlap.
    const first = await engage(franco, ride('Visita oculistica', 2));
    // The family and the citizen read the same two times, each named: the pickup (the engagement's
    // start, 30 minutes before) and the appointment.
    const appointment = new Date(Date.now() + 2 * HOUR);
    const pickup = new Date(appointment.getTime() - 30 * 60_000);
    const { startsAt } = (
      await stack.dataSource.query(`SELECT lower(during) AS "startsAt" FROM engagements WHERE id = $1`, [
        first,
      ])
    )[0] as { startsAt: Date };
    expect(Math.abs(startsAt.getTime() - pickup.getTime())).toBeLessThan(60_000);
    const hhmm = (date: Date) =>
      new Intl.DateTimeFormat('it-IT', {
        timeZone: 'Europe/Rome',
        hour: '2-digit',
        minute: '2-digit',
      }).format(date);
    const [family] = await matchedNotices(first);
    const times = family.match(/(\d\d\/\d\d): ritiro (\d\d:\d\d), appuntamento (\d\d:\d\d)/);
    expect(family).toMatch(
      /^Prossimo: .* ha trovato aiuto per "Visita oculistica" \d\d\/\d\d: ritiro \d\d:\d\d, appuntamento \d\d:\d\d: se ne occupa Franco\.$/,
    );
    expect(times?.[2]).toBe(hhmm(startsAt));
    const [toCitizen]: { body_encrypted: string }[] = await stack.dataSource.query(
      `SELECT body_encrypted FROM notifications WHERE event = 'need_matched' AND channel = 'sms' AND user_id = $1
          AND ref = $2`,
      [citizen.userId, `engagement:${first}`],
    );
    expect(notifications.decryptBody({ bodyEncrypted: toCitizen.body_encrypted })).toContain(
      `"Visita oculistica" ${times?.[0]}.`,
    );
    await stack.dataSource.transaction((manager) => notifications.engagementChanged(manager, first));
    expect(await matchedNotices(first)).toHaveLength(1);
    await startAndComplete(stack, franco, first, 2);

    ok(
      await stack.graphql(
        UPDATE_PREFERENCES,
        {
          input: {
            channels: [
              { event: 'family_pickup', channels: ['SMS'] },
              { event: 'family_dropoff', channels: ['SMS'] },
            ],
          },
        },
        { token: citizen.token },
      ),
    );
    const second = await engage(franco, ride('Visita cardiologica', 2));
    expect(await matchedNotices(second)).toHaveLength(1);
    ok(await stack.graphql(START, { id: second }, { token: franco.token }));
    await stack.gateway.waitFor(() => rideNews().length === 1);
    expect(rideNews()[0].text).toMatch(
      /^Prossimo: alle \d\d:\d\d Franco è passato a prendere .* per "Visita cardiologica"\.$/,
    );
    ok(await stack.graphql(COMPLETE, { id: second }, { token: franco.token }));
    await stack.gateway.waitFor(() => rideNews().length === 2);
    expect(rideNews()[1].text).toMatch(
      /^Prossimo: alle \d\d:\d\d Franco ha riaccompagnato .* a Via Roma 1, Alba\.$/,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Exactly these two: none for the first ride, none twice.
    expect(rideNews()).toHaveLength(2);
  });
});
