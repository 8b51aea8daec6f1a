import { useSyncExternalStore } from 'react';
import type { BuilderField } from './model.js';

/**
 * The fields by key, for the canvas cards: each card subscribes to its own field, so editing one
 * field re-renders one card, and the drag-and-drop contexts above the cards do not re-render at all.
 */
export interface FieldStore {
  set(fields: readonly BuilderField[]): void;
  get(key: string): BuilderField | undefined;
  subscribe(key: string, listener: () => void): () => void;
}

export function createFieldStore(): FieldStore {
  let byKey = new Map<string, BuilderField>();
  const listeners = new Map<string, Set<() => void>>();
  return {
    set(fields) {
      const next = new Map(fields.map((f) => [f.key, f]));
      const changed = [...next.keys(), ...byKey.keys()].filter((k) => next.get(k) !== byKey.get(k));
      byKey = next;
      for (const key of new Set(changed)) for (const listener of listeners.get(key) ?? []) listener();
    },
    get: (key) => byKey.get(key),
    subscribe(key, listener) {
      const set = listeners.get(key) ?? new Set();
      set.add(listener);
      listeners.set(key, set);
      return () => set.delete(listener);
    },
  };
}

export function useStoredField(store: FieldStore, key: string): BuilderField | undefined {
  return useSyncExternalStore((listener) => store.subscribe(key, listener), () => store.get(key));
}
