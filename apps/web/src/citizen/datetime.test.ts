import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatEuros,
  parseDate,
  parseEuros,
  parseTime,
  toInstant,
  toLocal,
} from './datetime';

// A fixed Saturday, so that "without a year" and "domani" never depend on the day the tests run.
const SATURDAY_5_DECEMBER_2026 = { year: 2026, month: 12, day: 5 };

describe('parseDate', () => {
  it.each([
    ['5 dicembre 2026', { year: 2026, month: 12, day: 5 }],
    ['5 dic 2026', { year: 2026, month: 12, day: 5 }],
    ['sabato 12 dicembre 2026', { year: 2026, month: 12, day: 12 }],
    ['12/12/2026', { year: 2026, month: 12, day: 12 }],
    ['05-01-2027', { year: 2027, month: 1, day: 5 }],
    ['5.1.27', { year: 2027, month: 1, day: 5 }],
    ['2027-01-05', { year: 2027, month: 1, day: 5 }],
    ['December 12, 2026', { year: 2026, month: 12, day: 12 }],
    ['12 December 2026', { year: 2026, month: 12, day: 12 }],
    ['  7   Dicembre   ', { year: 2026, month: 12, day: 7 }],
  ])('reads "%s"', (typed, expected) => {
    expect(parseDate(typed, SATURDAY_5_DECEMBER_2026)).toEqual(expected);
  });

  it('takes the next such day when the year is left out', () => {
    expect(parseDate('3 marzo', SATURDAY_5_DECEMBER_2026)).toEqual({ year: 2027, month: 3, day: 3 });
    expect(parseDate('5/12', SATURDAY_5_DECEMBER_2026)).toEqual({ year: 2026, month: 12, day: 5 });
    expect(parseDate('4/12', SATURDAY_5_DECEMBER_2026)).toEqual({ year: 2027, month: 12, day: 4 });
  });

  it('knows today and tomorrow', () => {
    expect(parseDate('oggi', SATURDAY_5_DECEMBER_2026)).toEqual(SATURDAY_5_DECEMBER_2026);
    expect(parseDate('domani', SATURDAY_5_DECEMBER_2026)).toEqual({ year: 2026, month: 12, day: 6 });
    expect(parseDate('domani', { year: 2026, month: 12, day: 31 })).toEqual({ year: 2027, month: 1, day: 1 });
  });

  it.each(['31/02/2026', '29 febbraio 2027', '0/1/2027', 'dicembre', 'martedì', '12/13/2026', 'abc', ''])(
    'refuses "%s"',
    (typed) => {
      expect(parseDate(typed, SATURDAY_5_DECEMBER_2026)).toBeNull();
    },
  );
});

describe('parseTime', () => {
  it.each([
    ['9', { hour: 9, minute: 0 }],
    ['9:30', { hour: 9, minute: 30 }],
    ['09.30', { hour: 9, minute: 30 }],
    ['9,30', { hour: 9, minute: 30 }],
    ['ore 14', { hour: 14, minute: 0 }],
    ['0:05', { hour: 0, minute: 5 }],
  ])('reads "%s"', (typed, expected) => {
    expect(parseTime(typed)).toEqual(expected);
  });

  it.each(['25', '9:60', '9:5', 'nove', '', '-1'])('refuses "%s"', (typed) => {
    expect(parseTime(typed)).toBeNull();
  });

  it('accepts 24:00 only as an end', () => {
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('24:00', { allowMidnightEnd: true })).toEqual({ hour: 24, minute: 0 });
  });
});

describe('Rome time', () => {
  it('reads a local time in winter (CET) and in summer (CEST)', () => {
    expect(toInstant({ year: 2026, month: 12, day: 5 }, { hour: 9, minute: 30 }).toISOString()).toBe(
      '2026-12-05T08:30:00.000Z',
    );
    expect(toInstant({ year: 2026, month: 7, day: 5 }, { hour: 9, minute: 30 }).toISOString()).toBe(
      '2026-07-05T07:30:00.000Z',
    );
  });

  it('reads the hour skipped in spring as after the change, and the repeated one in autumn as the first', () => {
    expect(toInstant({ year: 2026, month: 3, day: 29 }, { hour: 2, minute: 30 }).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(toInstant({ year: 2026, month: 10, day: 25 }, { hour: 2, minute: 30 }).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('gives back the local date and time of an instant', () => {
    expect(toLocal(new Date('2026-12-31T23:30:00Z'))).toEqual({
      date: { year: 2027, month: 1, day: 1 },
      time: { hour: 0, minute: 30 },
    });
  });
});

describe('formats', () => {
  it('writes dates and times the Italian way', () => {
    expect(formatDateTime('2026-12-05T08:30:00Z', 'it')).toBe('5 dicembre 2026, 09:30');
    expect(formatDateTime('2026-12-05T08:30:00Z', 'en')).toBe('5 December 2026, 09:30');
  });

  it('writes and reads euro', () => {
    expect(formatEuros(700, 'it')).toBe('7,00\u00a0€');
    expect(parseEuros('7,50')).toBe(750);
    expect(parseEuros('€ 8')).toBe(800);
    expect(parseEuros('7.5')).toBe(750);
    expect(parseEuros('sette')).toBeNull();
  });
});
