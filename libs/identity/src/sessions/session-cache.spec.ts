import { SessionCache } from './session-cache';

describe('SessionCache', () => {
  const alice = { userId: 'alice' };
  const bob = { userId: 'bob' };

  it('trusts a checked token only within the TTL and before the token expires', () => {
    const cache = new SessionCache<typeof alice>(5_000);
    cache.set('token-a', alice, 100_000, 1_000);
    expect(cache.get('token-a', 5_999)).toBe(alice);
    expect(cache.get('token-a', 6_000)).toBeUndefined();
    cache.set('token-a', alice, 3_000, 1_000);
    expect(cache.get('token-a', 3_000)).toBeUndefined();
  });

  it('forgets every token of a user and only theirs', () => {
    const cache = new SessionCache<typeof alice>(60_000);
    cache.set('a1', alice, Infinity, 0);
    cache.set('a2', alice, Infinity, 0);
    cache.set('b1', bob, Infinity, 0);
    cache.forgetUser('alice');
    expect(cache.get('a1', 1)).toBeUndefined();
    expect(cache.get('a2', 1)).toBeUndefined();
    expect(cache.get('b1', 1)).toBe(bob);
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const cache = new SessionCache<typeof alice>(60_000, 2);
    cache.set('a1', alice, Infinity, 0);
    cache.set('a2', alice, Infinity, 0);
    cache.set('b1', bob, Infinity, 0);
    expect(cache.size).toBe(2);
    expect(cache.get('a1', 1)).toBeUndefined();
    expect(cache.get('b1', 1)).toBe(bob);
  });

  it('stores nothing when the TTL is 0', () => {
    const cache = new SessionCache<typeof alice>(0);
    cache.set('a1', alice, Infinity, 0);
    expect(cache.get('a1', 0)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
