// The territorial view's pure parts: one row per Comune (demand and supply), its order, and where
// each Comune goes on the map (drawn from the coordinates of the comuni table, no tiles).

export interface MapComune {
  istat: string;
  name: string;
  lat: number;
  lon: number;
}

export interface ComuneRow {
  istat: string;
  name: string;
  /** Needs received in the period (the indicators, by Comune). */
  needsReceived: number;
  /** Share of them served; null when none was received. */
  coverageRate: number | null;
  openNeeds: number;
  volunteers: number;
  serviceOffers: number;
  /**
   * Needs received per helper who reaches the Comune (volunteers and offers): null with no needs,
   * Infinity with needs and nobody who could help.
   */
  needsPerHelper: number | null;
}

export type SortKey = Exclude<keyof ComuneRow, 'istat'>;
export type SortDirection = 'ascending' | 'descending';

export function mergeRows(
  comuni: readonly MapComune[],
  demand: readonly { comuneIstat?: string | null; needsReceived: number; coverageRate?: number | null }[],
  supply: readonly { comuneIstat: string; volunteers: number; serviceOffers: number; openNeeds: number }[],
): ComuneRow[] {
  return comuni.map((comune) => {
    const received = demand
      .filter((row) => row.comuneIstat === comune.istat)
      .reduce((sum, row) => sum + row.needsReceived, 0);
    const coverage = demand.find((row) => row.comuneIstat === comune.istat)?.coverageRate ?? null;
    const offered = supply.find((row) => row.comuneIstat === comune.istat);
    const helpers = (offered?.volunteers ?? 0) + (offered?.serviceOffers ?? 0);
    return {
      istat: comune.istat,
      name: comune.name,
      needsReceived: received,
      coverageRate: received ? coverage : null,
      openNeeds: offered?.openNeeds ?? 0,
      volunteers: offered?.volunteers ?? 0,
      serviceOffers: offered?.serviceOffers ?? 0,
      needsPerHelper: received === 0 ? null : helpers === 0 ? Number.POSITIVE_INFINITY : received / helpers,
    };
  });
}

/** Rows by one column; a value that is not there (null) goes last either way; ties by name. */
export function sortRows(rows: readonly ComuneRow[], key: SortKey, direction: SortDirection): ComuneRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    let order = 0;
    if (typeof x === 'string' && typeof y === 'string') order = x.localeCompare(y, 'it');
    else if (typeof x === 'number' && typeof y === 'number') order = x === y ? 0 : x < y ? -1 : 1;
    return order * sign || a.name.localeCompare(b.name, 'it');
  });
}

/**
 * Each Comune's point in a width × height drawing with `padding` around: longitude scaled by the
 * cosine of the mean latitude (a degree of longitude is shorter than one of latitude in Italy),
 * north up, the whole territory fitted and centred. One Comune alone sits in the middle.
 */
export function project(
  comuni: readonly MapComune[],
  width: number,
  height: number,
  padding: number,
): Map<string, { x: number; y: number }> {
  const points = new Map<string, { x: number; y: number }>();
  if (!comuni.length) return points;
  const meanLat = comuni.reduce((sum, comune) => sum + comune.lat, 0) / comuni.length;
  const scaleX = Math.cos((meanLat * Math.PI) / 180);
  const xs = comuni.map((comune) => comune.lon * scaleX);
  const ys = comuni.map((comune) => comune.lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const scale = Math.min(
    spanX ? (width - 2 * padding) / spanX : Number.POSITIVE_INFINITY,
    spanY ? (height - 2 * padding) / spanY : Number.POSITIVE_INFINITY,
  );
  const fitted = Number.isFinite(scale) ? scale : 0;
  const offsetX = (width - spanX * fitted) / 2;
  const offsetY = (height - spanY * fitted) / 2;
  comuni.forEach((comune, index) => {
    points.set(comune.istat, {
      x: Math.round((offsetX + (xs[index] - minX) * fitted) * 10) / 10,
      y: Math.round((offsetY + (maxY - ys[index]) * fitted) * 10) / 10,
    });
  });
  return points;
}

/**
 * The drawing's height for `width`: the territory's own shape (a long east-west ambito is a low
 * band), between minHeight and maxHeight.
 */
export function fitHeight(
  comuni: readonly MapComune[],
  width: number,
  padding: number,
  minHeight: number,
  maxHeight: number,
): number {
  if (comuni.length < 2) return minHeight;
  const meanLat = comuni.reduce((sum, comune) => sum + comune.lat, 0) / comuni.length;
  const xs = comuni.map((comune) => comune.lon * Math.cos((meanLat * Math.PI) / 180));
  const ys = comuni.map((comune) => comune.lat);
  const spanX = Math.max(...xs) - Math.min(...xs);
  const spanY = Math.max(...ys) - Math.min(...ys);
  if (!spanX) return maxHeight;
  const natural = (spanY / spanX) * (width - 2 * padding) + 2 * padding;
  return Math.round(Math.min(maxHeight, Math.max(minHeight, natural)));
}

/** A circle whose area stands for the value: the largest value gets maxRadius; none, no circle. */
export function radiusFor(value: number, largest: number, maxRadius: number): number {
  if (value <= 0 || largest <= 0) return 0;
  return Math.max(3, Math.round(maxRadius * Math.sqrt(value / largest) * 10) / 10);
}
