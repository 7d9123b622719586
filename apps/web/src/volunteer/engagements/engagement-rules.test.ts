import { describe, expect, it } from 'vitest';
import { helperActionsFor, parseHours } from './engagement-rules';

describe('what the helper may do', () => {
  it('starts a confirmed engagement, completes one under way, cancels any live one', () => {
    expect(helperActionsFor('AWAITING_CONFIRMATION', false)).toEqual({
      start: false,
      complete: false,
      cancel: true,
      review: false,
    });
    expect(helperActionsFor('CONFIRMED', false)).toMatchObject({
      start: true,
      complete: false,
      cancel: true,
    });
    expect(helperActionsFor('IN_PROGRESS', false)).toMatchObject({
      start: false,
      complete: true,
      cancel: true,
    });
  });

  it('reviews a completed engagement once, and nothing else is left to do', () => {
    expect(helperActionsFor('COMPLETED', false)).toEqual({
      start: false,
      complete: false,
      cancel: false,
      review: true,
    });
    expect(helperActionsFor('COMPLETED', true).review).toBe(false);
    expect(helperActionsFor('CANCELLED', false)).toEqual({
      start: false,
      complete: false,
      cancel: false,
      review: false,
    });
  });
});

describe('hours typed by the helper', () => {
  it('reads whole hours, the Italian decimal comma, the point and hours:minutes', () => {
    expect(parseHours('3')).toEqual({ hours: 3 });
    expect(parseHours(' 2,5 ')).toEqual({ hours: 2.5 });
    expect(parseHours('1.75')).toEqual({ hours: 1.75 });
    expect(parseHours('1:30')).toEqual({ hours: 1.5 });
  });

  it('rounds to a quarter of an hour, never down to zero', () => {
    expect(parseHours('1,1')).toEqual({ hours: 1 });
    expect(parseHours('0,1')).toEqual({ hours: 0.25 });
  });

  it('refuses empty, unreadable and out-of-range values', () => {
    expect(parseHours('')).toEqual({ error: 'required' });
    expect(parseHours('due')).toEqual({ error: 'invalid' });
    expect(parseHours('0')).toEqual({ error: 'range' });
    expect(parseHours('25')).toEqual({ error: 'range' });
  });
});
