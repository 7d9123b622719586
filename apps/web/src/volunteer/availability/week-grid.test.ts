import { describe, expect, it } from 'vitest';
import {
  cellKey,
  gridFromWindows,
  GRID_END_HOUR,
  GRID_FIRST_HOUR,
  moveFocus,
  planGridSave,
  toggleCell,
  weeklyHoursOf,
  windowsFromGrid,
  type WeekGrid,
} from './week-grid';

const ticked = (...cells: [number, number][]): WeekGrid =>
  new Set(cells.map(([day, hour]) => cellKey(day, hour)));

describe('week grid to windows', () => {
  it('joins adjacent hours of a day into one window, so that a ride across them fits', () => {
    const grid = ticked([1, 9], [1, 10], [1, 11], [1, 15], [3, 8]);
    expect(windowsFromGrid(grid)).toEqual([
      { dayOfWeek: 1, start: '09:00', end: '12:00' },
      { dayOfWeek: 1, start: '15:00', end: '16:00' },
      { dayOfWeek: 3, start: '08:00', end: '09:00' },
    ]);
  });

  it('closes a run that reaches the last hour of the grid', () => {
    const grid = ticked([7, GRID_END_HOUR - 2], [7, GRID_END_HOUR - 1]);
    expect(windowsFromGrid(grid)).toEqual([{ dayOfWeek: 7, start: '21:00', end: '23:00' }]);
  });

  it('draws saved windows back, keeping the ones it cannot draw apart', () => {
    const { grid, offGrid } = gridFromWindows([
      { id: 'a', dayOfWeek: 2, start: '09:00', end: '11:00' },
      { id: 'b', dayOfWeek: 2, start: '14:30', end: '16:00' },
      { id: 'c', dayOfWeek: 5, start: '02:00', end: '04:00' },
      { id: 'd', dayOfWeek: 6, start: '09:00', end: '12:00', validUntil: '2027-01-31' },
    ]);
    expect([...grid].sort()).toEqual(['2:10', '2:9']);
    expect(offGrid.map((window) => window.id)).toEqual(['b', 'c', 'd']);
  });

  it('toggles a cell on and off without changing the grid it was given', () => {
    const empty: WeekGrid = new Set();
    const once = toggleCell(empty, 4, 10);
    expect(once.has('4:10')).toBe(true);
    expect(empty.size).toBe(0);
    expect(toggleCell(once, 4, 10).size).toBe(0);
  });
});

describe('saving the grid', () => {
  const saved = [
    { id: 'mon', dayOfWeek: 1, start: '09:00', end: '12:00' },
    { id: 'tue', dayOfWeek: 2, start: '09:00', end: '10:00' },
    { id: 'night', dayOfWeek: 3, start: '01:00', end: '03:00' },
  ];

  it('sends nothing when nothing changed', () => {
    expect(planGridSave(saved, gridFromWindows(saved).grid)).toEqual({ remove: [], add: [] });
  });

  it('replaces a window that grew, adds new ones, and leaves off-grid windows alone', () => {
    const grid = toggleCell(toggleCell(gridFromWindows(saved).grid, 2, 10), 6, 18);
    expect(planGridSave(saved, grid)).toEqual({
      remove: ['tue'],
      add: [
        { dayOfWeek: 2, start: '09:00', end: '11:00' },
        { dayOfWeek: 6, start: '18:00', end: '19:00' },
      ],
    });
  });

  it('removes a window whose hours were all cleared', () => {
    let grid = gridFromWindows(saved).grid;
    for (const hour of [9, 10, 11]) grid = toggleCell(grid, 1, hour);
    expect(planGridSave(saved, grid)).toEqual({ remove: ['mon'], add: [] });
  });
});

describe('weekly hours', () => {
  it('adds up the recurring windows, half hours included', () => {
    expect(
      weeklyHoursOf([
        { dayOfWeek: 1, start: '09:00', end: '12:00' },
        { dayOfWeek: 2, start: '14:30', end: '16:00' },
        { dayOfWeek: 7, start: '22:00', end: '24:00' },
      ]),
    ).toBe(6.5);
  });
});

describe('keyboard movement', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    expect(moveFocus({ day: 3, hour: 10 }, 'ArrowRight')).toEqual({ day: 4, hour: 10 });
    expect(moveFocus({ day: 3, hour: 10 }, 'ArrowUp')).toEqual({ day: 3, hour: 9 });
    expect(moveFocus({ day: 7, hour: 10 }, 'ArrowRight')).toEqual({ day: 7, hour: 10 });
    expect(moveFocus({ day: 1, hour: GRID_FIRST_HOUR }, 'ArrowUp')).toEqual({
      day: 1,
      hour: GRID_FIRST_HOUR,
    });
    expect(moveFocus({ day: 1, hour: GRID_END_HOUR - 1 }, 'ArrowDown')).toEqual({
      day: 1,
      hour: GRID_END_HOUR - 1,
    });
  });

  it('jumps with Home, End, Ctrl+Home, Ctrl+End and the page keys', () => {
    expect(moveFocus({ day: 4, hour: 12 }, 'Home')).toEqual({ day: 1, hour: 12 });
    expect(moveFocus({ day: 4, hour: 12 }, 'End')).toEqual({ day: 7, hour: 12 });
    expect(moveFocus({ day: 4, hour: 12 }, 'Home', true)).toEqual({ day: 1, hour: GRID_FIRST_HOUR });
    expect(moveFocus({ day: 4, hour: 12 }, 'End', true)).toEqual({ day: 7, hour: GRID_END_HOUR - 1 });
    expect(moveFocus({ day: 4, hour: 12 }, 'PageDown')).toEqual({ day: 4, hour: 15 });
    expect(moveFocus({ day: 4, hour: 7 }, 'PageUp')).toEqual({ day: 4, hour: GRID_FIRST_HOUR });
  });

  it('leaves other keys to the browser', () => {
    expect(moveFocus({ day: 4, hour: 12 }, 'Tab')).toBeNull();
  });
});
