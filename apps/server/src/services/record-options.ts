/**
 * Select options taken from another entity's records, named in the field's uiSchema as
 * `ui:options.optionsFrom: { entity, labelField }`. The value stored is the chosen record's id; the
 * options a user is offered, and the values they may submit, are the records of that entity they
 * may read, so a choice never reveals or refers to a record outside their scope.
 */
import { problem, type Problem } from '@trellis/errors';
import type { EntityDefinition } from '@trellis/definitions';
import { MAX_LIMIT, type JsonObject, type StorageReader } from '@trellis/storage';
import { allow, refuse, scopedQuery, viewOf, type RecordContext } from './records.js';

export interface OptionsFrom {
  readonly entity: string;
  readonly labelField: string;
}

export interface RecordOption {
  readonly value: string;
  readonly label: string;
}

/** How many options one request lists; typing in `q` narrows a longer list. */
export const OPTIONS_LIMIT = 200;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Published definitions are immutable: each is read once, not on every submission. */
const sourcesOf = new WeakMap<EntityDefinition, ReadonlyMap<string, OptionsFrom>>();

/** The top-level fields of a definition whose options come from another entity, by field name. */
export function optionSources(definition: EntityDefinition): ReadonlyMap<string, OptionsFrom> {
  let sources = sourcesOf.get(definition);
  if (sources === undefined) sourcesOf.set(definition, (sources = readSources(definition)));
  return sources;
}

function readSources(definition: EntityDefinition): Map<string, OptionsFrom> {
  const ui = (definition.ui as { uiSchema?: unknown } | undefined)?.uiSchema;
  const sources = new Map<string, OptionsFrom>();
  if (!isNode(ui)) return sources;
  for (const [field, fieldUi] of Object.entries(ui)) {
    const from = isNode(fieldUi) && isNode(fieldUi['ui:options']) ? fieldUi['ui:options'].optionsFrom : undefined;
    if (isNode(from) && typeof from.entity === 'string' && typeof from.labelField === 'string') {
      sources.set(field, { entity: from.entity, labelField: from.labelField });
    }
  }
  return sources;
}

export const optionProblems = {
  fieldNotFound: (entity: string, field: string) =>
    problem('RECORD_OPTION_FIELD_NOT_FOUND', 'field', {
      en: `The field "${field}" of "${entity}" takes no options from another entity`,
      'zh-CN': `“${entity}”的字段“${field}”没有来自其他实体的选项`,
    }, { entity, field }),
  badLabelField: (entity: string, field: string) =>
    problem('RECORD_OPTION_BAD_LABEL_FIELD', 'querystring.labelField', {
      en: `"${entity}" has no top-level field "${field}" to label options with`,
      'zh-CN': `“${entity}”没有可用作选项名称的顶层字段“${field}”`,
    }, { entity, field }),
  unknown: (path: string, entity: string, value: unknown) =>
    problem('RECORD_OPTION_UNKNOWN', path, {
      en: `"${String(value)}" is not a "${entity}" record you can choose`,
      'zh-CN': `“${String(value)}”不是可选择的“${entity}”记录`,
    }, { entity, value }),
};

function labelOf(ctx: RecordContext, from: OptionsFrom, record: Parameters<typeof viewOf>[1]): string {
  const label = viewOf(ctx, record).data[from.labelField];
  return typeof label === 'string' || typeof label === 'number' ? String(label) : record.id;
}

/** The options of `field` the actor may pick, whose label contains `q`, sorted by label. */
export async function listOptions(ctx: RecordContext, entityId: string, field: string, q?: string): Promise<RecordOption[]> {
  const from = optionSources(ctx.model.entity(entityId).definition).get(field);
  if (from === undefined) refuse([optionProblems.fieldNotFound(entityId, field)]);
  return listSourceOptions(ctx, from, q);
}

/**
 * The records of `from.entity` the actor may read as options labelled by `from.labelField`: what a
 * field with that `optionsFrom` offers, before any definition naming it is published (the studio's
 * preview of a draft).
 */
export async function listSourceOptions(ctx: RecordContext, from: OptionsFrom, q?: string): Promise<RecordOption[]> {
  allow(ctx, 'read', from.entity);
  const properties = (ctx.model.entity(from.entity).definition.schema as { properties?: Record<string, unknown> }).properties ?? {};
  if (!Object.hasOwn(properties, from.labelField)) refuse([optionProblems.badLabelField(from.entity, from.labelField)]);
  const page = await ctx.storage.read.records.list({
    ...scopedQuery(ctx, from.entity, 'read'),
    ...(q === undefined || q === '' ? {} : { filter: { in: [q, { var: from.labelField }] } }),
    limit: OPTIONS_LIMIT,
  });
  return page.items
    .map((record) => ({ value: record.id, label: labelOf(ctx, from, record) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The chosen values of `data` that are no record of the source entity the actor may read. */
export async function unknownOptions(reader: Pick<StorageReader, 'records'>, ctx: RecordContext, definition: EntityDefinition, data: JsonObject): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [field, from] of optionSources(definition)) {
    const value = data[field];
    const chosen = Array.isArray(value) ? value.map((v, i) => [`${field}.${i}`, v] as const) : value === undefined || value === null ? [] : [[field, value] as const];
    const found = await readableIds(reader, ctx, from.entity, chosen.map(([, id]) => id));
    for (const [path, id] of chosen) {
      if (typeof id !== 'string' || !found.has(id.toLowerCase())) problems.push(optionProblems.unknown(path, from.entity, id));
    }
  }
  return problems;
}

/**
 * Those of `ids` that are records of `entity` the actor may read, lower-cased as the database
 * writes uuids: one query a page of ids, not one an id.
 */
async function readableIds(reader: Pick<StorageReader, 'records'>, ctx: RecordContext, entity: string, ids: readonly unknown[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string').map((id) => id.toLowerCase()))];
  const found = new Set<string>();
  const query = scopedQuery(ctx, entity, 'read');
  for (let i = 0; i < wanted.length; i += MAX_LIMIT) {
    const batch = wanted.slice(i, i + MAX_LIMIT);
    const page = await reader.records.list({ ...query, filter: { in: [{ var: '$id' }, batch] }, columns: [], limit: batch.length });
    for (const record of page.items) found.add(record.id);
  }
  return found;
}
