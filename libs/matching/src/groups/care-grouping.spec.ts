import fc from 'fast-check';
import {
  CareHousehold,
  chooseGroupToJoin,
  CareWeeklySlot,
  distanceMeters,
  fitOffer,
  formGroupAround,
  intersectIntervals,
  intervalsToSchedule,
  quoteGroup,
  scheduleToIntervals,
  totalMinutes,
} from './care-grouping';

const BANDS = [
  { people: 1, centsPerHourEach: 1000 },
  { people: 2, centsPerHourEach: 700 },
  { people: 3, centsPerHourEach: 500 },
];
const RULES = { maxDistanceMeters: 500, minSharedMinutes: 240, maxHouseholds: 4 };
const ALBA = { lat: 44.7004, lon: 8.0347 };
const MORNINGS: CareWeeklySlot[] = [1, 2, 3, 4, 5].map((dayOfWeek) => ({
  dayOfWeek,
  start: '09:00',
  end: '12:00',
}));

function household(id: string, overrides: Partial<CareHousehold> = {}): CareHousehold {
  return { id, ...ALBA, schedule: MORNINGS, weeklyMinutes: 600, maxCentsPerHour: null, ...overrides };
}

/** About `meters` north of Alba. */
function north(meters: number) {
  return { lat: ALBA.lat + meters / 111_320, lon: ALBA.lon };
}

describe('weekly intervals', () => {
  it('merges overlapping slots and converts back to day slots', () => {
    const intervals = scheduleToIntervals([
      { dayOfWeek: 2, start: '10:00', end: '12:00' },
      { dayOfWeek: 2, start: '09:00', end: '11:00' },
      { dayOfWeek: 7, start: '20:00', end: '24:00' },
    ]);
    expect(intervals).toEqual([
      [1440 + 540, 1440 + 720],
      [6 * 1440 + 1200, 7 * 1440],
    ]);
    expect(intervalsToSchedule(intervals)).toEqual([
      { dayOfWeek: 2, start: '09:00', end: '12:00' },
      { dayOfWeek: 7, start: '20:00', end: '24:00' },
    ]);
  });

  const slot = fc.record({
    dayOfWeek: fc.integer({ min: 1, max: 7 }),
    startMinute: fc.integer({ min: 0, max: 1439 }),
    length: fc.integer({ min: 1, max: 600 }),
  });
  const toSlot = (s: { dayOfWeek: number; startMinute: number; length: number }): CareWeeklySlot => {
    const end = Math.min(1440, s.startMinute + s.length);
    const time = (m: number) =>
      `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return { dayOfWeek: s.dayOfWeek, start: time(s.startMinute), end: time(end) };
  };

  it('intersection is within both inputs, commutative, and never longer than either', () => {
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 8 }), fc.array(slot, { maxLength: 8 }), (a, b) => {
        const x = scheduleToIntervals(a.map(toSlot));
        const y = scheduleToIntervals(b.map(toSlot));
        const both = intersectIntervals(x, y);
        expect(intersectIntervals(y, x)).toEqual(both);
        expect(totalMinutes(both)).toBeLessThanOrEqual(Math.min(totalMinutes(x), totalMinutes(y)));
        const inside = (list: readonly (readonly [number, number])[], m: number) =>
          list.some(([s, e]) => s <= m && m < e);
        for (const [start, end] of both) {
          for (const minute of [start, end - 1]) {
            expect(inside(x, minute) && inside(y, minute)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('formGroupAround', () => {
  it('groups close neighbours with enough common time, nearest first, up to the size limit', () => {
    const seed = household('s');
    const plan = formGroupAround(
      seed,
      [
        household('far', north(900)),
        household('b', north(200)),
        household('a', north(100)),
        household('c', north(300)),
        household('d', north(350)),
      ],
      { ...RULES, maxHouseholds: 3 },
    );
    expect(plan).toEqual({
      householdIds: ['s', 'a', 'b'],
      sharedIntervals: scheduleToIntervals(MORNINGS),
      weeklyMinutes: 600,
    });
  });

  it('leaves out a neighbour whose times barely overlap, and returns null when nobody fits', () => {
    const evenings = [{ dayOfWeek: 1, start: '18:00', end: '22:00' }];
    const seed = household('s');
    expect(formGroupAround(seed, [household('e', { schedule: evenings })], RULES)).toBeNull();
    const plan = formGroupAround(seed, [household('e', { schedule: evenings }), household('m')], RULES);
    expect(plan?.householdIds).toEqual(['s', 'm']);
  });

  it('the shared time is capped by the smallest request', () => {
    const plan = formGroupAround(household('s'), [household('m', { weeklyMinutes: 300 })], RULES);
    expect(plan?.weeklyMinutes).toBe(300);
  });

  it('every group found respects the distance, the common time and the size limits', () => {
    const arbitraryHousehold = fc.record({
      id: fc.uuid(),
      dLat: fc.integer({ min: -800, max: 800 }),
      dLon: fc.integer({ min: -800, max: 800 }),
      days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      startHour: fc.integer({ min: 6, max: 14 }),
      length: fc.integer({ min: 1, max: 8 }),
    });
    const build = (h: {
      id: string;
      dLat: number;
      dLon: number;
      days: number[];
      startHour: number;
      length: number;
    }): CareHousehold => ({
      id: h.id,
      lat: ALBA.lat + h.dLat / 111_320,
      lon: ALBA.lon + h.dLon / 79_000,
      schedule: h.days.map((dayOfWeek) => ({
        dayOfWeek,
        start: `${String(h.startHour).padStart(2, '0')}:00`,
        end: `${String(h.startHour + h.length).padStart(2, '0')}:00`,
      })),
      weeklyMinutes: 600,
      maxCentsPerHour: null,
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryHousehold, { minLength: 1, maxLength: 12, selector: (h) => h.id }),
        fc.integer({ min: 2, max: 5 }),
        (raw, maxHouseholds) => {
          const [seed, ...others] = raw.map(build);
          const rules = { ...RULES, maxHouseholds };
          const plan = formGroupAround(seed, others, rules);
          if (!plan) return;
          expect(plan.householdIds[0]).toBe(seed.id);
          expect(plan.householdIds.length).toBeGreaterThanOrEqual(2);
          expect(plan.householdIds.length).toBeLessThanOrEqual(maxHouseholds);
          expect(new Set(plan.householdIds).size).toBe(plan.householdIds.length);
          const members = plan.householdIds.map((id) => [seed, ...others].find((h) => h.id === id)!);
          for (const a of members) {
            for (const b of members)
              expect(distanceMeters(a, b)).toBeLessThanOrEqual(rules.maxDistanceMeters);
          }
          const common = members
            .map((m) => scheduleToIntervals(m.schedule))
            .reduce((acc, next) => intersectIntervals(acc, next));
          expect(common).toEqual(plan.sharedIntervals);
          expect(totalMinutes(common)).toBeGreaterThanOrEqual(rules.minSharedMinutes);
        },
      ),
    );
  });
});

describe('fitOffer', () => {
  const offer = (id: string, bands = BANDS, meters = 1000) => ({ id, bands, meters });

  it('prefers the cheaper offer for the group size, then the nearer', () => {
    const group = [household('s'), household('a'), household('b')];
    const cheaper = [
      { people: 1, centsPerHourEach: 1200 },
      { people: 3, centsPerHourEach: 450 },
    ];
    expect(fitOffer([offer('o1'), offer('o2', cheaper)], group)).toEqual({
      offerId: 'o2',
      householdIds: ['s', 'a', 'b'],
      centsPerHourEach: 450,
    });
    expect(fitOffer([offer('o1', BANDS, 900), offer('o0', BANDS, 1000)], group)?.offerId).toBe('o1');
  });

  it('drops households whose limit is below the band, re-checking the band for fewer people', () => {
    // With 3 the price is 500; b pays at most 400 and drops; with 2 the price is 700 and a (600) drops too.
    const group = [
      household('s'),
      household('a', { maxCentsPerHour: 600 }),
      household('b', { maxCentsPerHour: 400 }),
    ];
    expect(fitOffer([offer('o1')], group)).toBeNull();
    const withC = [...group, household('c', { maxCentsPerHour: 700 })];
    // Four: 500 each, b drops; three (s, a, c): 500, all fine.
    expect(fitOffer([offer('o1')], withC)).toEqual({
      offerId: 'o1',
      householdIds: ['s', 'a', 'c'],
      centsPerHourEach: 500,
    });
  });

  it('never keeps a group without its first household', () => {
    const group = [household('s', { maxCentsPerHour: 100 }), household('a'), household('b')];
    expect(fitOffer([offer('o1')], group)).toBeNull();
  });
});

describe('quoteGroup', () => {
  it('quotes the band price and the saving against going alone, shares adding up to the total', () => {
    const quotes = quoteGroup(BANDS, ['n2', 'n1', 'n3'], 601);
    expect(quotes.map((q) => q.priceCentsPerHour)).toEqual([500, 500, 500]);
    expect(quotes.map((q) => q.individualPriceCentsPerHour)).toEqual([1000, 1000, 1000]);
    // 500 × 3 × 601 / 60 = 15025 cents: 5008 + 5009 + 5008, the extra cent to the smallest id.
    expect(quotes.map((q) => q.weeklyCents)).toEqual([5008, 5009, 5008]);
    expect(quotes.every((q) => q.individualWeeklyCents === 10017)).toBe(true);
  });
});

describe('chooseGroupToJoin', () => {
  const group = (id: string, members: CareHousehold[], weeklyMinutes = 600) => ({
    id,
    members,
    sharedIntervals: scheduleToIntervals(MORNINGS),
    weeklyMinutes,
    bands: BANDS,
  });

  it('joins the largest compatible group, at the band price for the new size', () => {
    const pair = group('g2', [household('a'), household('b', north(50))]);
    const trio = group('g3', [household('c'), household('d', north(50)), household('e', north(80))]);
    expect(chooseGroupToJoin(household('n', north(20)), [pair, trio], RULES)).toEqual({
      groupId: 'g3',
      sharedIntervals: scheduleToIntervals(MORNINGS),
      centsPerHourEach: 500,
    });
  });

  it('refuses a full group, a member too far, fewer shared minutes, or a price above the limit', () => {
    const trio = group('g3', [household('c'), household('d'), household('e')]);
    expect(chooseGroupToJoin(household('n'), [trio], { ...RULES, maxHouseholds: 3 })).toBeNull();
    const farMember = group('gf', [household('a'), household('b', north(450))]);
    expect(chooseGroupToJoin(household('n', north(-100)), [farMember], RULES)).toBeNull();
    // Shares only Monday to Wednesday: the group's 600 minutes would shrink to 540.
    const shorter = [1, 2, 3].map((dayOfWeek) => ({ dayOfWeek, start: '09:00', end: '12:00' }));
    const pair = group('g2', [household('a'), household('b')]);
    expect(chooseGroupToJoin(household('n', { schedule: shorter }), [pair], RULES)).toBeNull();
    expect(chooseGroupToJoin(household('n', { maxCentsPerHour: 499 }), [pair], RULES)).toBeNull();
    expect(chooseGroupToJoin(household('n', { maxCentsPerHour: 500 }), [pair], RULES)?.groupId).toBe('g2');
  });
});
