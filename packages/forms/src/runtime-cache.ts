/**
 * One runtime per definition: by object identity (WeakMap, so dropped definitions are collected),
 * and by `${id}@${version}` when the definition carries a numeric `version` (added by the server
 * when it publishes a definition; not part of the format), so a definition reloaded from storage
 * as a new object reuses the runtime compiled for that version. Published versions are immutable,
 * which is what makes the second key safe.
 */
import type { EntityDefinition } from '@trellis/definitions';
import { createFormRuntime } from './defaults.js';
import type { FormRuntime } from './types.js';

const byObject = new WeakMap<object, FormRuntime>();
const byVersion = new Map<string, FormRuntime>();

function versionKey(definition: EntityDefinition): string | undefined {
  const { id, version } = definition as unknown as { id: unknown; version?: unknown };
  return typeof version === 'number' && typeof id === 'string' ? `${id}@${version}` : undefined;
}

export function getFormRuntime(definition: EntityDefinition): FormRuntime {
  const cached = byObject.get(definition);
  if (cached !== undefined) return cached;
  const key = versionKey(definition);
  const runtime = (key === undefined ? undefined : byVersion.get(key)) ?? createFormRuntime(definition);
  byObject.set(definition, runtime);
  if (key !== undefined) byVersion.set(key, runtime);
  return runtime;
}
