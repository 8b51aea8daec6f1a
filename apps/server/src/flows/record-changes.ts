/**
 * Writes a transition's record changes inside its transaction: updates of the flow's record and of
 * records the instance created (addressed by derived key), creations of new records. Every
 * touched record is validated through its entity's form after all changes of the transition (a
 * create may be completed by a later update), so a flow cannot store what a person could not.
 */
import { TrellisError } from '@trellis/errors';
import { getFormRuntime } from '@trellis/forms';
import { setPath, SYSTEM_ACTOR, type RecordChange } from '@trellis/flow';
import type { JsonObject, JsonValue, StoredRecord } from '@trellis/storage';
import { linkAttachments } from '../services/attachments.js';
import { entityAt } from './definitions.js';
import type { FlowScope } from './scope.js';
import { formTime } from '../services/form-time.js';

interface Pending {
  readonly entity: string;
  readonly key: string | null;
  readonly stored: StoredRecord | null;
  data: JsonObject;
}

export interface RecordWriteInput {
  readonly app: string;
  readonly actor: string;
  readonly record: StoredRecord | null;
  /** derived key → record id of records the instance created before */
  readonly created: Readonly<Record<string, string>>;
  /** owner of records the flow creates (the flow record's owner) */
  readonly owner: string | null;
}

export interface RecordWriteResult {
  /** the flow record after the changes (unchanged when none touched it) */
  readonly record: StoredRecord | null;
  readonly created: Record<string, string>;
}

function apply(data: JsonObject, set: Readonly<Record<string, JsonValue>>): JsonObject {
  let next = data;
  for (const [path, value] of Object.entries(set)) next = setPath(next, path, value) as JsonObject;
  return next;
}

async function validated(scope: FlowScope, app: string, actor: string, item: Pending): Promise<{ data: JsonObject; version: number }> {
  // the model the request was checked with, when it is this app's: no body to read again
  const entity = scope.model?.app === app ? scope.model.entity(item.entity) : await entityAt(scope.tx, app, item.entity);
  const person = actor === SYSTEM_ACTOR ? null : await scope.withDirectory((directory) => directory.user(actor));
  const processed = getFormRuntime(entity.definition).process(item.data, {
    ...formTime(scope.now),
    user: { id: actor, roles: [...(person?.roles ?? [])], partnerOrg: person?.partnerOrg ?? null },
    ...(item.stored === null ? {} : { previous: item.stored.data }),
  });
  if (!processed.ok) {
    const [first, ...rest] = processed.errors;
    if (first !== undefined) throw new TrellisError([first, ...rest]);
  }
  return { data: (processed.ok ? processed.record : item.data) as JsonObject, version: entity.version };
}

export async function writeRecordChanges(scope: FlowScope, changes: readonly RecordChange[], input: RecordWriteInput): Promise<RecordWriteResult> {
  const created: Record<string, string> = { ...input.created };
  if (changes.length === 0) return { record: input.record, created };
  const flowRecord: Pending | null = input.record === null ? null : { entity: input.record.entity, key: null, stored: input.record, data: input.record.data };
  let flowTouched = false;
  const byKey = new Map<string, Pending>();
  const pendingOf = async (entity: string, key: string): Promise<Pending> => {
    const known = byKey.get(key);
    if (known !== undefined) return known;
    const id = created[key];
    const stored = id === undefined ? null : await scope.tx.records.get(id);
    const pending: Pending = { entity, key, stored, data: stored?.data ?? {} };
    byKey.set(key, pending);
    return pending;
  };
  for (const change of changes) {
    if (change.op === 'create') {
      byKey.set(change.key, { entity: change.entity, key: change.key, stored: null, data: apply({}, change.values) });
    } else if (change.target.kind === 'flow') {
      if (flowRecord === null) continue;
      flowRecord.data = apply(flowRecord.data, change.set);
      flowTouched = true;
    } else {
      const pending = await pendingOf(change.target.entity, change.target.key);
      pending.data = apply(pending.data, change.set);
    }
  }
  const context = { actor: input.actor, requestId: scope.requestId };
  let record = input.record;
  if (flowTouched && flowRecord?.stored) {
    const { data, version } = await validated(scope, input.app, input.actor, flowRecord);
    record = await scope.tx.records.update({ id: flowRecord.stored.id, expectedRevision: flowRecord.stored.revision, data, definitionVersion: version, ...context });
    // Files the actor uploaded for this step (a corrected document) become readable with the record.
    await linkAttachments(scope.tx, record, input.actor);
  }
  for (const [key, pending] of byKey) {
    const { data, version } = await validated(scope, input.app, input.actor, pending);
    if (pending.stored === null) {
      const made = await scope.tx.records.create({
        app: input.app, entity: pending.entity, definitionVersion: version, owner: input.owner, partnerOrg: input.record?.partnerOrg ?? null, data, ...context,
      });
      created[key] = made.id;
      await linkAttachments(scope.tx, made, input.actor);
    } else {
      const updated = await scope.tx.records.update({ id: pending.stored.id, expectedRevision: pending.stored.revision, data, definitionVersion: version, ...context });
      await linkAttachments(scope.tx, updated, input.actor);
    }
  }
  return { record, created };
}
