/**
 * Sample records imported with a template (its own `sampleData`, or generated demo data): each
 * through its entity's form, like any submission, inside the import's transaction.
 */
import type { EntityDefinition } from '@trellis/definitions';
import { TrellisError, type Problem } from '@trellis/errors';
import { getFormRuntime } from '@trellis/forms';
import type { JsonObject, StorageTx, WriteContext } from '@trellis/storage';
import { serviceProblems } from './problems.js';
import { formTime } from './form-time.js';

/** entity id → records */
export type SampleRecords = Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;

/** The user sample records are made by: no roles, no partner organisation. */
export const SYSTEM_USER = { id: 'system', roles: [] as string[], partnerOrg: null };

export interface InsertRecords extends WriteContext {
  readonly app: string;
  readonly entities: ReadonlyMap<string, EntityDefinition>;
  /** the published version of each entity */
  readonly versions: ReadonlyMap<string, number>;
  readonly records: SampleRecords;
  readonly now: Date;
}

const at = (prefix: string, path: string) => (path === '' ? prefix : `${prefix}.${path}`);

/** Inserts every record, or throws every problem of every record (the caller's transaction rolls back). */
export async function insertRecords(tx: StorageTx, input: InsertRecords): Promise<number> {
  const problems: Problem[] = [];
  const valid: { entity: string; version: number; data: JsonObject }[] = [];
  for (const [entity, records] of Object.entries(input.records)) {
    const definition = input.entities.get(entity);
    const version = input.versions.get(entity);
    if (definition === undefined || version === undefined) {
      problems.push({ ...serviceProblems.entityNotFound(entity), path: `sampleData.${entity}` });
      continue;
    }
    const runtime = getFormRuntime(definition);
    records.forEach((record, index) => {
      const result = runtime.process(record, { ...formTime(input.now), user: SYSTEM_USER });
      if (result.ok) valid.push({ entity, version, data: result.record as JsonObject });
      else problems.push(...result.errors.map((p) => ({ ...p, path: at(`sampleData.${entity}.${index}`, p.path) })));
    });
  }
  const [first, ...rest] = problems;
  if (first !== undefined) throw new TrellisError([first, ...rest]);
  for (const { entity, version, data } of valid) {
    await tx.records.create({
      app: input.app, entity, definitionVersion: version, owner: null, partnerOrg: null, data, actor: input.actor, requestId: input.requestId ?? null,
    });
  }
  return valid.length;
}
