/**
 * The weekly availability grid, as pure logic: which hour cells of the week are ticked, how they
 * become the api's recurring windows and back, how the keyboard moves across the grid, and what to
 * send to the api to save a change.
 *
 * The api checks whether a volunteer is free for all of a need's time inside ONE window, so
 * adjacent ticked hours of a day must become a single window (09-10 and 10-11 would never cover a
 * ride from 09:30 to 10:30; 09-11 does).
 */
import type { RecurringWindowInput } from '../../gql/graphql';

/** 1 = Monday ... 7 = Sunday, as the api counts. */
export const WEEK_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** The first and the end hour shown on the grid; windows outside it stay in the list view. */
export const GRID_FIRST_HOUR = 6;
export const GRID_END_HOUR = 23;
export const GRID_HOURS: readonly number[] = Array.from(
  { length: GRID_END_HOUR - GRID_FIRST_HOUR },
  (_, index) => GRID_FIRST_HOUR + index,
);

/** A recurring window as the api describes it ("HH:MM" local times in Europe/Rome). */
export interface RecurringWindow {
  id?: string;
  dayOfWeek: number;
  start: string;
  end: string;
  validFrom?: string | null;
  validUntil?: string | null;
}

/** Ticked cells, each "day:hour" (hour = the start of the cell). Immutable: every change makes a new set. */
export type WeekGrid = ReadonlySet<string>;

export const cellKey = (day: number, hour: number): string => `${day}:${hour}`;

export function isTicked(grid: WeekGrid, day: number, hour: number): boolean {
  return grid.has(cellKey(day, hour));
}

export function toggleCell(grid: WeekGrid, day: number, hour: number): WeekGrid {
  const next = new Set(grid);
  const key = cellKey(day, hour);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

/** "HH:MM" as minutes after midnight, or null. "24:00" is the end of the day. */
export function minutesOf(clock: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(clock);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : null;
}

export function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Whether the grid can show a window exactly: an open-ended weekly window on whole hours inside
 * the grid's hours. The others (half hours, night hours, a season with an end) stay as they are
 * and are shown only in the list.
 */
export function fitsGrid(window: RecurringWindow): boolean {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === null || end === null || end <= start) return false;
  if (start % 60 !== 0 || end % 60 !== 0) return false;
  if (window.validUntil) return false;
  return start / 60 >= GRID_FIRST_HOUR && end / 60 <= GRID_END_HOUR;
}

/** The grid the saved windows draw, and the windows it cannot draw. */
export function gridFromWindows(windows: readonly RecurringWindow[]): {
  grid: WeekGrid;
  offGrid: RecurringWindow[];
} {
  const grid = new Set<string>();
  const offGrid: RecurringWindow[] = [];
  for (const window of windows) {
    if (!fitsGrid(window)) {
      offGrid.push(window);
      continue;
    }
    const start = (minutesOf(window.start) as number) / 60;
    const end = (minutesOf(window.end) as number) / 60;
    for (let hour = start; hour < end; hour++) grid.add(cellKey(window.dayOfWeek, hour));
  }
  return { grid, offGrid };
}

/** One window per run of adjacent ticked hours, Monday first, earliest first. */
export function windowsFromGrid(grid: WeekGrid): RecurringWindowInput[] {
  const windows: RecurringWindowInput[] = [];
  for (const day of WEEK_DAYS) {
    let runStart: number | null = null;
    for (let hour = GRID_FIRST_HOUR; hour <= GRID_END_HOUR; hour++) {
      const ticked = hour < GRID_END_HOUR && isTicked(grid, day, hour);
      if (ticked && runStart === null) runStart = hour;
      if (!ticked && runStart !== null) {
        windows.push({ dayOfWeek: day, start: clockOf(runStart * 60), end: clockOf(hour * 60) });
        runStart = null;
      }
    }
  }
  return windows;
}

/**
 * What to send to save the grid: the grid-drawn windows that are no longer wanted are removed,
 * the new ones added; windows the grid does not draw are left alone. A window that is unchanged
 * is neither removed nor added, so saving twice sends nothing.
 */
export function planGridSave(
  saved: readonly RecurringWindow[],
  grid: WeekGrid,
): { remove: string[]; add: RecurringWindowInput[] } {
  const wanted = windowsFromGrid(grid);
  const sameWindow = (a: RecurringWindowInput, b: RecurringWindowInput) =>
    a.dayOfWeek === b.dayOfWeek && a.start === b.start && a.end === b.end;
  const drawn = saved.filter(fitsGrid);
  const remove = drawn
    .filter((window) => !wanted.some((candidate) => sameWindow(candidate, window)))
    .map((window) => window.id)
    .filter((id): id is string => id !== undefined);
  const add = wanted.filter((candidate) => !drawn.some((window) => sameWindow(candidate, window)));
  return { remove, add };
}

/** Hours a week the windows offer (recurring only: one-off dates are not weekly). */
export function weeklyHoursOf(windows: readonly RecurringWindowInput[]): number {
  let minutes = 0;
  for (const window of windows) {
    const start = minutesOf(window.start);
    const end = minutesOf(window.end);
    if (start !== null && end !== null && end > start) minutes += end - start;
  }
  return minutes / 60;
}

/** A cell of the grid: column = day (1-7), row = hour. */
export interface GridPosition {
  day: number;
  hour: number;
}

/**
 * Where the focus goes for a key, following the ARIA grid pattern: arrows move one cell (no
 * wrapping), Home/End go to the first/last day of the row, Ctrl+Home/Ctrl+End to the first/last
 * cell, PageUp/PageDown three hours. Null for keys the grid does not handle.
 */
export function moveFocus(position: GridPosition, key: string, ctrlKey = false): GridPosition | null {
  const lastHour = GRID_END_HOUR - 1;
  const clampHour = (hour: number) => Math.min(lastHour, Math.max(GRID_FIRST_HOUR, hour));
  const clampDay = (day: number) => Math.min(7, Math.max(1, day));
  switch (key) {
    case 'ArrowRight':
      return { ...position, day: clampDay(position.day + 1) };
    case 'ArrowLeft':
      return { ...position, day: clampDay(position.day - 1) };
    case 'ArrowDown':
      return { ...position, hour: clampHour(position.hour + 1) };
    case 'ArrowUp':
      return { ...position, hour: clampHour(position.hour - 1) };
    case 'PageDown':
      return { ...position, hour: clampHour(position.hour + 3) };
    case 'PageUp':
      return { ...position, hour: clampHour(position.hour - 3) };
    case 'Home':
      return ctrlKey ? { day: 1, hour: GRID_FIRST_HOUR } : { ...position, day: 1 };
    case 'End':
      return ctrlKey ? { day: 7, hour: lastHour } : { ...position, day: 7 };
    default:
      return null;
  }
}
