import type { User } from '../port.js';

/** What a session lookup answers: the user and the published-definitions fingerprint. */
export interface SessionLookup {
  readonly user: User;
  readonly publishedFingerprint: string;
}

/** What a lookup read from the database: its answer and when the session expires. */
export interface SessionRead {
  readonly found: SessionLookup;
  readonly expiresAt: Date;
}

/**
 * Session lookups kept between requests, so a request needs no session read. Correct only while
 * every change to users, sessions and published definitions empties it: the database notifies
 * each change (migration 0009's triggers; the storage LISTENs, see create.ts), and this
 * process's own writes empty it once they commit (`changed`), before PostgreSQL's notice
 * arrives. Until the storage listens, and whenever its listening connection is lost, nothing is
 * kept.
 */
export interface SessionCache {
  /**
   * The kept answer for a session token hash, else what `read` reads; that is kept unless the
   * cache was emptied while it read (it may be older than the change that emptied it).
   */
  lookup(tokenHash: string, now: Date, read: () => Promise<SessionRead | null>): Promise<SessionLookup | null>;
  /** users, sessions or published definitions changed: forget everything */
  changed(): void;
  /** whether the database's change notices reach this process */
  listening(on: boolean): void;
}

/** Enough for every signed-in user of a large deployment; past it the cache starts over. */
const MAX_ENTRIES = 10_000;

/**
 * How long a lookup is kept at most, whatever its session's expiry: the bound on how long a
 * notice lost without the connection noticing (a half-open TCP connection) leaves a change unseen.
 */
const MAX_KEEP_MS = 60_000;

export function sessionCache(): SessionCache {
  const kept = new Map<string, { found: SessionLookup; expiresAt: number }>();
  let epoch = 0;
  let on = false;
  const forget = () => {
    epoch++;
    kept.clear();
  };
  return {
    async lookup(tokenHash, now, read) {
      const entry = kept.get(tokenHash);
      if (entry !== undefined && now.getTime() < entry.expiresAt) return entry.found;
      if (entry !== undefined) kept.delete(tokenHash);
      const readAt = epoch;
      const fresh = await read();
      if (fresh === null) return null;
      if (on && readAt === epoch) {
        if (kept.size >= MAX_ENTRIES) kept.clear();
        kept.set(tokenHash, { found: fresh.found, expiresAt: Math.min(fresh.expiresAt.getTime(), now.getTime() + MAX_KEEP_MS) });
      }
      return fresh.found;
    },
    changed: forget,
    listening(state) {
      on = state;
      forget();
    },
  };
}
