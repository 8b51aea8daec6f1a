/**
 * One runtime per definition: by object identity (WeakMap, so dropped definitions are collected),
 * and by content, so a definition reloaded from storage as a new object reuses the runtime already
 * compiled for the same text. The content is the whole definition, never its id or a version
 * number: two apps may each have an entity `partner` at version 1 with different forms, and each
 * must be validated by its own. The content map keeps the most recently used definitions only.
 */
import type { EntityDefinition } from '@trellis/definitions';
import { createFormRuntime } from './defaults.js';
import type { FormRuntime } from './types.js';

const MAX_BY_CONTENT = 256;

const byObject = new WeakMap<object, FormRuntime>();
const byContent = new Map<string, FormRuntime>();

function rememberContent(key: string, runtime: FormRuntime): void {
  byContent.delete(key);
  byContent.set(key, runtime);
  if (byContent.size > MAX_BY_CONTENT) {
    const oldest = byContent.keys().next();
    if (oldest.done !== true) byContent.delete(oldest.value);
  }
}

export function getFormRuntime(definition: EntityDefinition): FormRuntime {
  const cached = byObject.get(definition);
  if (cached !== undefined) return cached;
  const key = JSON.stringify(definition);
  const runtime = byContent.get(key) ?? createFormRuntime(definition);
  rememberContent(key, runtime);
  byObject.set(definition, runtime);
  return runtime;
}
