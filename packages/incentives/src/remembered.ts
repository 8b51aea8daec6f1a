import { LRUCache } from 'lru-cache';

/**
 * A pure function of a string, remembered for its last `max` arguments: a run asks about the same
 * few periods and dates for every subject and record. What it returns is shared, so it must not be
 * mutated (callers freeze objects); an argument it throws for is not remembered.
 */
export function remembered<T extends NonNullable<unknown>>(fn: (key: string) => T, max = 1024): (key: string) => T {
  const cache = new LRUCache<string, T>({ max });
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(key);
      cache.set(key, value);
    }
    return value;
  };
}
