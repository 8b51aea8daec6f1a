import { describe, expect, it } from 'vitest';
import { createSchemaValidator } from '@trellis/schema-validator';
import { PUBLISHED_SCHEMAS } from './schemas.js';

type Schema = { $schema?: string; $id?: string; title?: string; description?: string; $defs?: Record<string, unknown> };
const schemas = PUBLISHED_SCHEMAS as Schema[];

describe('published schemas', () => {
  it('are draft 2020-12 with an $id naming kind and version, a title and a description', () => {
    for (const schema of schemas) {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toMatch(/^https:\/\/trellis\.dev\/schemas\/[a-z-]+\/v\d+\.json$/);
      expect(schema.title).toMatch(/^[A-Z]\w+$/);
      expect(schema.description?.length).toBeGreaterThan(20);
    }
    expect(new Set(schemas.map((s) => s.$id)).size).toBe(schemas.length);
  });

  it('each compile, with every definition in them, under Ajv 2020 full strict mode', () => {
    const validator = createSchemaValidator({ schemas: PUBLISHED_SCHEMAS, strict: true });
    const parts = schemas.flatMap((schema) => [
      schema.$id!,
      ...Object.keys(schema.$defs ?? {}).map((name) => `${schema.$id!}#/$defs/${name}`),
    ]);
    expect(parts.length).toBeGreaterThan(60);
    for (const ref of parts) {
      const codes = validator.compile({ $ref: ref })({}).map((p) => p.code);
      expect(codes, ref).not.toContain('SCHEMA_INVALID');
      expect(codes, ref).not.toContain('SCHEMA_UNRESOLVED_REF');
    }
  });
});
