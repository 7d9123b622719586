import fc from 'fast-check';
import {
  CandidateFacts,
  compareCandidates,
  DEFAULT_SCORING_CONFIG,
  scoreCandidate,
  ScoringConfig,
  ScoringInputError,
  scoreTotal,
} from './score';

const BASE: CandidateFacts = {
  distanceKm: 3,
  maxDistanceKm: 10,
  ratingCount: 0,
  ratingSum: 0,
  previousGoodEngagementsWithCitizen: 0,
  hoursLast30Days: 0,
  proposalsAccepted: 0,
  proposalsDeclined: 0,
  proposalsExpired: 0,
  completedEngagements: 0,
  noShows: 0,
};

const facts = (overrides: Partial<CandidateFacts>): CandidateFacts => ({ ...BASE, ...overrides });
const component = (f: CandidateFacts, name: string, config?: ScoringConfig) =>
  scoreCandidate(f, config).components.find((c) => c.name === name)!;

const arbitraryFacts: fc.Arbitrary<CandidateFacts> = fc
  .record({
    maxDistanceKm: fc.double({ min: 0.5, max: 200, noNaN: true }),
    distanceShare: fc.double({ min: 0, max: 1, noNaN: true }),
    ratingCount: fc.nat(500),
    starsShare: fc.double({ min: 0, max: 1, noNaN: true }),
    previousGoodEngagementsWithCitizen: fc.nat(50),
    hoursLast30Days: fc.double({ min: 0, max: 300, noNaN: true }),
    proposalsAccepted: fc.nat(1000),
    proposalsDeclined: fc.nat(1000),
    proposalsExpired: fc.nat(1000),
    completedEngagements: fc.nat(1000),
    noShows: fc.nat(100),
  })
  .map(({ distanceShare, starsShare, ...rest }) => ({
    ...rest,
    distanceKm: rest.maxDistanceKm * distanceShare,
    // An integer number of stars between 1 and 5 per rating.
    ratingSum: rest.ratingCount + Math.round(4 * rest.ratingCount * starsShare),
  }));

const arbitraryWeights = fc
  .record({
    distance: fc.double({ min: 0, max: 10, noNaN: true }),
    rating: fc.double({ min: 0, max: 10, noNaN: true }),
    continuity: fc.double({ min: 0, max: 10, noNaN: true }),
    fairness: fc.double({ min: 0, max: 10, noNaN: true }),
    reliability: fc.double({ min: 0, max: 10, noNaN: true }),
  })
  .filter((w) => w.distance + w.rating + w.continuity + w.fairness + w.reliability > 0.01);

describe('scoreCandidate', () => {
  it('gives the nearer of two otherwise equal helpers the higher score', () => {
    expect(scoreCandidate(facts({ distanceKm: 1 })).total).toBeGreaterThan(
      scoreCandidate(facts({ distanceKm: 8 })).total,
    );
    expect(component(facts({ distanceKm: 0 }), 'distance').value).toBe(1);
    expect(component(facts({ distanceKm: 10 }), 'distance').value).toBe(0);
  });

  it('does not let one 5-star review beat fifty 4.8-star reviews (Bayesian average)', () => {
    const once = component(facts({ ratingCount: 1, ratingSum: 5 }), 'rating').value;
    const many = component(facts({ ratingCount: 50, ratingSum: 240 }), 'rating').value;
    expect(many).toBeGreaterThan(once);
  });

  it('prefers the helper who already helped this citizen well', () => {
    const stranger = scoreCandidate(facts({})).total;
    const known = scoreCandidate(facts({ previousGoodEngagementsWithCitizen: 2 })).total;
    expect(known).toBeGreaterThan(stranger);
    expect(component(facts({ previousGoodEngagementsWithCitizen: 1 }), 'continuity').value).toBe(0.5);
  });

  it('shares the load: more hours in the last 30 days lower the fairness score', () => {
    expect(component(facts({ hoursLast30Days: 0 }), 'fairness').value).toBe(1);
    expect(component(facts({ hoursLast30Days: 20 }), 'fairness').value).toBeCloseTo(0.5);
    expect(scoreCandidate(facts({ hoursLast30Days: 40 })).total).toBeLessThan(
      scoreCandidate(facts({ hoursLast30Days: 2 })).total,
    );
  });

  it('punishes no-shows more than declines', () => {
    const declined = component(facts({ proposalsAccepted: 10, proposalsDeclined: 1 }), 'reliability').value;
    const noShow = component(facts({ proposalsAccepted: 10, noShows: 1 }), 'reliability').value;
    expect(noShow).toBeLessThan(declined);
  });

  it("measures an organisation's distance from its offer, not from a home", () => {
    const score = scoreCandidate(facts({ distanceKm: 4, distanceFrom: 'offer' }));
    const distance = score.components.find((c) => c.name === 'distance')!;
    expect(distance.explanation.it).toBe('Il servizio è a 4 km (massimo 10 km).');
    expect(distance.explanation.en).toBe('The service is 4 km away (at most 10 km).');
    expect(distance.value).toBeCloseTo(scoreCandidate(facts({ distanceKm: 4 })).components[0].value);
  });

  it('explains each component in Italian and English, strongest first in the summary', () => {
    const score = scoreCandidate(
      facts({ distanceKm: 2.5, ratingCount: 12, ratingSum: 56, previousGoodEngagementsWithCitizen: 1 }),
    );
    const distance = score.components.find((c) => c.name === 'distance')!;
    expect(distance.explanation.it).toBe('Distanza da casa: 2,5 km (massimo 10 km).');
    expect(distance.explanation.en).toBe('Distance from home: 2.5 km (at most 10 km).');
    expect(score.components.find((c) => c.name === 'rating')!.explanation.it).toContain('12 voti');
    expect(score.summary.it.startsWith(distance.explanation.it)).toBe(true);
    expect(score.components.map((c) => c.name)).toEqual([
      'distance',
      'rating',
      'continuity',
      'fairness',
      'reliability',
    ]);
  });

  it('switches a component off with a zero weight', () => {
    const config: ScoringConfig = {
      ...DEFAULT_SCORING_CONFIG,
      weights: { distance: 1, rating: 0, continuity: 0, fairness: 0, reliability: 0 },
    };
    expect(scoreCandidate(facts({ distanceKm: 4, ratingCount: 3, ratingSum: 3 }), config).total).toBeCloseTo(
      0.6,
    );
  });

  it('rejects impossible facts naming the field', () => {
    const cases: [Partial<CandidateFacts>, string][] = [
      [{ distanceKm: -1 }, 'distanceKm'],
      [{ ratingCount: 2, ratingSum: 11 }, 'ratingSum'],
      [{ noShows: 1.5 }, 'noShows'],
      [{ hoursLast30Days: Number.NaN }, 'hoursLast30Days'],
    ];
    for (const [overrides, field] of cases) {
      expect(() => scoreCandidate(facts(overrides))).toThrow(ScoringInputError);
      try {
        scoreCandidate(facts(overrides));
      } catch (error) {
        expect((error as ScoringInputError).field).toBe(field);
      }
    }
    expect(() =>
      scoreCandidate(BASE, {
        ...DEFAULT_SCORING_CONFIG,
        weights: { distance: 0, rating: 0, continuity: 0, fairness: 0, reliability: 0 },
      }),
    ).toThrow(ScoringInputError);
  });

  it('property: the total and every component stay in [0, 1], contributions add up to the total', () => {
    fc.assert(
      fc.property(arbitraryFacts, arbitraryWeights, (f, weights) => {
        const score = scoreCandidate(f, { ...DEFAULT_SCORING_CONFIG, weights });
        expect(score.total).toBeGreaterThanOrEqual(0);
        expect(score.total).toBeLessThanOrEqual(1);
        for (const c of score.components) {
          expect(c.value).toBeGreaterThanOrEqual(0);
          expect(c.value).toBeLessThanOrEqual(1);
        }
        const sum = score.components.reduce((s, c) => s + c.contribution, 0);
        expect(Math.abs(sum - score.total)).toBeLessThan(1e-9);
      }),
    );
  });

  it('property: scoreTotal is exactly the total of scoreCandidate (the ranking orders by it)', () => {
    fc.assert(
      fc.property(arbitraryFacts, arbitraryWeights, (f, weights) => {
        const config = { ...DEFAULT_SCORING_CONFIG, weights };
        expect(scoreTotal(f, config)).toBe(scoreCandidate(f, config).total);
      }),
    );
    expect(() => scoreTotal(facts({ noShows: -1 }))).toThrow(ScoringInputError);
  });

  it('words each reason without a person, so that it reads right to the helper ("Perché proprio tu") and to the Comune', () => {
    const score = scoreCandidate(
      facts({
        proposalsAccepted: 1,
        proposalsDeclined: 0,
        proposalsExpired: 1,
        noShows: 1,
        hoursLast30Days: 1,
      }),
    );
    const said = (name: string) => score.components.find((c) => c.name === name)!.explanation;
    expect(said('reliability').it).toBe('Proposte accettate: 1; rifiutate o scadute: 1; assenze: 1.');
    expect(said('reliability').en).toBe('Proposals accepted: 1; declined or expired: 1; no-shows: 1.');
    expect(said('continuity').it).toBe('Aiuti già dati a questa persona: nessuno.');
    expect(said('fairness').it).toBe('Ore di aiuto negli ultimi 30 giorni: 1 (il carico va distribuito).');
    const again = scoreCandidate(facts({ previousGoodEngagementsWithCitizen: 2 }));
    expect(again.components.find((c) => c.name === 'continuity')!.explanation.it).toBe(
      'Aiuti già dati bene a questa persona: 2.',
    );
  });

  it('words the same number the same way every time (its text is remembered)', () => {
    const first = scoreCandidate(facts({ distanceKm: 1234.56, hoursLast30Days: 0 })).summary;
    const again = scoreCandidate(facts({ distanceKm: 1234.56, hoursLast30Days: 0 })).summary;
    expect(again).toEqual(first);
    expect(first.it).toContain('Distanza da casa: 1234,6 km');
    expect(first.en).toContain('Distance from home: 1,234.6 km');
  });

  it('property: the score never rises as the distance grows, all else equal', () => {
    fc.assert(
      fc.property(
        arbitraryFacts,
        arbitraryWeights,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (f, weights, a, b) => {
          const config = { ...DEFAULT_SCORING_CONFIG, weights };
          const [near, far] = [Math.min(a, b), Math.max(a, b)].map((share) => f.maxDistanceKm * share);
          const nearScore = scoreCandidate({ ...f, distanceKm: near }, config).total;
          const farScore = scoreCandidate({ ...f, distanceKm: far }, config).total;
          expect(farScore).toBeLessThanOrEqual(nearScore + 1e-12);
        },
      ),
    );
  });

  it('property: ordering is total and deterministic (ties broken by distance, then id)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(arbitraryFacts, fc.uuid()), { minLength: 1, maxLength: 8 }), (rows) => {
        const candidates = rows.map(([f, id]) => ({
          id,
          distanceKm: f.distanceKm,
          score: scoreCandidate(f),
        }));
        const once = [...candidates].sort(compareCandidates).map((c) => c.id);
        const again = [...candidates]
          .reverse()
          .sort(compareCandidates)
          .map((c) => c.id);
        expect(again).toEqual(once);
      }),
    );
  });
});
