import { useEffect, useState } from 'react';
import { isApiError } from '../api/problem.js';

/**
 * A value loaded from the server: loading, loaded, missing or failed. Missing is 404 (not there,
 * or not ours) and 400 (an address with a malformed id): to the reader both lead to nothing.
 */
export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'missing' }
  | { readonly state: 'failed'; readonly error: unknown };

/** Loads once per change of `deps`; a late answer for old deps is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    load().then(
      (value) => live && setLoaded({ state: 'ready', value }),
      (error: unknown) => live && setLoaded(isApiError(error) && (error.status === 404 || error.status === 400) ? { state: 'missing' } : { state: 'failed', error }),
    );
    return () => {
      live = false;
    };
    // the caller names what the load depends on
  }, [...deps, round]);
  return [loaded, () => setRound((r) => r + 1)];
}
