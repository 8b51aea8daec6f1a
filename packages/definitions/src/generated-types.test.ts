import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, generateTypes, readPublishedSchemas } from '../scripts/generate-types.js';
import { PUBLISHED_SCHEMAS } from './schemas.js';

describe('generated types', () => {
  it('are exactly what regenerating from the published schemas yields', async () => {
    const generated = await generateTypes(readPublishedSchemas());
    const committed = Object.fromEntries(
      readdirSync(GENERATED_DIR).map((name) => [name, readFileSync(join(GENERATED_DIR, name), 'utf8')]),
    );
    expect(Object.keys(committed).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, content] of Object.entries(generated)) expect(committed[name], name).toBe(content);
  });

  it('come from every schema file, and the package bundles every schema file', () => {
    const onDisk = readPublishedSchemas().map((schema) => (schema as { $id: string }).$id).sort();
    expect(PUBLISHED_SCHEMAS.map((schema) => (schema as { $id: string }).$id).sort()).toEqual(onDisk);
  });

  it('declare the names the other packages use, each once', async () => {
    const generated = await generateTypes(readPublishedSchemas());
    const declared = Object.values(generated).flatMap((content) =>
      [...content.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]),
    );
    expect(new Set(declared).size).toBe(declared.length);
    for (const name of [
      'LocalizedText', 'RuleExpression', 'RuleDefinition', 'DecisionTable', 'DecisionTableCell', 'EntityDefinition',
      'FlowDefinition', 'FlowNode', 'FlowEdge', 'ProgramDefinition', 'PermissionDefinition', 'AppTemplate', 'AppTemplateV1',
    ]) {
      expect(declared).toContain(name);
    }
    expect(generated['rule.ts']).toContain('export type RuleExpression = JsonValue;');
  });
});
