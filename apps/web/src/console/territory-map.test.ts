import { describe, expect, it } from 'vitest';
import { type ComuneRow, fitHeight, mergeRows, project, radiusFor, sortRows } from './territory-map';

const ALBA = { istat: '004003', name: 'Alba', lat: 44.7, lon: 8.035 };
const BRA = { istat: '004029', name: 'Bra', lat: 44.7, lon: 7.855 };
const CHERASCO = { istat: '004067', name: 'Cherasco', lat: 44.65, lon: 7.86 };

describe('the territorial view', () => {
  it('joins each Comune’s demand and supply, and how many needs fall on each helper', () => {
    const rows = mergeRows(
      [ALBA, BRA, CHERASCO],
      [
        { comuneIstat: ALBA.istat, needsReceived: 6, coverageRate: 0.5 },
        { comuneIstat: BRA.istat, needsReceived: 2, coverageRate: 0 },
      ],
      [
        { comuneIstat: ALBA.istat, volunteers: 2, serviceOffers: 1, openNeeds: 3 },
        { comuneIstat: CHERASCO.istat, volunteers: 1, serviceOffers: 0, openNeeds: 0 },
      ],
    );
    expect(rows).toEqual([
      {
        istat: ALBA.istat,
        name: 'Alba',
        needsReceived: 6,
        coverageRate: 0.5,
        openNeeds: 3,
        volunteers: 2,
        serviceOffers: 1,
        needsPerHelper: 2,
      },
      {
        istat: BRA.istat,
        name: 'Bra',
        needsReceived: 2,
        coverageRate: 0,
        openNeeds: 0,
        volunteers: 0,
        serviceOffers: 0,
        needsPerHelper: Number.POSITIVE_INFINITY,
      },
      {
        istat: CHERASCO.istat,
        name: 'Cherasco',
        needsReceived: 0,
        coverageRate: null,
        openNeeds: 0,
        volunteers: 1,
        serviceOffers: 0,
        needsPerHelper: null,
      },
    ]);
  });

  it('sorts by any column, the missing values last either way, ties by name', () => {
    const row = (name: string, needsPerHelper: number | null, volunteers = 0): ComuneRow => ({
      istat: name,
      name,
      needsReceived: 0,
      coverageRate: null,
      openNeeds: 0,
      volunteers,
      serviceOffers: 0,
      needsPerHelper,
    });
    const rows = [
      row('Bra', 2),
      row('Alba', null),
      row('Cherasco', Number.POSITIVE_INFINITY),
      row('Dogliani', 2),
    ];
    const names = (sorted: ComuneRow[]) => sorted.map((item) => item.name);
    expect(names(sortRows(rows, 'needsPerHelper', 'descending'))).toEqual([
      'Cherasco',
      'Bra',
      'Dogliani',
      'Alba',
    ]);
    expect(names(sortRows(rows, 'needsPerHelper', 'ascending'))).toEqual([
      'Bra',
      'Dogliani',
      'Cherasco',
      'Alba',
    ]);
    expect(names(sortRows(rows, 'name', 'descending'))).toEqual(['Dogliani', 'Cherasco', 'Bra', 'Alba']);
  });

  it('draws north up, east right, fitted in the frame; one Comune in the middle', () => {
    const points = project([ALBA, BRA, CHERASCO], 600, 400, 40);
    const alba = points.get(ALBA.istat)!;
    const bra = points.get(BRA.istat)!;
    const cherasco = points.get(CHERASCO.istat)!;
    expect(alba.x).toBeGreaterThan(bra.x);
    expect(cherasco.y).toBeGreaterThan(bra.y);
    for (const point of points.values()) {
      expect(point.x).toBeGreaterThanOrEqual(40);
      expect(point.x).toBeLessThanOrEqual(560);
      expect(point.y).toBeGreaterThanOrEqual(40);
      expect(point.y).toBeLessThanOrEqual(360);
    }
    expect(project([ALBA], 600, 400, 40).get(ALBA.istat)).toEqual({ x: 300, y: 200 });
    // Alba and Bra lie east-west: a low band; a north-south pair, as tall as allowed.
    expect(fitHeight([ALBA, BRA], 600, 40, 200, 420)).toBe(200);
    expect(fitHeight([ALBA, { ...BRA, lon: ALBA.lon, lat: 45.2 }], 600, 40, 200, 420)).toBe(420);
    expect(fitHeight([ALBA], 600, 40, 200, 420)).toBe(200);
  });

  it('gives circles an area that stands for the value', () => {
    expect(radiusFor(0, 10, 40)).toBe(0);
    expect(radiusFor(10, 10, 40)).toBe(40);
    expect(radiusFor(2.5, 10, 40)).toBe(20);
    expect(radiusFor(0.001, 10, 40)).toBe(3);
  });
});
