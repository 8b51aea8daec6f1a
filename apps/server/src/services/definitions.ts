/**
 * Definition drafts and versions of an app: every save and publish checks the document the same
 * way an import does (its published JSON Schema, then, for entities, the form runtime's checks),
 * so nothing the runtime cannot serve is ever published.
 */
import { validateDefinition, type EntityDefinition } from '@trellis/definitions';
import { TrellisError, type Problem, type Result } from '@trellis/errors';
import { checkFormDefinition } from '@trellis/forms';
import type { DefinitionVersion, JsonObject, Storage, StorageTx, WriteContext } from '@trellis/storage';
import { changedPaths } from '@trellis/templates';
import { checkGrants } from './grants.js';
import { listFieldIndexes } from './list-indexes.js';
import { serviceProblems } from './problems.js';
import { plantSchedules } from '../flows/jobs.js';
import { DEFAULT_CALENDAR } from '../flows/scope.js';

/** The kinds an admin edits one by one (an app template is imported whole, see import-template.ts). */
export const EDITABLE_KINDS = ['entity', 'rule', 'flow', 'program', 'permission'] as const;
export type EditableKind = (typeof EDITABLE_KINDS)[number];

export interface DefinitionRef {
  readonly app: string;
  readonly kind: EditableKind;
  readonly id: string;
}

function throwProblems(problems: readonly Problem[]): never {
  const [first, ...rest] = problems;
  if (first === undefined) throw new Error('throwProblems needs at least one problem');
  throw new TrellisError([first, ...rest]);
}

/** Checks a definition document for `ref`; on success the document in the current format version. */
export function checkDefinition(ref: DefinitionRef, body: unknown): Result<JsonObject> {
  const validated = validateDefinition(ref.kind, body);
  if (!validated.ok) return validated;
  const value = validated.value as unknown as JsonObject;
  if (value.id !== ref.id) return { ok: false, problems: [serviceProblems.definitionIdMismatch(ref.id, value.id)] };
  const problems = ref.kind === 'entity' ? checkFormDefinition(validated.value as EntityDefinition) : [];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

function checked(ref: DefinitionRef, body: unknown): JsonObject {
  const result = checkDefinition(ref, body);
  if (!result.ok) throwProblems(result.problems);
  return result.value;
}

async function requireApp(tx: StorageTx, app: string): Promise<void> {
  if ((await tx.apps.get(app)) === null) throwProblems([serviceProblems.appNotFound(app)]);
}

export async function saveDraft(storage: Storage, ref: DefinitionRef, body: unknown, context: WriteContext) {
  const value = checked(ref, body);
  return storage.transaction(async (tx) => {
    await requireApp(tx, ref.app);
    return tx.definitions.saveDraft({ ...ref, body: value, ...context });
  });
}

/** A grant is published only if the app's grants still compile with it (known roles, safe scope). */
async function checkGrantCompiles(tx: StorageTx, ref: DefinitionRef, body: JsonObject): Promise<void> {
  const published = await tx.definitions.listPublished(ref.app);
  const others = published.filter((d) => d.kind === 'permission' && d.id !== ref.id).map((d) => d.body);
  checkGrants([...others, body], published.filter((d) => d.kind === 'role').map((d) => d.id));
}

/** Indexes for an entity's list views; idempotent, so publishing an unchanged entity costs nothing. */
export async function ensureEntityIndexes(storage: Storage, app: string, definition: EntityDefinition): Promise<string[]> {
  return storage.ensureFieldIndexes(app, definition.id, listFieldIndexes(definition));
}

/** Every published entity's list indexes, in every app: after a migration dropped the old ones. */
export async function ensureAllEntityIndexes(storage: Storage): Promise<void> {
  for (const app of await storage.read.apps.list()) {
    for (const entity of await storage.read.definitions.listPublished(app.id, 'entity')) {
      await ensureEntityIndexes(storage, app.id, entity.body as unknown as EntityDefinition);
    }
  }
}

/**
 * Publishes the draft (checked again: the checks may have become stricter since it was saved) as
 * the next immutable version. Entities get the indexes their list views need.
 */
export async function publishDraft(storage: Storage, ref: DefinitionRef, context: WriteContext) {
  const published = await storage.transaction(async (tx) => {
    const draft = await tx.definitions.getDraft(ref);
    if (draft === null) throwProblems([serviceProblems.noDraft(ref.kind, ref.id)]);
    const body = checked(ref, draft.body);
    if (ref.kind === 'permission') await checkGrantCompiles(tx, ref, body);
    // without a body, publish() takes the draft and removes it in the same transaction
    const version = await tx.definitions.publish({ ...ref, ...context });
    if (ref.kind === 'flow') await plantSchedules(tx, ref.app, storage.now(), DEFAULT_CALENDAR);
    return version;
  });
  if (ref.kind === 'entity') await ensureEntityIndexes(storage, ref.app, published.body as unknown as EntityDefinition);
  return published;
}

export async function getVersion(storage: Storage, ref: DefinitionRef, version: number): Promise<DefinitionVersion> {
  const found = await storage.read.definitions.getVersion({ ...ref, version });
  if (found === null) throwProblems([serviceProblems.definitionNotFound(ref.kind, ref.id, version)]);
  return found;
}

/** What changed between two published versions, as sorted JSON pointers. */
export async function diffVersions(storage: Storage, ref: DefinitionRef, from: number, to: number) {
  const [before, after] = await Promise.all([getVersion(storage, ref, from), getVersion(storage, ref, to)]);
  return { from, to, changes: changedPaths(before.body, after.body) };
}
