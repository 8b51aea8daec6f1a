import type { DefinitionVersion } from '../port.js';

/**
 * Published definition versions, kept once read: a version row is only ever inserted, never
 * changed or deleted, so a committed (app, kind, id, version) means the same body in every
 * process on the database. A version read inside a transaction is kept only after the commit,
 * since it may be one that transaction inserted and then rolls back.
 */
export interface VersionCache {
  get(key: string): DefinitionVersion | undefined;
  remember(key: string, version: DefinitionVersion): void;
}

export interface SharedVersionCache extends VersionCache {
  /** a view for one transaction: reads the shared cache, holds its own finds until `commit()` */
  forTransaction(): VersionCache & { commit(): void };
}

export function versionCacheKey(app: string, kind: string, id: string, version: number): string {
  return JSON.stringify([app, kind, id, version]);
}

export function sharedVersionCache(): SharedVersionCache {
  const kept = new Map<string, DefinitionVersion>();
  return {
    get: (key) => kept.get(key),
    remember: (key, version) => void kept.set(key, version),
    forTransaction() {
      const pending = new Map<string, DefinitionVersion>();
      return {
        get: (key) => kept.get(key) ?? pending.get(key),
        remember: (key, version) => void pending.set(key, version),
        commit() {
          for (const [key, version] of pending) kept.set(key, version);
        },
      };
    },
  };
}
