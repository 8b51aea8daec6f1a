import {
  CURRENT_FORMAT_VERSIONS, validateDefinition,
  type AppTemplate, type DefinitionTypes, type EntityDefinition, type FlowDefinition, type PermissionDefinition, type ProgramDefinition, type RoleDefinition,
  type RuleDefinition, type SampleData,
} from '@trellis/definitions';
import { COLLECTIONS, type Collection } from './definitions.js';

/**
 * What the cross-reference checks work on. For a template that passed format validation that is
 * all of it; for one that did not, the definitions that are well-formed on their own, so one bad
 * definition does not hide the problems of the others. `known` holds every id the document names
 * (well-formed or not), so a reference to a malformed definition is not reported as unknown too.
 */
export interface TemplateIndex {
  readonly entities: readonly EntityDefinition[];
  readonly rules: readonly RuleDefinition[];
  readonly flows: readonly FlowDefinition[];
  readonly programs: readonly ProgramDefinition[];
  readonly permissions: readonly PermissionDefinition[];
  readonly roles: readonly RoleDefinition[];
  readonly sampleData: SampleData;
  /** the first well-formed entity of each id */
  readonly entityById: ReadonlyMap<string, EntityDefinition>;
  readonly known: Readonly<Record<Collection, ReadonlySet<string>>>;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function itemsOf(doc: JsonObject, collection: Collection): unknown[] {
  const items = doc[collection];
  return Array.isArray(items) ? items : [];
}

function knownIds(doc: JsonObject): Record<Collection, Set<string>> {
  const entries = COLLECTIONS.map((collection) => {
    const ids = itemsOf(doc, collection).flatMap((item) => (isObject(item) && typeof item.id === 'string' ? [item.id] : []));
    return [collection, new Set(ids)] as const;
  });
  return Object.fromEntries(entries) as Record<Collection, Set<string>>;
}

function wellFormed<K extends 'entity' | 'rule' | 'flow' | 'program' | 'permission'>(kind: K, items: unknown[]): DefinitionTypes[K][] {
  return items.flatMap((item) => {
    const result = validateDefinition(kind, item);
    return result.ok ? [result.value] : [];
  });
}

function isSampleData(value: unknown): value is SampleData {
  return isObject(value) && Object.values(value).every((records) => Array.isArray(records) && records.every(isObject));
}

function indexOf(parts: Omit<TemplateIndex, 'entityById' | 'known'>, doc: JsonObject): TemplateIndex {
  const entityById = new Map<string, EntityDefinition>();
  for (const entity of parts.entities) if (!entityById.has(entity.id)) entityById.set(entity.id, entity);
  return { ...parts, entityById, known: knownIds(doc) };
}

export function indexTemplate(template: AppTemplate): TemplateIndex {
  return indexOf(
    {
      entities: template.entities ?? [],
      rules: template.rules ?? [],
      flows: template.flows ?? [],
      programs: template.programs ?? [],
      permissions: template.permissions ?? [],
      roles: template.roles ?? [],
      sampleData: template.sampleData ?? {},
    },
    template as unknown as JsonObject,
  );
}

/**
 * The well-formed parts of a document that failed format validation. Only for documents in the
 * current format: the definitions inside an older bundle are in that bundle's format, and only the
 * bundle's migration (which needs the whole bundle to be valid) turns them into current ones.
 */
export function indexWellFormedParts(doc: unknown): TemplateIndex | null {
  if (!isObject(doc) || doc.formatVersion !== CURRENT_FORMAT_VERSIONS['app-template']) return null;
  return indexOf(
    {
      entities: wellFormed('entity', itemsOf(doc, 'entities')),
      rules: wellFormed('rule', itemsOf(doc, 'rules')),
      flows: wellFormed('flow', itemsOf(doc, 'flows')),
      programs: wellFormed('program', itemsOf(doc, 'programs')),
      permissions: wellFormed('permission', itemsOf(doc, 'permissions')),
      roles: itemsOf(doc, 'roles').filter((r): r is RoleDefinition => isObject(r) && typeof r.id === 'string'),
      sampleData: isSampleData(doc.sampleData) ? doc.sampleData : {},
    },
    doc,
  );
}
