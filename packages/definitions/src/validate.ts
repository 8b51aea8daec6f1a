/**
 * Format validation of definitions: a document in an older format version is checked against
 * that version's schema (so problems name places in what the admin wrote), migrated step by step,
 * then checked against the current schema.
 */
import { fail, ok, type Problem, type Result } from '@trellis/errors';
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

export function validateDefinition<K extends DefinitionKind>(kind: K, doc: unknown): Result<DefinitionTypes[K]> {
  const current = CURRENT_FORMAT_VERSIONS[kind];
  const version = isObject(doc) ? doc.formatVersion : undefined;
  let migrated = doc;
  // Without a numeric formatVersion there is nothing to migrate: the current schema says what is wrong.
  if (isObject(doc) && typeof version === 'number' && version !== current) {
    const steps = migrationPath(kind, version, current);
    if (steps === undefined) return fail([definitionProblems.unsupportedVersion(kind, version, supportedVersions(kind))]);
    if (isPublished(kind, version)) {
      const problems = checkerFor(kind, version)(doc);
      if (problems.length > 0) return fail(problems);
    }
    migrated = applyMigrations(doc, steps);
  }
  const problems: readonly Problem[] = checkerFor(kind, current)(migrated);
  return problems.length > 0 ? fail(problems) : ok(migrated as DefinitionTypes[K]);
}

/** Reads an app template of any supported format version into the current one. */
export function loadAppTemplate(json: unknown): Result<AppTemplate> {
  return validateDefinition('app-template', json);
}
