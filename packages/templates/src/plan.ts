import type { AppTemplate } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { changedPaths } from './diff.js';
import { COLLECTIONS, COLLECTION_KINDS, templateDefinitions, type DefinitionKind } from './definitions.js';
import { entityIncompatibilities } from './entity-compat.js';
import { contentHash, definitionHash } from './hash.js';
import { templateProblems } from './problems.js';

/** A definition as the target stores it: its content, or at least its definition hash. */
export interface StoredDefinition {
  readonly kind: DefinitionKind;
  readonly id: string;
  readonly contentHash?: string;
  readonly content?: unknown;
}

export interface ExistingApp {
  readonly appId: string;
  readonly definitions: readonly StoredDefinition[];
}

export type PlanStatus = 'new' | 'changed' | 'unchanged' | 'conflicting';

export interface PlanItem {
  readonly kind: DefinitionKind;
  readonly id: string;
  readonly status: PlanStatus;
  /** the definition hash of the template's version */
  readonly contentHash: string;
  /**
   * JSON pointers into the definition that differ from the stored version; absent when the stored
   * version is known only by its hash (then what changed is unknown, only that it did).
   */
  readonly changes?: readonly string[];
  /** why the definition cannot be imported as is (status "conflicting") */
  readonly conflicts?: readonly Problem[];
}

/** The dry-run report of importing a template: what is new, changed, unchanged and conflicting. */
export interface ImportPlan {
  readonly appId: string;
  readonly contentHash: string;
  readonly items: readonly PlanItem[];
  readonly counts: Readonly<Record<PlanStatus, number>>;
  /** stored definitions the template does not contain (an import leaves them alone) */
  readonly absent: readonly { readonly kind: DefinitionKind; readonly id: string }[];
  /** every conflict of every item, for a one-line verdict: the import can apply only when empty */
  readonly conflicts: readonly Problem[];
}

const KIND_ORDER: readonly DefinitionKind[] = COLLECTIONS.map((c) => COLLECTION_KINDS[c]);

function compareKeys(a: { kind: DefinitionKind; id: string }, b: { kind: DefinitionKind; id: string }): number {
  const byKind = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function keyOf(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}

function storedHash(stored: StoredDefinition): string | undefined {
  return stored.content !== undefined ? definitionHash(stored.content) : stored.contentHash;
}

/**
 * Compares a (valid) template with what an app already holds. Pure: it reads nothing and applies
 * nothing; the server applies the plan atomically, and refuses it while `conflicts` is not empty.
 * Conflicts: the template belongs to another app than the stored definitions it shares ids with,
 * or an entity changes in a way that records stored under the old version would not satisfy.
 */
export function planImport(template: AppTemplate, existing: ExistingApp | null): ImportPlan {
  const appId = template.app.id;
  const stored = new Map((existing?.definitions ?? []).map((d) => [keyOf(d.kind, d.id), d]));
  const inTemplate = new Set<string>();
  const items: PlanItem[] = [];
  for (const definition of templateDefinitions(template)) {
    const key = keyOf(definition.kind, definition.id);
    inTemplate.add(key);
    const hash = definitionHash(definition.content);
    const before = stored.get(key);
    if (existing === null || before === undefined) {
      items.push({ kind: definition.kind, id: definition.id, status: 'new', contentHash: hash });
      continue;
    }
    const same = storedHash(before) === hash;
    const changes = same || before.content === undefined ? undefined : changedPaths(before.content, definition.content);
    const conflicts: Problem[] = [];
    if (existing.appId !== appId) conflicts.push(templateProblems.appIdMismatch(definition.path, appId, existing.appId));
    if (!same && definition.kind === 'entity' && before.content !== undefined) {
      conflicts.push(...entityIncompatibilities(before.content, definition.content, definition.path));
    }
    const status: PlanStatus = conflicts.length > 0 ? 'conflicting' : same ? 'unchanged' : 'changed';
    items.push({
      kind: definition.kind,
      id: definition.id,
      status,
      contentHash: hash,
      ...(changes === undefined ? {} : { changes }),
      ...(conflicts.length > 0 ? { conflicts } : {}),
    });
  }
  items.sort(compareKeys);
  const counts: Record<PlanStatus, number> = { new: 0, changed: 0, unchanged: 0, conflicting: 0 };
  for (const item of items) counts[item.status] += 1;
  const absent = (existing?.definitions ?? [])
    .filter((d) => !inTemplate.has(keyOf(d.kind, d.id)))
    .map((d) => ({ kind: d.kind, id: d.id }))
    .sort(compareKeys);
  return {
    appId,
    contentHash: contentHash(template),
    items,
    counts,
    absent,
    conflicts: items.flatMap((item) => item.conflicts ?? []),
  };
}
