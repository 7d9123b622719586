import { randomUUID } from 'node:crypto';
import { EXPIRE_NEEDS_EVERY_MS, NeedMaintenanceProcessor } from '@prossimo/requests';
import { JOBS, QueueBackendService } from '@prossimo/platform';
import {
  createTerritory,
  errorOf,
  hoursFromNow,
  PIEDMONT,
  SignedInUser,
  signUpWithRoles,
  waitUntil,
} from '../support/fixtures';
import { startStackForFile, uniquePhone } from '../support/stack';

const NEED_FIELDS = `id source status category description comuneIstat location { lat lon } address sensitiveNotes
  windowStart windowEnd urgency language accessibilityNeeds visibleToHelpers
  details { ride { pickupPlace pickupLocation { lat lon } destinationPlace appointmentAt pickupAt returnTripWanted returnAt wheelchair escortWaits passengers } }
  beneficiary { kind fullName phone relationship consentRecordedAt }`;
const POST_NEED = `mutation ($input: PostNeedInput!) { postNeed(input: $input) { ${NEED_FIELDS} } }`;
const POST_AT_DESK = `mutation ($input: PostNeedAtDeskInput!) { postNeedAtDesk(input: $input) { ${NEED_FIELDS} } }`;
const NEED = `query ($id: ID!) { need(id: $id) { ${NEED_FIELDS} } }`;
const HISTORY = `query ($id: ID!) { needHistory(needId: $id) { from to actorUserId reason } }`;
const FLAG = `mutation ($input: FlagLatentNeedInput!) { flagLatentNeed(input: $input) { id status source } }`;
const REVIEW = `mutation ($input: ReviewFlaggedNeedInput!) { reviewFlaggedNeed(input: $input) { id status visibleToHelpers } }`;
const CANCEL = `mutation ($input: CancelNeedInput!) { cancelNeed(input: $input) { id status } }`;
const TERRITORY_NEEDS = `query ($status: NeedStatus, $unmatched: Int) {
  territoryNeeds(status: $status, unmatchedForHours: $unmatched, first: 100) { items { id status source } pageInfo { hasNextPage } }
}`;
const MY_NEEDS = `query ($after: String) { myNeeds(first: 1, after: $after) { items { id } pageInfo { hasNextPage endCursor } } }`;

interface NeedData {
  id: string;
  status: string;
  source: string;
  comuneIstat: string;
  location: { lat: number; lon: number };
  address: string | null;
  sensitiveNotes: string | null;
  visibleToHelpers: boolean;
  details: {
    ride: {
      pickupPlace: string | null;
      passengers: number;
      appointmentAt: string;
      pickupAt: string;
      returnAt: string | null;
    } | null;
  };
  beneficiary: {
    kind: string;
    fullName: string | null;
    phone: string | null;
    consentRecordedAt: string;
  } | null;
}

// Via Vittorio Emanuele, Alba (CN): near the centre of Comune 004003.
const ALBA = { lat: 44.7004, lon: 8.0347 };

function rideInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'RIDES_AND_ACCOMPANIMENT',
    description: 'Accompagnamento a una visita cardiologica',
    location: ALBA,
    address: 'Via Vittorio Emanuele 12, Alba',
    windowStart: hoursFromNow(24),
    windowEnd: hoursFromNow(28),
    urgency: 'HIGH',
    language: 'it',
    accessibilityNeeds: ['WHEELCHAIR'],
    maxDistanceKm: 15,
    sensitiveNotes: 'Cardiopatia, porta il pacemaker',
    healthDataConsent: true,
    details: {
      ride: {
        pickupPlace: 'Casa, via Vittorio Emanuele 12',
        pickupLocation: ALBA,
        destinationPlace: 'Ospedale di Verduno',
        destinationLocation: { lat: 44.671, lon: 7.944 },
        appointmentAt: hoursFromNow(25),
        returnTripWanted: true,
        returnAt: hoursFromNow(27),
        wheelchair: true,
        escortWaits: true,
        passengers: 2,
      },
    },
    ...overrides,
  };
}

describe('Needs', () => {
  const stack = startStackForFile();
  let citizen: SignedInUser;
  let stranger: SignedInUser;
  let operator: SignedInUser;
  let moderator: SignedInUser;
  let otherOperator: SignedInUser;

  async function count(table: string): Promise<number> {
    const [row]: { n: number }[] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    return row.n;
  }

  async function auditEntries(needId: string, action: string): Promise<{ actor_user_id: string }[]> {
    return stack.dataSource.query(
      `SELECT actor_user_id FROM audit_log WHERE entity_type = 'need' AND entity_id = $1 AND action = $2`,
      [needId, action],
    );
  }

  beforeAll(async () => {
    const langhe = await createTerritory(stack.dataSource, 'Needs: Langhe', [PIEDMONT.alba, PIEDMONT.bra]);
    const novarese = await createTerritory(stack.dataSource, 'Needs: Novarese', [PIEDMONT.novara]);
    [citizen, stranger, operator, moderator, otherOperator] = await signUpWithRoles(stack, [
      null,
      null,
      { role: 'comune_operator', territoryId: langhe },
      { role: 'comune_moderator', territoryId: langhe },
      { role: 'comune_operator', territoryId: novarese },
    ]);
  });

  /** The need as `user` reads it (NEED: with its sensitive notes). */
  const needAs = (user: SignedInUser, id: string) =>
    stack.graphql<{ need: NeedData }>(NEED, { id }, { token: user.token });

  it('a citizen posts a ride for themselves: OPEN, Comune derived, history recorded, notes encrypted at rest', async () => {
    const posted = await stack.graphql<{ postNeed: NeedData }>(
      POST_NEED,
      { input: rideInput() },
      { token: citizen.token },
    );
    expect(posted.errors).toBeUndefined();
    const need = posted.data!.postNeed;
    expect(need).toMatchObject({
      status: 'OPEN',
      source: 'CITIZEN',
      comuneIstat: PIEDMONT.alba,
      location: ALBA,
      address: 'Via Vittorio Emanuele 12, Alba',
      sensitiveNotes: 'Cardiopatia, porta il pacemaker',
      visibleToHelpers: true,
      beneficiary: { kind: 'SELF', fullName: null },
    });
    expect(need.details.ride).toMatchObject({ pickupPlace: 'Casa, via Vittorio Emanuele 12', passengers: 2 });
    // The helper comes the ride's buffer (MATCHING_RIDE_BUFFER_MINUTES, 30 by default) before the
    // appointment: the pickup time the messages give.
    const ride = need.details.ride!;
    expect(Date.parse(ride.appointmentAt) - Date.parse(ride.pickupAt)).toBe(30 * 60_000);

    const history = await stack.graphql<{
      needHistory: { from: string | null; to: string; actorUserId: string }[];
    }>(HISTORY, { id: need.id }, { token: citizen.token });
    expect(history.data?.needHistory).toEqual([
      { from: null, to: 'OPEN', actorUserId: citizen.userId, reason: 'posted' },
    ]);

    // Neither the notes nor the address are stored in clear.
    const [raw]: { row: string }[] = await stack.dataSource.query(
      `SELECT row_to_json(n)::text AS row FROM needs n WHERE id = $1`,
      [need.id],
    );
    expect(raw.row).not.toContain('pacemaker');
    expect(raw.row).not.toContain('Vittorio Emanuele 12, Alba');
    expect(raw.row).toContain('"sensitive_notes_encrypted":"v1:');
    // The moderation queue sees the public description, never the notes.
    const [item]: { summary: string }[] = await stack.dataSource.query(
      `SELECT summary FROM moderation_items WHERE content_type = 'need' AND content_id = $1`,
      [need.id],
    );
    expect(item.summary).toContain('cardiologica');
    expect(item.summary).not.toContain('pacemaker');

    // The citizen finds it in their needs.
    const mine = await stack.graphql<{ myNeeds: { items: { id: string }[] } }>(
      MY_NEEDS,
      {},
      { token: citizen.token },
    );
    expect(mine.data?.myNeeds.items.map((item) => item.id)).toEqual([need.id]);
  });

  it('sensitive notes: the author reads them, another citizen does not, a staff read is audited', async () => {
    const posted = await stack.graphql<{ postNeed: NeedData }>(
      POST_NEED,
      { input: rideInput({ sensitiveNotes: 'Diabete di tipo 1' }) },
      { token: citizen.token },
    );
    const needId = posted.data!.postNeed.id;

    const asAuthor = await needAs(citizen, needId);
    expect(asAuthor.data?.need.sensitiveNotes).toBe('Diabete di tipo 1');
    expect(await auditEntries(needId, 'need.sensitive_notes_read')).toHaveLength(0);

    // Another citizen does not see the open need at all (its destination and times can be health
    // data): the same answer as for an id that does not exist.
    const asStranger = await needAs(stranger, needId);
    expect(asStranger.data?.need ?? null).toBeNull();
    expect(errorOf(asStranger)).toEqual({ code: 'NEED_NOT_FOUND', field: 'id' });
    expect(JSON.stringify(asStranger)).not.toMatch(/Diabete|44\.7/);
    const unknown = await needAs(stranger, randomUUID());
    expect(unknown.errors?.[0]).toEqual(asStranger.errors?.[0]);
    const strangerHistory = await stack.graphql(HISTORY, { id: needId }, { token: stranger.token });
    expect(errorOf(strangerHistory).code).toBe('NEED_NOT_FOUND');

    // Staff of the territory read them, and each read leaves an audit entry.
    const asOperator = await needAs(operator, needId);
    expect(asOperator.data?.need.sensitiveNotes).toBe('Diabete di tipo 1');
    expect(await auditEntries(needId, 'need.sensitive_notes_read')).toEqual([
      { actor_user_id: operator.userId },
    ]);
    // Asking for the need without the notes writes nothing.
    await stack.graphql(
      `query ($id: ID!) { need(id: $id) { id status } }`,
      { id: needId },
      { token: operator.token },
    );
    expect(await auditEntries(needId, 'need.sensitive_notes_read')).toHaveLength(1);

    // Staff of another territory do not see it at all.
    const asOtherOperator = await needAs(otherOperator, needId);
    expect(asOtherOperator.data?.need ?? null).toBeNull();
    expect(asOtherOperator.errors?.[0].extensions).toMatchObject({ code: 'NEED_NOT_FOUND', field: 'id' });
    expect(await auditEntries(needId, 'need.sensitive_notes_read')).toHaveLength(1);
  });

  it('rejects a reversed time window and a ride without details, naming the field, writing nothing', async () => {
    const before = [await count('needs'), await count('beneficiaries'), await count('status_history')];

    const reversed = await stack.graphql(
      POST_NEED,
      { input: rideInput({ windowStart: hoursFromNow(30), windowEnd: hoursFromNow(26) }) },
      { token: citizen.token },
    );
    expect(errorOf(reversed)).toEqual({ code: 'NEED_WINDOW_REVERSED', field: 'windowEnd' });
    expect(reversed.errors?.[0]).toMatchObject({ message: expect.stringContaining('windowEnd') });

    const noRide = await stack.graphql(
      POST_NEED,
      { input: rideInput({ details: null }) },
      { token: citizen.token },
    );
    expect(errorOf(noRide)).toEqual({ code: 'NEED_DETAILS_REQUIRED', field: 'details.ride' });

    const tooManyPassengers = await stack.graphql(
      POST_NEED,
      {
        input: rideInput({
          details: { ride: { ...(rideInput().details as { ride: object }).ride, passengers: 9 } },
        }),
      },
      { token: citizen.token },
    );
    expect(errorOf(tooManyPassengers)).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'details.ride.passengers',
    });

    expect([await count('needs'), await count('beneficiaries'), await count('status_history')]).toEqual(
      before,
    );
  });

  it('a desk operator posts for a person without an account; consent is required', async () => {
    const deskInput = (beneficiary: Record<string, unknown>) => ({
      input: {
        // At the desk the person's health consent is part of the beneficiary, not the form.
        ...rideInput({
          comuneIstat: PIEDMONT.alba,
          sensitiveNotes: 'Vive sola, ipovedente',
          healthDataConsent: undefined,
        }),
        beneficiary: { healthDataConsent: true, ...beneficiary },
      },
    });
    const phone = uniquePhone();
    const before = [await count('needs'), await count('beneficiaries')];

    const withoutConsent = await stack.graphql(
      POST_AT_DESK,
      deskInput({ fullName: 'Maria Rossi', phone, consentDate: hoursFromNow(-1) }),
      { token: operator.token },
    );
    expect(errorOf(withoutConsent)).toEqual({
      code: 'NEED_CONSENT_REQUIRED',
      field: 'beneficiary.consentRecorded',
    });
    expect([await count('needs'), await count('beneficiaries')]).toEqual(before);

    const elsewhere = await stack.graphql(
      POST_AT_DESK,
      deskInput({ fullName: 'Maria Rossi', phone, consentRecorded: true, consentDate: hoursFromNow(-1) }),
      { token: otherOperator.token },
    );
    expect(errorOf(elsewhere).code).toBe('FORBIDDEN');
    const asCitizen = await stack.graphql(
      POST_AT_DESK,
      deskInput({ fullName: 'Maria Rossi', phone, consentRecorded: true, consentDate: hoursFromNow(-1) }),
      { token: citizen.token },
    );
    expect(errorOf(asCitizen).code).toBe('FORBIDDEN');
    expect([await count('needs'), await count('beneficiaries')]).toEqual(before);

    const localPhone = `${phone.slice(3, 6)} ${phone.slice(6)}`;
    const posted = await stack.graphql<{ postNeedAtDesk: NeedData }>(
      POST_AT_DESK,
      deskInput({
        fullName: 'Maria Rossi',
        phone: localPhone,
        consentRecorded: true,
        consentDate: hoursFromNow(-1),
      }),
      { token: operator.token },
    );
    expect(posted.errors).toBeUndefined();
    const need = posted.data!.postNeedAtDesk;
    expect(need).toMatchObject({
      source: 'DESK',
      status: 'OPEN',
      beneficiary: { kind: 'DESK', fullName: 'Maria Rossi', phone },
    });
    expect(need.beneficiary?.consentRecordedAt).toBeTruthy();

    const [stored]: { user_id: string | null; full_name_encrypted: string; phone_encrypted: string }[] =
      await stack.dataSource.query(
        `SELECT b.user_id, b.full_name_encrypted, b.phone_encrypted FROM needs n JOIN beneficiaries b ON b.id = n.beneficiary_id
          WHERE n.id = $1`,
        [need.id],
      );
    expect(stored.user_id).toBeNull();
    expect(stored.full_name_encrypted).not.toContain('Maria');
    expect(stored.phone_encrypted).not.toContain(phone.slice(3));
    expect(await auditEntries(need.id, 'need.posted_at_desk')).toEqual([{ actor_user_id: operator.userId }]);

    // The desk's list of its territory shows it; the other territory's does not.
    const listed = await stack.graphql<{ territoryNeeds: { items: { id: string }[] } }>(
      TERRITORY_NEEDS,
      { status: 'OPEN' },
      { token: operator.token },
    );
    expect(listed.data?.territoryNeeds.items.map((item) => item.id)).toContain(need.id);
    const otherList = await stack.graphql<{ territoryNeeds: { items: { id: string }[] } }>(
      TERRITORY_NEEDS,
      {},
      { token: otherOperator.token },
    );
    expect(otherList.data?.territoryNeeds.items.map((item) => item.id)).not.toContain(need.id);
    expect(errorOf(await stack.graphql(TERRITORY_NEEDS, {}, { token: citizen.token })).code).toBe(
      'FORBIDDEN',
    );

    // Unmatched for the desk: open for more than 2 hours.
    await stack.dataSource.query(`UPDATE needs SET opened_at = now() - interval '3 hours' WHERE id = $1`, [
      need.id,
    ]);
    const unmatched = await stack.graphql<{ territoryNeeds: { items: { id: string }[] } }>(
      TERRITORY_NEEDS,
      { unmatched: 2 },
      { token: operator.token },
    );
    expect(unmatched.data?.territoryNeeds.items.map((item) => item.id)).toEqual([need.id]);
  });

  it('a sentinel flags a neighbour; an operator of the territory accepts it and it opens', async () => {
    const flagged = await stack.graphql<{ flagLatentNeed: { id: string; status: string; source: string } }>(
      FLAG,
      {
        input: {
          category: 'COMPANIONSHIP',
          comuneIstat: PIEDMONT.bra,
          description: 'Il vicino anziano non esce di casa da giorni',
        },
      },
      { token: stranger.token },
    );
    expect(flagged.data?.flagLatentNeed).toMatchObject({ status: 'SUBMITTED', source: 'SENTINEL' });
    const needId = flagged.data!.flagLatentNeed.id;

    // Not visible to other citizens while waiting for review.
    expect(errorOf(await needAs(citizen, needId)).code).toBe('NEED_NOT_FOUND');

    const review = (token: string, accept: boolean) =>
      stack.graphql<{ reviewFlaggedNeed: { status: string; visibleToHelpers: boolean } }>(
        REVIEW,
        { input: { needId, accept, reason: 'Verificato con i servizi sociali' } },
        { token },
      );
    expect(errorOf(await review(otherOperator.token, true)).code).toBe('FORBIDDEN');
    expect(errorOf(await review(stranger.token, true)).code).toBe('FORBIDDEN');

    const accepted = await review(operator.token, true);
    expect(accepted.data?.reviewFlaggedNeed).toEqual({ id: needId, status: 'OPEN', visibleToHelpers: true });
    // Accepting twice is not a valid transition.
    expect(errorOf(await review(operator.token, false))).toEqual({
      code: 'NEED_TRANSITION_INVALID',
      field: 'needId',
    });

    const history = await stack.graphql<{
      needHistory: { from: string | null; to: string; actorUserId: string }[];
    }>(HISTORY, { id: needId }, { token: operator.token });
    expect(history.data?.needHistory.map(({ from, to, actorUserId }) => [from, to, actorUserId])).toEqual([
      [null, 'SUBMITTED', stranger.userId],
      ['SUBMITTED', 'OPEN', operator.userId],
    ]);
  });

  it('cancels: the author can, another citizen cannot, and a cancelled need stays cancelled', async () => {
    const posted = await stack.graphql<{ postNeed: NeedData }>(
      POST_NEED,
      { input: rideInput({ relative: { fullName: 'Giuseppe Bianchi', relationship: 'padre' } }) },
      { token: citizen.token },
    );
    const need = posted.data!.postNeed;
    expect(need.beneficiary).toMatchObject({ kind: 'RELATIVE', fullName: 'Giuseppe Bianchi' });

    const cancel = (token: string) =>
      stack.graphql<{ cancelNeed: { status: string } }>(
        CANCEL,
        { input: { needId: need.id, reason: 'Mi accompagna mio figlio' } },
        { token },
      );
    expect(errorOf(await cancel(stranger.token)).code).toBe('FORBIDDEN');
    expect((await cancel(citizen.token)).data?.cancelNeed.status).toBe('CANCELLED');
    expect(errorOf(await cancel(citizen.token)).code).toBe('NEED_TRANSITION_INVALID');
    // Once cancelled it is no longer public.
    expect(errorOf(await needAs(stranger, need.id)).code).toBe('NEED_NOT_FOUND');

    const history = await stack.graphql<{ needHistory: { to: string; reason: string }[] }>(
      HISTORY,
      { id: need.id },
      { token: citizen.token },
    );
    expect(history.data?.needHistory.at(-1)).toMatchObject({
      to: 'CANCELLED',
      reason: 'Mi accompagna mio figlio',
    });
  });

  it('pre-moderation: a need waits as SUBMITTED and opens once a moderator approves it', async () => {
    const [territory]: { territory_id: string }[] = await stack.dataSource.query(
      `SELECT territory_id FROM territory_comuni tc JOIN territories t ON t.id = tc.territory_id
        WHERE t.name = 'Needs: Langhe' LIMIT 1`,
    );
    await stack.dataSource.query(
      `INSERT INTO moderation_settings (territory_id, content_type, mode) VALUES ($1, 'need', 'pre')`,
      [territory.territory_id],
    );
    try {
      const posted = await stack.graphql<{ postNeed: NeedData }>(
        POST_NEED,
        { input: rideInput() },
        {
          token: citizen.token,
        },
      );
      const need = posted.data!.postNeed;
      expect(need).toMatchObject({ status: 'SUBMITTED', visibleToHelpers: false });

      const approved = await stack.graphql(
        `mutation ($id: ID!) { moderateContent(input: { contentType: NEED, contentId: $id, decision: APPROVE, reason: "ok" }) { __typename } }`,
        { id: need.id },
        { token: moderator.token },
      );
      // Only __typename is asked: moderateContent's own answer is not what this test is about.
      expect(approved.errors).toBeUndefined();
      // The decision opens the need in its own transaction: no sweep is needed.

      const after = await needAs(citizen, need.id);
      expect(after.data?.need).toMatchObject({ status: 'OPEN', visibleToHelpers: true });
      const history = await stack.graphql<{ needHistory: { to: string; actorUserId: string }[] }>(
        HISTORY,
        { id: need.id },
        { token: citizen.token },
      );
      expect(history.data?.needHistory.at(-1)).toMatchObject({ to: 'OPEN', actorUserId: moderator.userId });
    } finally {
      await stack.dataSource.query(`DELETE FROM moderation_settings WHERE territory_id = $1`, [
        territory.territory_id,
      ]);
    }
  });

  it('the maintenance job expires open needs whose window has ended, once', async () => {
    const posted = await stack.graphql<{ postNeed: NeedData }>(
      POST_NEED,
      { input: rideInput() },
      {
        token: citizen.token,
      },
    );
    const needId = posted.data!.postNeed.id;
    await stack.dataSource.query(
      `UPDATE needs SET window_start = now() - interval '3 hours', window_end = now() - interval '1 minute'
        WHERE id = $1`,
      [needId],
    );

    // The worker registered the sweep as a job scheduler every five minutes.
    const scheduler = await stack
      .worker!.get(QueueBackendService)
      .queue('maintenance')
      .getJobScheduler(JOBS.expireNeeds.name);
    expect(Number(scheduler?.every)).toBe(EXPIRE_NEEDS_EVERY_MS);

    const processor = stack.worker!.get(NeedMaintenanceProcessor);
    // Other test files' workers share this database and may run the sweep first: what matters is
    // that the need ends EXPIRED exactly once, whoever ran it. The sweep skips a row another
    // transaction holds (SKIP LOCKED: matching the just-posted need may hold it), leaving it to the
    // next sweep, so sweep until it has gone, then once more to show the second sweep does nothing.
    await waitUntil(async () => {
      await processor.sweep();
      const [row] = await stack.dataSource.query(`SELECT status FROM needs WHERE id = $1`, [needId]);
      return row.status === 'expired';
    });
    await processor.sweep();

    const history = await stack.graphql<{
      needHistory: { from: string; to: string; actorUserId: null; reason: string }[];
    }>(HISTORY, { id: needId }, { token: citizen.token });
    expect(history.data?.needHistory).toEqual([
      { from: null, to: 'OPEN', actorUserId: citizen.userId, reason: 'posted' },
      { from: 'OPEN', to: 'EXPIRED', actorUserId: null, reason: 'time window ended' },
    ]);
  });
});
