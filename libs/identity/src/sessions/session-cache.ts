/**
 * Access tokens seen recently, with the outcome of their session check, so that a burst of
 * requests with the same token verifies the JWT and queries the session once instead of each time.
 *
 * Security bound: an entry is trusted for at most `ttlMs` after its session check (and never past
 * the token's own expiry). Within this process every change that can end or narrow access
 * (sign-out, refresh rotation and reuse, suspension, erasure, role grants and removals) forgets
 * the user's entries at once; a change made by another api process, or directly in the database,
 * takes effect here within `ttlMs`. A ttlMs of 0 turns the cache off.
 */
export class SessionCache<User extends { userId: string }> {
  private readonly entries = new Map<string, { user: User; checkedAt: number; tokenExpiresAt: number }>();

  constructor(
    readonly ttlMs: number,
    /** Oldest entries go first beyond this: memory stays bounded whatever the traffic. */
    private readonly maxEntries = 20_000,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(token: string, now = Date.now()): User | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (now - entry.checkedAt < this.ttlMs && now < entry.tokenExpiresAt) return entry.user;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, user: User, tokenExpiresAt: number, now = Date.now()): void {
    if (!this.enabled) return;
    this.entries.delete(token);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(token, { user, checkedAt: now, tokenExpiresAt });
  }

  /** Forgets every token of the user: the next request of each is checked against the database. */
  forgetUser(userId: string): void {
    for (const [token, entry] of this.entries) {
      if (entry.user.userId === userId) this.entries.delete(token);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
