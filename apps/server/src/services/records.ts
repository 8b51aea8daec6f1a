/**
 * Records through the same path for every caller (routes, imports): permission first (deny by
 * default), then the form runtime — the validation the browser runs — then storage. Metadata
 * (owner, partner organisation, revision, timestamps) is set here and in storage, never taken from
 * the submission. A record outside the caller's scope answers "not found", exactly like a record
 * that does not exist, so ids of other organisations cannot be probed.
 */
import { TrellisError, type Problem } from '@trellis/errors';
import { mayStartOn } from '@trellis/flow';
import { getFormRuntime } from '@trellis/forms';
import type { PermissionAction, RecordMeta } from '@trellis/permissions';
import type {
  AuditPage, JsonObject, RecordCreate, RecordListQuery, Rule, SortKey, Storage, StorageReader, StorageTx, StoredRecord,
} from '@trellis/storage';
import { flowScope } from '../flows/scope.js';
import { flowsOnRecordWrite } from '../flows/triggers.js';
import { formUser, type Actor } from './actor.js';
import { attachmentRefs, linkAttachments } from './attachments.js';
import type { AppModel, PublishedEntity } from './app-model.js';
import { listableFields } from './declared-fields.js';
import { typedSortKeys } from './list-indexes.js';
import { serviceProblems } from './problems.js';
import { formTime } from './form-time.js';
import { unknownOptions } from './record-options.js';

export interface RecordContext {
  readonly storage: Storage;
  readonly model: AppModel;
  readonly actor: Actor;
  readonly now: Date;
  readonly requestId?: string | null;
}

/** A record as the caller may see it: metadata and the readable part of its data. */
export type RecordView = Omit<StoredRecord, 'app'>;

export function refuse(problems: readonly Problem[]): never {
  const [first, ...rest] = problems;
  if (first === undefined) throw new Error('refuse needs a problem');
  throw new TrellisError([first, ...rest]);
}

export function allow(ctx: Pick<RecordContext, 'model' | 'actor'>, action: PermissionAction, entity: string): void {
  if (!ctx.model.permissions.can(ctx.actor, action, entity)) refuse([serviceProblems.forbidden(action, entity)]);
}

export function metaOf(record: StoredRecord): RecordMeta {
  const { data: _data, app: _app, ...meta } = record;
  return meta;
}

export function viewOf(ctx: Pick<RecordContext, 'model' | 'actor'>, record: StoredRecord, action: 'read' | 'export' = 'read'): RecordView {
  const { app: _app, data, ...meta } = record;
  return { ...meta, data: ctx.model.permissions.readableView(ctx.actor, record.entity, data, { meta, action }) };
}

/** The storage query for the records the actor may do `action` to (the scope has the user bound in). */
export function scopedQuery(ctx: Pick<RecordContext, 'model' | 'actor'>, entity: string, action: PermissionAction) {
  const scope = ctx.model.permissions.scopeFor(ctx.actor, entity, action);
  return { app: ctx.model.app, entity, ...(scope === true ? {} : { scope }) };
}

/** The record when it exists and is in the actor's scope for `action`; else RECORD_NOT_FOUND. */
async function findInScope(reader: Pick<StorageReader, 'records'>, ctx: RecordContext, entity: string, id: string, action: PermissionAction) {
  const found = await reader.records.get(id, scopedQuery(ctx, entity, action));
  if (found === null) refuse([serviceProblems.recordNotFound(id)]);
  return found;
}

/** Runs a submission through the entity's form; the form's problems (422) when it fails. */
export function runForm(ctx: Pick<RecordContext, 'actor' | 'now'>, entity: PublishedEntity, submission: unknown, previous?: JsonObject) {
  return getFormRuntime(entity.definition).process(submission, {
    ...formTime(ctx.now),
    user: formUser(ctx.actor),
    ...(previous === undefined ? {} : { previous }),
  });
}

/**
 * A new record's data, checked: through the form, then the actor's write permission on the
 * result (fields the actor may not set, a record outside the scope they may create in).
 * Returns the problems instead of throwing, so an import can report them row by row.
 */
export function checkNewRecord(ctx: RecordContext, entity: PublishedEntity, submission: unknown, action: 'create' | 'import'):
  { ok: true; data: JsonObject } | { ok: false; problems: readonly Problem[] } {
  const processed = runForm(ctx, entity, submission);
  if (!processed.ok) return { ok: false, problems: processed.errors };
  const data = processed.record as JsonObject;
  const meta = { owner: ctx.actor.id, partnerOrg: ctx.actor.partnerOrg };
  const denied = ctx.model.permissions.checkWritable(ctx.actor, entity.definition.id, null, data, { meta, action });
  return denied.length > 0 ? { ok: false, problems: denied } : { ok: true, data };
}

/**
 * What storage needs to create a checked record; owner and partner organisation are the actor's.
 * The files the record refers to are linked to it in the same statement (see linkAttachments).
 */
function newRecord(ctx: RecordContext, entity: PublishedEntity, data: JsonObject): RecordCreate {
  return {
    app: entity.app,
    entity: entity.definition.id,
    definitionVersion: entity.version,
    owner: ctx.actor.id,
    partnerOrg: ctx.actor.partnerOrg,
    data,
    actor: ctx.actor.id,
    requestId: ctx.requestId ?? null,
    attachmentIds: [...attachmentRefs(data)],
  };
}

/** Stores a checked new record inside `tx`. */
export function insertChecked(tx: StorageTx, ctx: RecordContext, entity: PublishedEntity, data: JsonObject): Promise<StoredRecord> {
  return tx.records.create(newRecord(ctx, entity, data));
}

export async function createRecord(ctx: RecordContext, entityId: string, submission: unknown): Promise<RecordView> {
  allow(ctx, 'create', entityId);
  const entity = ctx.model.entity(entityId);
  const checked = checkNewRecord(ctx, entity, submission, 'create');
  if (!checked.ok) refuse(checked.problems);
  refuseAll(await unknownOptions(ctx.storage.read, ctx, entity.definition, checked.data));
  const flows = ctx.model.flowsOn(entityId).filter((flow) => mayStartOn(flow.definition, 'created'));
  // No flow can start: the record, its audit entry and the links of its files are one atomic
  // statement, no transaction needed. Otherwise flows whose start trigger fires begin in the same
  // transaction as the write.
  const created = flows.length === 0
    ? await ctx.storage.createRecord(newRecord(ctx, entity, checked.data))
    : await ctx.storage.transaction(async (tx) => {
      const stored = await insertChecked(tx, ctx, entity, checked.data);
      return flowsOnRecordWrite(flowScope(tx, ctx), { kind: 'created', before: null, record: stored, actor: ctx.actor.id }, flows);
    });
  return viewOf(ctx, created);
}

export async function getRecord(ctx: RecordContext, entityId: string, id: string): Promise<RecordView> {
  allow(ctx, 'read', entityId);
  ctx.model.entity(entityId);
  return viewOf(ctx, await findInScope(ctx.storage.read, ctx, entityId, id, 'read'));
}

/**
 * Replaces a record's data. `revision` is the one the client read: a record changed since then is
 * refused with 409 instead of being overwritten. The update goes through the entity's current
 * published form and records the version it was made with.
 */
export async function updateRecord(ctx: RecordContext, entityId: string, id: string, submission: unknown, revision: number | undefined): Promise<RecordView> {
  allow(ctx, 'update', entityId);
  if (revision === undefined) refuse([serviceProblems.revisionRequired()]);
  const entity = ctx.model.entity(entityId);
  const updated = await ctx.storage.transaction(async (tx) => {
    const stored = await findInScope(tx, ctx, entityId, id, 'update');
    if (stored.revision !== revision) refuse([serviceProblems.staleRevision(revision, stored.revision)]);
    const processed = runForm(ctx, entity, submission, stored.data);
    if (!processed.ok) refuse(processed.errors);
    const data = processed.record as JsonObject;
    refuseAll(await unknownOptions(tx, ctx, entity.definition, data));
    refuseAll(ctx.model.permissions.checkWritable(ctx.actor, entityId, stored.data, data, { meta: metaOf(stored), action: 'update' }));
    const written = await tx.records.update({
      id, expectedRevision: revision, data, definitionVersion: entity.version, actor: ctx.actor.id, requestId: ctx.requestId ?? null,
    });
    await linkAttachments(tx, written, ctx.actor.id);
    return flowsOnRecordWrite(flowScope(tx, ctx), { kind: 'updated', before: stored.data, record: written, actor: ctx.actor.id }, ctx.model.flowsOn(entityId));
  });
  return viewOf(ctx, updated);
}

function refuseAll(problems: readonly Problem[]): void {
  if (problems.length > 0) refuse(problems);
}

export async function deleteRecord(ctx: RecordContext, entityId: string, id: string, revision: number | undefined): Promise<void> {
  allow(ctx, 'delete', entityId);
  if (revision === undefined) refuse([serviceProblems.revisionRequired()]);
  ctx.model.entity(entityId);
  await ctx.storage.transaction(async (tx) => {
    const stored = await findInScope(tx, ctx, entityId, id, 'delete');
    if (stored.revision !== revision) refuse([serviceProblems.staleRevision(revision, stored.revision)]);
    await tx.records.delete({ id, expectedRevision: revision, actor: ctx.actor.id, requestId: ctx.requestId ?? null });
  });
}

export interface ListRequest {
  readonly filter?: Rule;
  readonly sort?: readonly SortKey[];
  readonly after?: string | null;
  readonly limit?: number;
  readonly columns?: readonly string[];
}

/** One page of the records the actor may read; storage ANDs the filter with the actor's scope. */
export async function listRecords(ctx: RecordContext, entityId: string, request: ListRequest, action: 'read' | 'export' = 'read') {
  allow(ctx, action, entityId);
  const entity = ctx.model.entity(entityId);
  const query: RecordListQuery = {
    ...scopedQuery(ctx, entityId, action),
    fields: listableFields(entity.definition, ctx.model.permissions.readableEverywhere(ctx.actor, entityId, action)),
    ...(request.filter === undefined ? {} : { filter: request.filter }),
    ...(request.sort === undefined ? {} : { sort: typedSortKeys(entity.definition, request.sort) }),
    ...(request.after === undefined ? {} : { after: request.after }),
    ...(request.limit === undefined ? {} : { limit: request.limit }),
    ...(request.columns === undefined ? {} : { columns: request.columns }),
  };
  const page = await ctx.storage.read.records.list(query);
  return { items: page.items.map((record) => viewOf(ctx, record, action)), nextCursor: page.nextCursor };
}

/** Every record the actor may export (all pages), for CSV and XLSX exports. */
export async function* exportableRecords(ctx: RecordContext, entityId: string, request: Omit<ListRequest, 'after' | 'limit'>): AsyncGenerator<RecordView> {
  let after: string | null = null;
  do {
    const page = await listRecords(ctx, entityId, { ...request, after, limit: 500 }, 'export');
    yield* page.items;
    after = page.nextCursor;
  } while (after !== null);
}

/** The audit trail of one record the actor may read, newest first, reduced to what they may read. */
export async function recordHistory(ctx: RecordContext, entityId: string, id: string, after?: string | null): Promise<AuditPage> {
  allow(ctx, 'read', entityId);
  ctx.model.entity(entityId);
  await findInScope(ctx.storage.read, ctx, entityId, id, 'read');
  const page = await ctx.storage.read.audit.list({ recordId: id, ...(after === undefined ? {} : { after }) });
  // before/after are whole stored records
  const reduce = (value: unknown) => {
    const record = value as StoredRecord | null;
    return record === null || typeof record !== 'object' || typeof record.data !== 'object' ? value : viewOf(ctx, record);
  };
  return { ...page, items: page.items.map((e) => ({ ...e, before: reduce(e.before) as never, after: reduce(e.after) as never })) };
}
