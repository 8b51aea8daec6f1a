/**
 * Generates the TypeScript types of the definition formats from the published JSON Schemas, so the
 * types can never drift from what validation accepts. `pnpm gen:types` writes
 * `packages/definitions/src/generated/`; a test checks that regenerating yields the committed files.
 *
 * json-schema-to-typescript would inline every type another schema file refers to (and could try
 * to fetch `https://trellis.dev/...`), so each cross-file `$ref` is first replaced by the target's
 * `title` and an import of the generated file declaring it. Every schema part referred to across
 * files therefore needs a `title`.
 */
import { readFileSync, readdirSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaObject = { [key: string]: Json };

const ID_PATTERN = /^https:\/\/trellis\.dev\/schemas\/([a-z-]+)\/v(\d+)\.json$/;

interface SchemaFile {
  readonly id: string;
  readonly module: string;
  readonly schema: SchemaObject;
}

/** `entity` for the newest version of a kind, `app-template.v1` for an older one (as in schemas/). */
function moduleNames(schemas: readonly SchemaObject[]): SchemaFile[] {
  const parsed = schemas.map((schema) => {
    const match = ID_PATTERN.exec(String(schema.$id));
    if (!match) throw new Error(`schema $id ${String(schema.$id)} is not https://trellis.dev/schemas/<kind>/v<N>.json`);
    return { id: String(schema.$id), kind: match[1]!, version: Number(match[2]), schema };
  });
  const newest = new Map<string, number>();
  for (const { kind, version } of parsed) newest.set(kind, Math.max(version, newest.get(kind) ?? 0));
  return parsed.map(({ id, kind, version, schema }) => ({
    id,
    schema,
    module: version === newest.get(kind) ? kind : `${kind}.v${version}`,
  }));
}

function resolvePointer(schema: SchemaObject, pointer: string): Json | undefined {
  let node: Json | undefined = schema;
  for (const part of pointer.split('/').filter((p) => p !== '')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined;
  }
  return node;
}

/**
 * A `oneOf`/`anyOf` whose branches only say which properties must be present (`required`, with
 * `properties: {name: true}` for ajv's strictRequired): a constraint, not a shape, so no types.
 */
function isPresenceOnly(key: string, value: Json): boolean {
  const presence = (branch: Json): boolean =>
    branch !== null &&
    typeof branch === 'object' &&
    !Array.isArray(branch) &&
    Object.entries(branch).every(
      ([k, v]) =>
        k === 'required' ||
        (k === 'properties' && v !== null && typeof v === 'object' && Object.values(v).every((p) => p === true)),
    );
  return (key === 'oneOf' || key === 'anyOf') && Array.isArray(value) && value.every(presence);
}

/** The schema with cross-file `$ref`s turned into named types, and the imports those need. */
function withNamedRefs(file: SchemaFile, byId: ReadonlyMap<string, SchemaFile>): { schema: SchemaObject; imports: Map<string, Set<string>> } {
  const imports = new Map<string, Set<string>>();
  const rewrite = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== 'object') return node;
    const out: SchemaObject = {};
    const localRef = typeof node.$ref === 'string' && node.$ref.startsWith('#');
    for (const [key, value] of Object.entries(node)) {
      if (isPresenceOnly(key, value)) continue;
      // an annotation next to a local $ref would make json-schema-to-typescript declare a copy (`Name1`)
      if (localRef && key === 'description') continue;
      const ref = key === '$ref' && typeof value === 'string' ? value : undefined;
      const [target, pointer = ''] = ref?.split('#') ?? [];
      if (ref === undefined || target === '' || target === undefined) {
        out[key] = rewrite(value);
        continue;
      }
      const other = byId.get(target);
      const referred = other && resolvePointer(other.schema, pointer);
      const title = referred && typeof referred === 'object' && !Array.isArray(referred) ? referred.title : undefined;
      if (!other || typeof title !== 'string') throw new Error(`${file.id}: $ref ${ref} needs a titled target`);
      if (other !== file) {
        const names = imports.get(other.module) ?? new Set<string>();
        imports.set(other.module, names.add(title));
      }
      out.tsType = title;
    }
    return out;
  };
  return { schema: rewrite(file.schema) as SchemaObject, imports };
}

function banner(file: SchemaFile, imports: Map<string, Set<string>>): string {
  const lines = [
    '/* eslint-disable */',
    '/**',
    ` * GENERATED from the published schema ${file.id}`,
    ' * by packages/definitions/scripts/generate-types.ts. Do not edit: change the schema and run `pnpm gen:types`.',
    ' */',
  ];
  for (const module of [...imports.keys()].sort()) {
    const names = [...imports.get(module)!].sort().join(', ');
    lines.push(`import type { ${names} } from './${module}.js';`);
  }
  return lines.join('\n');
}

/** Generated file name (relative to src/generated) → content, for the given published schemas. */
export async function generateTypes(schemas: readonly object[]): Promise<Record<string, string>> {
  const files = moduleNames(schemas as SchemaObject[]);
  const byId = new Map(files.map((file) => [file.id, file]));
  const out: Record<string, string> = {};
  for (const file of [...files].sort((a, b) => a.module.localeCompare(b.module))) {
    const { schema, imports } = withNamedRefs(file, byId);
    out[`${file.module}.ts`] = await compile(schema as JSONSchema, String(file.schema.title), {
      bannerComment: banner(file, imports),
      unreachableDefinitions: true,
      ignoreMinAndMaxItems: true,
      style: { singleQuote: true, printWidth: 120, bracketSpacing: true },
      $refOptions: { resolve: { external: false } },
    });
  }
  out['index.ts'] =
    '/** GENERATED by packages/definitions/scripts/generate-types.ts. Do not edit: run `pnpm gen:types`. */\n' +
    Object.keys(out)
      .map((name) => `export type * from './${name.replace(/\.ts$/, '.js')}';\n`)
      .join('');
  return out;
}

const here = dirname(fileURLToPath(import.meta.url));
export const SCHEMAS_DIR = join(here, '../../../schemas');
export const GENERATED_DIR = join(here, '../src/generated');

export function readPublishedSchemas(dir = SCHEMAS_DIR): object[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.schema.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as object);
}

async function main(): Promise<void> {
  const generated = await generateTypes(readPublishedSchemas());
  rmSync(GENERATED_DIR, { recursive: true, force: true });
  mkdirSync(GENERATED_DIR, { recursive: true });
  for (const [name, content] of Object.entries(generated)) writeFileSync(join(GENERATED_DIR, name), content);
  console.log(`wrote ${Object.keys(generated).length} files to ${GENERATED_DIR}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
