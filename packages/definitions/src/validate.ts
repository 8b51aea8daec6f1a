/**
 * Format validation of definitions: a document in an older format version is checked against
 * that version's schema (so problems name places in what the admin wrote), migrated step by step,
 * then checked against the current schema. An app template's embedded definitions go the same way,
 * each by its own formatVersion.
 */
import { fail, ok, problemsUnder, type Problem, type Result } from '@trellis/errors';
import { createSchemaValidator, type ValidateFunction } from '@trellis/schema-validator';
import { CURRENT_FORMAT_VERSIONS, type DefinitionKind, type DefinitionTypes } from './kinds.js';
import { applyMigrations, migrationPath, MIGRATIONS } from './migrations/registry.js';
import type { JsonObject } from './migrations/migration.js';
import { definitionProblems } from './problems.js';
import { isPublished, PUBLISHED_SCHEMAS, schemaId } from './schemas.js';
import type { AppTemplate } from './generated/index.js';

let validator: ReturnType<typeof createSchemaValidator> | undefined;
const compiled = new Map<string, ValidateFunction>();

/** The compiled check of one published schema, compiled on first use and kept. */
function checkerFor(kind: string, formatVersion: number): ValidateFunction {
  const id = schemaId(kind, formatVersion);
  let check = compiled.get(id);
  if (check === undefined) {
    validator ??= createSchemaValidator({ schemas: PUBLISHED_SCHEMAS, strict: true });
    check = validator.compile({ $ref: id });
    compiled.set(id, check);
  }
  return check;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The versions a document of this kind may have: the current one and every one migrating to it. */
export function supportedVersions(kind: DefinitionKind): number[] {
  const current = CURRENT_FORMAT_VERSIONS[kind];
  const older = MIGRATIONS.filter((m) => m.kind === kind && migrationPath(kind, m.from, current) !== undefined);
  return [...new Set([...older.map((m) => m.from), current])].sort((a, b) => a - b);
}

/** The definitions an app template embeds, by the kind of each collection's items. */
const EMBEDDED: readonly (readonly [string, DefinitionKind])[] = [
  ['entities', 'entity'],
  ['rules', 'rule'],
  ['flows', 'flow'],
  ['programs', 'program'],
  ['permissions', 'permission'],
];

/**
 * The document in the current format version of its kind: checked against its own version's
 * schema (so problems name places in what was written) and migrated step by step. Not yet checked
 * against the current schema. A document without a numeric formatVersion is returned as it is.
 */
function upgrade(kind: DefinitionKind, doc: unknown): Result<unknown> {
  const current = CURRENT_FORMAT_VERSIONS[kind];
  const version = isObject(doc) ? doc.formatVersion : undefined;
  // Without a numeric formatVersion there is nothing to migrate: the current schema says what is wrong.
  if (!isObject(doc) || typeof version !== 'number' || version === current) return ok(doc);
  const steps = migrationPath(kind, version, current);
  if (steps === undefined) return fail([definitionProblems.unsupportedVersion(kind, version, supportedVersions(kind))]);
  if (isPublished(kind, version)) {
    const problems = checkerFor(kind, version)(doc);
    if (problems.length > 0) return fail(problems);
  }
  return ok(applyMigrations(doc, steps));
}

/**
 * Each definition an app template embeds, upgraded the same way: a bundle exported before one of
 * its kinds changed format keeps loading. Problems are placed at the definition (`programs.2…`).
 */
function upgradeEmbedded(template: unknown): Result<unknown> {
  if (!isObject(template)) return ok(template);
  const problems: Problem[] = [];
  const out: JsonObject = { ...template };
  for (const [collection, kind] of EMBEDDED) {
    const items = template[collection];
    if (!Array.isArray(items)) continue;
    out[collection] = items.map((item: unknown, i) => {
      const upgraded = upgrade(kind, item);
      if (upgraded.ok) return upgraded.value;
      problems.push(...problemsUnder(`${collection}.${i}`, upgraded.problems));
      return item;
    });
  }
  return problems.length > 0 ? fail(problems) : ok(out);
}

export function validateDefinition<K extends DefinitionKind>(kind: K, doc: unknown): Result<DefinitionTypes[K]> {
  let upgraded = upgrade(kind, doc);
  if (upgraded.ok && kind === 'app-template') upgraded = upgradeEmbedded(upgraded.value);
  if (!upgraded.ok) return upgraded;
  const problems: readonly Problem[] = checkerFor(kind, CURRENT_FORMAT_VERSIONS[kind])(upgraded.value);
  return problems.length > 0 ? fail(problems) : ok(upgraded.value as DefinitionTypes[K]);
}

/** Reads an app template of any supported format version into the current one. */
export function loadAppTemplate(json: unknown): Result<AppTemplate> {
  return validateDefinition('app-template', json);
}
