import type { User } from '../port.js';

/** What a session lookup answers: the user and the published-definitions fingerprint. */
export interface SessionLookup {
  readonly user: User;
  readonly publishedFingerprint: string;
}

/**
 * Session lookups kept between requests, so a request needs no session read. Correct only while
 * every change to users, sessions and published definitions empties it: the database notifies
 * each change (migration 0009's triggers; the storage LISTENs, see create.ts), and this
 * process's own writes empty it once they commit (`changed`), before PostgreSQL's notice
 * arrives. A lookup that raced with a change is not kept (the epoch moved while it read). Until
 * the storage listens, and whenever its listening connection is lost, nothing is kept.
 */
export interface SessionCache {
  /** the kept answer for a session token hash; undefined: read the database */
  get(tokenHash: string, now: Date): SessionLookup | undefined;
  /** the epoch to hand back to `keep` with what was read */
  epoch(): number;
  keep(tokenHash: string, found: SessionLookup, expiresAt: Date, now: Date, epoch: number): void;
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
    get(tokenHash, now) {
      const entry = kept.get(tokenHash);
      if (entry === undefined) return undefined;
      if (now.getTime() < entry.expiresAt) return entry.found;
      kept.delete(tokenHash);
      return undefined;
    },
    epoch: () => epoch,
    keep(tokenHash, found, expiresAt, now, at) {
      if (!on || at !== epoch) return;
      if (kept.size >= MAX_ENTRIES) kept.clear();
      kept.set(tokenHash, { found, expiresAt: Math.min(expiresAt.getTime(), now.getTime() + MAX_KEEP_MS) });
    },
    changed: forget,
    listening(state) {
      on = state;
      forget();
    },
  };
}
