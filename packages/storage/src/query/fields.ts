import { lookupVar, type JsonValue } from '@trellis/rules';
import { storageError, storageProblems } from '../problems.js';
import type { Params } from './params.js';

/** Metadata column types decide how literals are cast when compared with them. */
export type MetaType = 'text' | 'uuid' | 'timestamptz' | 'integer';

export interface MetaField {
  readonly kind: 'meta';
  readonly column: string;
  readonly type: MetaType;
  readonly nullable: boolean;
}

/** A path into `data`: `sqlPath` is a text[] literal or parameter for #> / #>>. */
export interface DataField {
  readonly kind: 'data';
  readonly sqlPath: string;
}

export type FieldRef = MetaField | DataField;

const META: Readonly<Record<string, MetaField>> = {
  $id: { kind: 'meta', column: 'id', type: 'uuid', nullable: false },
  $owner: { kind: 'meta', column: 'owner', type: 'text', nullable: true },
  $partnerOrg: { kind: 'meta', column: 'partner_org', type: 'text', nullable: true },
  $createdAt: { kind: 'meta', column: 'created_at', type: 'timestamptz', nullable: false },
  $updatedAt: { kind: 'meta', column: 'updated_at', type: 'timestamptz', nullable: false },
  $createdBy: { kind: 'meta', column: 'created_by', type: 'text', nullable: false },
  $updatedBy: { kind: 'meta', column: 'updated_by', type: 'text', nullable: false },
  $revision: { kind: 'meta', column: 'revision', type: 'integer', nullable: false },
  $definitionVersion: { kind: 'meta', column: 'definition_version', type: 'integer', nullable: false },
};

export const META_FIELDS = Object.keys(META);

/** A FieldPath segment (docs/formats.md): safe to write into SQL text, which lets indexes match. */
export const SAFE_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isSafePath(path: string): boolean {
  return path.length > 0 && path.length <= 256 && path.split('.').every((s) => SAFE_SEGMENT.test(s));
}

/** The text[] literal of a safe path, e.g. '{address,city}' — the form index expressions use. */
export function pathLiteral(path: string): string {
  return `'{${path.split('.').join(',')}}'`;
}

export function jsonExpr(field: DataField): string {
  return `(data #> ${field.sqlPath})`;
}

export function textExpr(field: DataField): string {
  return `(data #>> ${field.sqlPath})`;
}

/** NULL unless the value is a JSON number, so a string in the field never breaks the cast. */
export function numericExpr(field: DataField): string {
  return `(CASE WHEN jsonb_typeof(data #> ${field.sqlPath}) = 'number' THEN (data #>> ${field.sqlPath})::numeric END)`;
}

export type Resolved = { readonly kind: 'field'; readonly field: FieldRef } | { readonly kind: 'value'; readonly value: JsonValue };

const bad = (at: string, en: string, zh: string) => storageError(storageProblems.badFilter(at, { en, 'zh-CN': zh }));

/** What a var path may name besides metadata: caller variables, and (when known) the entity's data paths. */
export interface PathNames {
  readonly params: Params;
  readonly vars?: Readonly<Record<string, JsonValue>> | undefined;
  readonly declared?: ReadonlySet<string> | undefined;
}

export const unknownField = (at: string, path: string) => bad(at, `unknown field "${path}"`, `未知字段「${path}」`);

/** `path` is declared, or lies inside an array element of a declared path (`contacts.0.name`). */
export function isDeclared(declared: ReadonlySet<string>, path: string): boolean {
  if (declared.has(path)) return true;
  const segments = path.split('.');
  for (let i = segments.length - 1; i > 0; i--) {
    if (/^\d+$/.test(segments[i] ?? '') && declared.has(segments.slice(0, i).join('.'))) return true;
  }
  return false;
}

/**
 * A var path: metadata pseudo-field, a caller variable (`$user.regions`, resolved to a value), or a
 * data path. Safe data paths are written into the SQL (so expression indexes match); any other
 * name still works, as a parameter.
 */
export function resolvePath(path: string, at: string, names: PathNames): Resolved {
  const meta = META[path];
  if (meta !== undefined) return { kind: 'field', field: meta };
  const { params, vars, declared } = names;
  if (path.startsWith('$')) {
    const [head = '', ...rest] = path.split('.');
    if (vars === undefined || !Object.prototype.hasOwnProperty.call(vars, head)) throw unknownField(at, path);
    const value = rest.length === 0 ? vars[head] : lookupVar(vars[head], rest.join('.'), null);
    return { kind: 'value', value: (value ?? null) as JsonValue };
  }
  if (path === '') throw bad(at, 'a field name is required', '缺少字段名');
  if (declared !== undefined && !isDeclared(declared, path)) throw unknownField(at, path);
  const sqlPath = isSafePath(path) ? pathLiteral(path) : params.add(path.split('.'), 'text[]');
  return { kind: 'field', field: { kind: 'data', sqlPath } };
}
