import { randomBytes } from 'node:crypto';
import { postNeedAs, proposalsOf, saveVolunteerProfile } from './engagements';
import {
  createTerritory,
  grantRole,
  ok,
  rideDriverProfile,
  SignedInUser,
  signUp,
  waitUntil,
} from './fixtures';
import { TestStack } from './stack';

// The batch assignment tests' scene: drivers around a hospital and rides to it.

/** Re-exported for the batch files, which post their rides with it. */
export { postNeedAs } from './engagements';

export interface Place {
  lat: number;
  lon: number;
}

/** A point `km` east of `origin` (a degree of longitude is 111.32 km × cos(latitude)). */
export function eastOf(origin: Place, km: number): Place {
  return { lat: origin.lat, lon: origin.lon + km / (111.32 * Math.cos((origin.lat * Math.PI) / 180)) };
}

/** A three-hour ride from `place` to the hospital at `hospital`, the appointment an hour in. */
export function rideInput(options: {
  place: Place;
  comuneIstat: string;
  hospital: { name: string; location: Place };
  start: Date;
  maxDistanceKm: number;
  description?: string;
}) {
  const at = (hours: number) => new Date(options.start.getTime() + hours * 3600_000).toISOString();
  return {
    category: 'RIDES_AND_ACCOMPANIMENT',
    description: options.description ?? 'Accompagnamento a una visita',
    location: options.place,
    comuneIstat: options.comuneIstat,
    windowStart: at(0),
    windowEnd: at(3),
    urgency: 'NORMAL',
    language: 'it',
    accessibilityNeeds: [],
    maxDistanceKm: options.maxDistanceKm,
    details: {
      ride: {
        pickupPlace: 'Casa',
        pickupLocation: options.place,
        destinationPlace: options.hospital.name,
        destinationLocation: options.hospital.location,
        appointmentAt: at(1),
        returnTripWanted: false,
        wheelchair: false,
        escortWaits: false,
        passengers: 1,
      },
    },
  };
}

/** Each person becomes a volunteer driver (rideDriverProfile) living at their place. */
export async function becomeDrivers(
  stack: TestStack,
  drivers: readonly (readonly [SignedInUser, string, Place])[],
): Promise<void> {
  for (const [user, name, home] of drivers)
    await saveVolunteerProfile(stack, user, rideDriverProfile(name, home));
}

// The batch e2e files' scene: Lodi and Sondrio, where no other test file posts needs or volunteers.
export const LODI = '098031';
export const SONDRIO = '014061';
const LODI_HOSPITAL_AT = { lat: 45.31, lon: 9.5 };
export const LODI_HOSPITAL = { name: 'Ospedale Maggiore di Lodi', location: LODI_HOSPITAL_AT };
/** A point `km` east of Lodi's hospital (west when negative). */
export const eastOfLodiHospital = (km: number) => eastOf(LODI_HOSPITAL_AT, km);

/** A ride in Lodi to its hospital, `startsIn` hours from now, described by its start. */
export function lodiRide(place: Place, startsIn: number, maxDistanceKm: number) {
  const start = new Date(Date.now() + startsIn * 3600_000);
  const description = `Accompagnamento a una visita (${startsIn} ore)`;
  return rideInput({ place, comuneIstat: LODI, hospital: LODI_HOSPITAL, start, maxDistanceKm, description });
}

/**
 * The batch e2e files' people: a territory of Lodi with its operator and moderator, an operator
 * of another territory (Sondrio), a citizen, and two drivers, Nino 1 km east of the hospital and
 * Walter 1.5 km west of it.
 */
export async function lodiScene(stack: TestStack) {
  const suffix = randomBytes(3).toString('hex');
  const territoryId = await createTerritory(stack.dataSource, `Lodigiano ${suffix}`, [LODI]);
  const foreign = await createTerritory(stack.dataSource, `Valtellina ${suffix}`, [SONDRIO]);
  const [operator, moderator, foreignOperator, citizen, nino, walter] = await Promise.all(
    Array.from({ length: 6 }, () => signUp(stack)),
  );
  await grantRole(stack.dataSource, operator.userId, 'comune_operator', { territoryId });
  await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', { territoryId });
  await grantRole(stack.dataSource, foreignOperator.userId, 'comune_operator', { territoryId: foreign });
  await becomeDrivers(stack, [
    [nino, 'Nino', eastOfLodiHospital(1)],
    [walter, 'Walter', eastOfLodiHospital(-1.5)],
  ]);
  return { territoryId, operator, moderator, foreignOperator, citizen, nino, walter };
}

/**
 * The batch e2e files' two rides, posted by `citizen`: the first, 20 hours from now, 1 km from Nino
 * and 1.5 km from Walter; the second, half an hour later (the two overlap), 1.5 km from Nino and
 * taking helpers within 2 km only (Walter is 4 km away). Online matching asks Nino for both: this
 * returns once both of his proposals are pending.
 */
export async function postTwoLodiRides(
  stack: TestStack,
  citizen: SignedInUser,
  nino: SignedInUser,
): Promise<{ firstRide: string; secondRide: string }> {
  const firstRide = await postNeedAs(stack, citizen, lodiRide(eastOfLodiHospital(0), 20, 15));
  const secondRide = await postNeedAs(stack, citizen, lodiRide(eastOfLodiHospital(2.5), 20.5, 2));
  await waitUntil(
    async () =>
      (await proposalsOf(stack, nino)).filter((proposal) => proposal.status === 'PENDING').length === 2,
    30000,
  );
  return { firstRide, secondRide };
}

/**
 * A batch run read as `operator` with the file's own `runQuery` (its fields), polled until its
 * status is one of `statuses` or FAILED (a failed run shows in the test's own checks).
 */
export async function batchRunOnceIn<Run extends { status: string }>(
  stack: TestStack,
  operator: SignedInUser,
  runQuery: string,
  runId: string,
  statuses: string[],
): Promise<Run> {
  let run: Run | undefined;
  await waitUntil(async () => {
    run = ok(
      await stack.graphql<{ batchAssignmentRun: Run }>(runQuery, { id: runId }, { token: operator.token }),
    ).batchAssignmentRun;
    return statuses.includes(run.status) || run.status === 'FAILED';
  }, 30000);
  return run as Run;
}

/** The needs whose proposal to `helper` is pending, by id, read from the database. */
export async function pendingNeedsOf(stack: TestStack, helper: SignedInUser): Promise<string[]> {
  const rows: { need_id: string }[] = await stack.dataSource.query(
    `SELECT need_id FROM match_proposals WHERE helper_user_id = $1 AND status = 'pending' ORDER BY need_id`,
    [helper.userId],
  );
  return rows.map((row) => row.need_id);
}
