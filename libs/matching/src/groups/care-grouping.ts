// Shared-caregiver groups ("badante condivisa / di condominio"): which households can share
// one carer, and with which shared-price offer. Pure: no Nest, no database.
//
// Households can share when every pair lives close (same building or street: a distance
// limit) and the weekly times they all want the carer overlap enough. The carer then works
// for the group during those shared hours, so the quotes are computed on them.
import { PriceBand } from '@prossimo/directory/rules';
import { computeSharedPrice, selectBand } from '../pricing/shared-price';

export interface CareWeeklySlot {
  /** ISO day of week: 1 Monday … 7 Sunday. */
  dayOfWeek: number;
  /** "HH:MM", local time. */
  start: string;
  /** "HH:MM", after start; "24:00" allowed. */
  end: string;
}

/** Half-open [start, end) in minutes since Monday 00:00. */
export type WeekInterval = readonly [number, number];

export interface CareHousehold {
  /** The household's need id. */
  id: string;
  lat: number;
  lon: number;
  schedule: readonly CareWeeklySlot[];
  /** Hours a week the household asked for, in minutes. */
  weeklyMinutes: number;
  /** Most the household would pay per hour, in cents; null: no limit given. */
  maxCentsPerHour: number | null;
}

export interface CareGroupRules {
  /** Every two households of a group live at most this far apart. */
  maxDistanceMeters: number;
  /** The weekly time common to all households is at least this long. */
  minSharedMinutes: number;
  /** At most this many households share one carer. */
  maxHouseholds: number;
}

export const DEFAULT_CARE_GROUP_RULES: CareGroupRules = {
  maxDistanceMeters: 500,
  minSharedMinutes: 240,
  maxHouseholds: 4,
};

export interface CareGroupPlan {
  /** Need ids, the seed first, then in the order they joined. */
  householdIds: string[];
  sharedIntervals: WeekInterval[];
  /** Weekly minutes of care the group shares: its common time, capped by the smallest request. */
  weeklyMinutes: number;
}

const MINUTES_PER_DAY = 24 * 60;
/** earthdistance's earth() radius, so distances agree with the SQL side. */
const EARTH_RADIUS_METERS = 6378168;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function timeOf(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Sorted, merged intervals of a weekly schedule; empty or reversed slots count for nothing. */
export function scheduleToIntervals(slots: readonly CareWeeklySlot[]): WeekInterval[] {
  const raw = slots
    .map((slot): WeekInterval => {
      const offset = (slot.dayOfWeek - 1) * MINUTES_PER_DAY;
      return [offset + minutesOf(slot.start), offset + minutesOf(slot.end)];
    })
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of raw) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Intersection of two sorted, merged interval lists. */
export function intersectIntervals(a: readonly WeekInterval[], b: readonly WeekInterval[]): WeekInterval[] {
  const out: WeekInterval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i][0], b[j][0]);
    const end = Math.min(a[i][1], b[j][1]);
    if (end > start) out.push([start, end]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

export function totalMinutes(intervals: readonly WeekInterval[]): number {
  return intervals.reduce((sum, [start, end]) => sum + end - start, 0);
}

/** Back to day slots (an interval never crosses midnight: every slot is within one day). */
export function intervalsToSchedule(intervals: readonly WeekInterval[]): CareWeeklySlot[] {
  return intervals.map(([start, end]) => {
    const day = Math.floor(start / MINUTES_PER_DAY);
    const offset = day * MINUTES_PER_DAY;
    return { dayOfWeek: day + 1, start: timeOf(start - offset), end: timeOf(end - offset) };
  });
}

/** Great-circle distance on earthdistance's sphere. */
export function distanceMeters(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The group a household can form with waiting neighbours, or null when none fits. Greedy and
 * deterministic: neighbours are tried nearest first (ties by id), and one joins when it is
 * close to every member and the common time stays long enough. Nearest first keeps the
 * carer's walk short; a full search is not worth it for groups of at most a few households.
 */
export function formGroupAround(
  seed: CareHousehold,
  neighbours: readonly CareHousehold[],
  rules: CareGroupRules,
): CareGroupPlan | null {
  if (rules.maxHouseholds < 2) return null;
  let shared = scheduleToIntervals(seed.schedule);
  if (totalMinutes(shared) < rules.minSharedMinutes) return null;
  const members: CareHousehold[] = [seed];
  const ordered = neighbours
    .filter((other) => other.id !== seed.id)
    .map((other) => ({ other, meters: distanceMeters(seed, other) }))
    .sort((a, b) => a.meters - b.meters || compareIds(a.other.id, b.other.id));
  for (const { other } of ordered) {
    if (members.length >= rules.maxHouseholds) break;
    if (members.some((member) => distanceMeters(member, other) > rules.maxDistanceMeters)) continue;
    const common = intersectIntervals(shared, scheduleToIntervals(other.schedule));
    if (totalMinutes(common) < rules.minSharedMinutes) continue;
    members.push(other);
    shared = common;
  }
  if (members.length < 2) return null;
  return {
    householdIds: members.map((member) => member.id),
    sharedIntervals: shared,
    weeklyMinutes: Math.min(totalMinutes(shared), ...members.map((member) => member.weeklyMinutes)),
  };
}

export interface SharedOffer {
  id: string;
  bands: readonly PriceBand[];
  /** Distance from the seed household, to prefer the nearer of equally priced offers. */
  meters: number;
}

export interface OfferFit {
  offerId: string;
  householdIds: string[];
  centsPerHourEach: number;
}

/**
 * The best offer for a planned group: households whose price limit is below the offer's band
 * for the group size drop out (the band for fewer people is then checked again, since it can
 * only be dearer). Best = most households kept, then the lowest price each, then the nearest,
 * then the id. Null when no offer keeps the seed (first household) and one neighbour.
 */
export function fitOffer(
  offers: readonly SharedOffer[],
  households: readonly CareHousehold[],
): OfferFit | null {
  let best: (OfferFit & { meters: number }) | null = null;
  for (const offer of offers) {
    let kept = [...households];
    for (;;) {
      const price = selectBand(offer.bands, kept.length).centsPerHourEach;
      const affordable = kept.filter((h) => h.maxCentsPerHour === null || h.maxCentsPerHour >= price);
      if (affordable.length === kept.length) break;
      kept = affordable;
    }
    if (kept.length < 2 || kept[0] !== households[0]) continue;
    const fit = {
      offerId: offer.id,
      householdIds: kept.map((h) => h.id),
      centsPerHourEach: selectBand(offer.bands, kept.length).centsPerHourEach,
      meters: offer.meters,
    };
    const better =
      !best ||
      fit.householdIds.length > best.householdIds.length ||
      (fit.householdIds.length === best.householdIds.length &&
        (fit.centsPerHourEach < best.centsPerHourEach ||
          (fit.centsPerHourEach === best.centsPerHourEach &&
            (fit.meters < best.meters ||
              (fit.meters === best.meters && compareIds(fit.offerId, best.offerId) < 0)))));
    if (better) best = fit;
  }
  if (!best) return null;
  return { offerId: best.offerId, householdIds: best.householdIds, centsPerHourEach: best.centsPerHourEach };
}

export interface HouseholdQuote {
  householdId: string;
  priceCentsPerHour: number;
  individualPriceCentsPerHour: number;
  weeklyCents: number;
  individualWeeklyCents: number;
}

/**
 * Each household's quote for a group of this size: the band's hourly price, and its exact
 * weekly share of the group's total (computeSharedPrice: the shares add up to the total and
 * the remainder cents go deterministically), against the 1-person band for the same minutes.
 */
export function quoteGroup(
  bands: readonly PriceBand[],
  householdIds: readonly string[],
  weeklyMinutes: number,
): HouseholdQuote[] {
  const price = computeSharedPrice({ bands, householdIds, weeklyMinutes });
  return price.households.map((share) => ({
    householdId: share.householdId,
    priceCentsPerHour: price.band.centsPerHourEach,
    individualPriceCentsPerHour: bands[0].centsPerHourEach,
    weeklyCents: share.centsPerWeek,
    individualWeeklyCents: share.aloneCentsPerWeek,
  }));
}

export interface OpenCareGroup {
  id: string;
  members: readonly CareHousehold[];
  sharedIntervals: readonly WeekInterval[];
  weeklyMinutes: number;
  bands: readonly PriceBand[];
}

export interface GroupToJoin {
  groupId: string;
  sharedIntervals: WeekInterval[];
  centsPerHourEach: number;
}

/**
 * A group still waiting for confirmations that a new household can join: room left, close to
 * every member, and its times keep the group's weekly minutes as they are, so the quotes the
 * others may already have accepted only get cheaper. Prefers the largest group (the lowest
 * price), then the one whose farthest member is nearest, then the id.
 */
export function chooseGroupToJoin(
  household: CareHousehold,
  groups: readonly OpenCareGroup[],
  rules: CareGroupRules,
): GroupToJoin | null {
  let best: (GroupToJoin & { size: number; farthest: number }) | null = null;
  const own = scheduleToIntervals(household.schedule);
  for (const group of groups) {
    const size = group.members.length + 1;
    if (size > rules.maxHouseholds) continue;
    if (group.members.some((member) => member.id === household.id)) continue;
    const farthest = Math.max(...group.members.map((member) => distanceMeters(member, household)));
    if (farthest > rules.maxDistanceMeters) continue;
    const shared = intersectIntervals(group.sharedIntervals, own);
    const weeklyMinutes = Math.min(totalMinutes(shared), household.weeklyMinutes, group.weeklyMinutes);
    if (weeklyMinutes !== group.weeklyMinutes || totalMinutes(shared) < rules.minSharedMinutes) continue;
    const centsPerHourEach = selectBand(group.bands, size).centsPerHourEach;
    if (household.maxCentsPerHour !== null && household.maxCentsPerHour < centsPerHourEach) continue;
    const better =
      !best ||
      size > best.size ||
      (size === best.size &&
        (farthest < best.farthest || (farthest === best.farthest && compareIds(group.id, best.groupId) < 0)));
    if (better) best = { groupId: group.id, sharedIntervals: shared, centsPerHourEach, size, farthest };
  }
  if (!best) return null;
  return {
    groupId: best.groupId,
    sharedIntervals: best.sharedIntervals,
    centsPerHourEach: best.centsPerHourEach,
  };
}
