import { evaluateReference, type JsonValue, type Rule } from '@trellis/rules';
import { storageError, storageProblems } from '../problems.js';
import { jsonExpr, numericExpr, resolvePath, textExpr, type DataField, type FieldRef, type MetaField, type PathNames } from './fields.js';

/**
 * JSON Logic conditions translated to one SQL boolean over `records`. Every value becomes a
 * parameter. Leaves stay plain comparisons (NULL when the field is missing, which WHERE treats as
 * false) so expression indexes apply; negations use IS NOT TRUE so a missing field never turns
 * "not equal" into "unknown". Values compare by their JSON type: numbers numerically, strings
 * as text, booleans and null as JSON.
 */
export type FilterContext = PathNames;

type Operand = { kind: 'field'; field: FieldRef } | { kind: 'value'; value: JsonValue };

const COMPARISONS = ['==', '===', '!=', '!==', '<', '<=', '>', '>='] as const;
type Comparison = (typeof COMPARISONS)[number];
const FLIP: Record<Comparison, Comparison> = {
  '==': '==', '===': '===', '!=': '!=', '!==': '!==', '<': '>', '<=': '>=', '>': '<', '>=': '<=',
};

function bad(at: string, en: string, zh: string): Error {
  return storageError(storageProblems.badFilter(at, { en, 'zh-CN': zh }));
}

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function truthy(value: JsonValue): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

const bool = (b: boolean) => (b ? 'TRUE' : 'FALSE');
const not = (sql: string) => `((${sql}) IS NOT TRUE)`;

function argsOf(value: JsonValue): JsonValue[] {
  return Array.isArray(value) ? value : [value];
}

/** A value with no operation inside (arrays of values included). */
function isPlainValue(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.every(isPlainValue);
  return !isObject(value);
}

function operand(node: JsonValue, at: string, ctx: FilterContext): Operand {
  if (isObject(node)) {
    const keys = Object.keys(node);
    if (keys.length === 1 && keys[0] === 'var') {
      const arg = node.var;
      const path = Array.isArray(arg) && arg.length === 1 ? arg[0] : arg;
      if (typeof path !== 'string') {
        throw bad(`${at}.var`, 'var takes one field name (defaults are not supported here)', 'var 只接受一个字段名（此处不支持默认值）');
      }
      return resolvePath(path, `${at}.var`, ctx);
    }
    throw bad(at, 'only fields and values can be compared here', '此处只能比较字段和值');
  }
  if (!isPlainValue(node)) throw bad(at, 'only fields and values can be compared here', '此处只能比较字段和值');
  return { kind: 'value', value: node };
}

function isNull(field: FieldRef): string {
  if (field.kind === 'meta') return `(${field.column} IS NULL)`;
  return `(${jsonExpr(field)} IS NULL OR ${jsonExpr(field)} = 'null'::jsonb)`;
}

function metaCast(field: MetaField, value: JsonValue, at: string, ctx: FilterContext): string | null {
  switch (field.type) {
    case 'integer':
      if (typeof value !== 'number') throw bad(at, 'this field compares with numbers', '该字段只能与数字比较');
      return ctx.params.add(value, 'numeric');
    case 'timestamptz':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
        throw bad(at, 'this field compares with ISO dates', '该字段只能与 ISO 日期比较');
      }
      return ctx.params.add(new Date(value).toISOString(), 'timestamptz');
    case 'uuid':
      if (typeof value !== 'string') throw bad(at, 'this field compares with ids', '该字段只能与 id 比较');
      // Not a uuid: no record has it, and the cast would fail.
      return UUID.test(value) ? ctx.params.add(value, 'uuid') : null;
    case 'text':
      if (typeof value !== 'string') throw bad(at, 'this field compares with text', '该字段只能与文本比较');
      return ctx.params.add(value, 'text');
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The positive comparison (=, <, …) of a field with a value; FALSE when no record can match. */
function positive(field: FieldRef, op: '=' | '<' | '<=' | '>' | '>=', strict: boolean, value: JsonValue, at: string, ctx: FilterContext): string {
  if (value === null) {
    if (op !== '=') throw bad(at, 'null cannot be ordered', 'null 不能比较大小');
    return isNull(field);
  }
  if (field.kind === 'meta') {
    const param = metaCast(field, value, at, ctx);
    return param === null ? 'FALSE' : `(${field.column} ${op} ${param})`;
  }
  return dataComparison(field, op, strict, value, at, ctx);
}

function dataComparison(field: DataField, op: '=' | '<' | '<=' | '>' | '>=', strict: boolean, value: JsonValue, at: string, ctx: FilterContext): string {
  if (typeof value === 'number') return `(${numericExpr(field)} ${op} ${ctx.params.add(value, 'numeric')})`;
  if (typeof value === 'string') {
    const compare = `(${textExpr(field)} ${op} ${ctx.params.add(value, 'text')})`;
    // Loose equality keeps 5 == "5" (as JSON Logic does); strict and ordering need a string.
    return op === '=' && !strict ? compare : `(${compare} AND jsonb_typeof(${jsonExpr(field)}) = 'string')`;
  }
  if (typeof value === 'boolean' && op === '=') return `(${jsonExpr(field)} = ${ctx.params.add(JSON.stringify(value), 'jsonb')})`;
  throw bad(at, 'lists, objects and booleans cannot be ordered or compared here', '列表、对象和布尔值不能在此比较');
}

function compare(op: Comparison, left: Operand, right: Operand, at: string, ctx: FilterContext): string {
  if (left.kind === 'value' && right.kind === 'value') {
    return bool(truthy(evaluateReference({ [op]: [left.value, right.value] })));
  }
  if (left.kind === 'field' && right.kind === 'field') {
    throw bad(at, 'two fields cannot be compared; compare a field with a value', '不能比较两个字段，请将字段与值比较');
  }
  const [field, value, effective] =
    left.kind === 'field' ? [left.field, (right as { value: JsonValue }).value, op] : [(right as { field: FieldRef }).field, (left as { value: JsonValue }).value, FLIP[op]];
  switch (effective) {
    case '==':
    case '===':
      return positive(field, '=', effective === '===', value, at, ctx);
    case '!=':
    case '!==':
      return not(positive(field, '=', effective === '!==', value, at, ctx));
    default:
      return positive(field, effective, true, value, at, ctx);
  }
}

function comparison(op: Comparison, args: JsonValue[], at: string, ctx: FilterContext): string {
  const between = (op === '<' || op === '<=') && args.length === 3;
  if (args.length !== 2 && !between) throw bad(at, `${op} takes two values`, `${op} 需要两个参数`);
  const operands = args.map((a, i) => operand(a, `${at}.${i}`, ctx));
  const [a, b, c] = operands as [Operand, Operand, Operand?];
  const first = compare(op, a, b, at, ctx);
  return c === undefined ? first : `(${first} AND ${compare(op, b, c, at, ctx)})`;
}

function membership(field: FieldRef, list: JsonValue[], at: string, ctx: FilterContext): string {
  const parts: string[] = [];
  const strings = list.filter((v): v is string => typeof v === 'string');
  const numbers = list.filter((v): v is number => typeof v === 'number');
  if (field.kind === 'meta') {
    if (list.some((v) => v === null)) parts.push(isNull(field));
    if (field.type === 'uuid') {
      const ids = strings.filter((s) => UUID.test(s));
      if (ids.length > 0) parts.push(`(id = ANY(${ctx.params.add(ids, 'uuid[]')}))`);
    } else if (field.type === 'integer') {
      if (numbers.length > 0) parts.push(`(${field.column} = ANY(${ctx.params.add(numbers, 'numeric[]')}))`);
    } else if (field.type === 'text') {
      if (strings.length > 0) parts.push(`(${field.column} = ANY(${ctx.params.add(strings, 'text[]')}))`);
    } else {
      for (const [i, v] of list.entries()) parts.push(positive(field, '=', true, v, `${at}.1.${i}`, ctx));
    }
  } else {
    if (strings.length > 0) parts.push(`(${textExpr(field)} = ANY(${ctx.params.add(strings, 'text[]')}))`);
    if (numbers.length > 0) parts.push(`(${numericExpr(field)} = ANY(${ctx.params.add(numbers, 'numeric[]')}))`);
    for (const [i, v] of list.entries()) {
      if (v === null || typeof v === 'boolean') parts.push(positive(field, '=', true, v, `${at}.1.${i}`, ctx));
    }
  }
  return parts.length === 0 ? 'FALSE' : `(${parts.join(' OR ')})`;
}

/** `{"in": [needle, field]}`: substring of a text field, or element of an array field. */
function containment(needle: JsonValue, field: FieldRef, at: string, ctx: FilterContext): string {
  if (typeof needle !== 'string' && typeof needle !== 'number' && typeof needle !== 'boolean') {
    throw bad(`${at}.0`, 'only text, numbers and booleans can be searched for', '只能查找文本、数字或布尔值');
  }
  if (field.kind === 'meta') {
    if (field.type !== 'text' || typeof needle !== 'string') throw bad(`${at}.1`, 'only text fields can contain text', '只有文本字段可以包含文本');
    return `(strpos(${field.column}, ${ctx.params.add(needle, 'text')}) > 0)`;
  }
  const json = jsonExpr(field);
  const inArray = `(jsonb_typeof(${json}) = 'array' AND ${json} @> ${ctx.params.add(JSON.stringify([needle]), 'jsonb')})`;
  if (typeof needle !== 'string') return inArray;
  return `((jsonb_typeof(${json}) = 'string' AND strpos(${textExpr(field)}, ${ctx.params.add(needle, 'text')}) > 0) OR ${inArray})`;
}

function inOperator(args: JsonValue[], at: string, ctx: FilterContext): string {
  if (args.length !== 2) throw bad(at, 'in takes two values', 'in 需要两个参数');
  const [needle, haystack] = args.map((a, i) => operand(a, `${at}.${i}`, ctx)) as [Operand, Operand];
  if (needle.kind === 'value' && haystack.kind === 'value') {
    return bool(truthy(evaluateReference({ in: [needle.value, haystack.value] })));
  }
  if (needle.kind === 'field' && haystack.kind === 'value') {
    if (typeof haystack.value === 'string') return containmentOfField(needle.field, haystack.value, at, ctx);
    if (!Array.isArray(haystack.value)) throw bad(`${at}.1`, 'in needs a list or a text', 'in 需要列表或文本');
    return membership(needle.field, haystack.value, at, ctx);
  }
  if (needle.kind === 'value' && haystack.kind === 'field') return containment(needle.value, haystack.field, at, ctx);
  throw bad(at, 'two fields cannot be compared; compare a field with a value', '不能比较两个字段，请将字段与值比较');
}

/** `{"in": [field, "some text"]}`: the field's text occurs in the given text. */
function containmentOfField(field: FieldRef, text: string, at: string, ctx: FilterContext): string {
  const expr = field.kind === 'meta' ? (field.type === 'text' ? field.column : null) : textExpr(field);
  if (expr === null) throw bad(`${at}.0`, 'only text fields can be found in a text', '只有文本字段可以在文本中查找');
  return `(strpos(${ctx.params.add(text, 'text')}, ${expr}) > 0)`;
}

function truthyField(field: FieldRef): string {
  if (field.kind === 'data') {
    return `(${jsonExpr(field)} NOT IN ('null'::jsonb, 'false'::jsonb, '0'::jsonb, '""'::jsonb, '[]'::jsonb))`;
  }
  if (field.type === 'text') return `(${field.column} <> '')`;
  if (field.type === 'integer') return `(${field.column} <> 0)`;
  return `(${field.column} IS NOT NULL)`;
}

/** A missing value in JSON Logic's sense: absent, null or "". */
function missingField(path: JsonValue, at: string, ctx: FilterContext): string {
  if (typeof path !== 'string') throw bad(at, 'missing takes field names', 'missing 需要字段名');
  const resolved = resolvePath(path, at, ctx);
  if (resolved.kind === 'value') return bool(resolved.value === null || resolved.value === '');
  const field = resolved.field;
  if (field.kind === 'meta') return field.type === 'text' ? `(${field.column} IS NULL OR ${field.column} = '')` : isNull(field);
  return `(${isNull(field)} OR ${jsonExpr(field)} = '""'::jsonb)`;
}

function missing(args: JsonValue[], at: string, ctx: FilterContext): string {
  const list = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  if (list.length === 0) return 'FALSE';
  return `(${list.map((p, i) => missingField(p, `${at}.${i}`, ctx)).join(' OR ')})`;
}

function missingSome(args: JsonValue[], at: string, ctx: FilterContext): string {
  const [min, list] = args;
  if (typeof min !== 'number' || !Array.isArray(list)) throw bad(at, 'missing_some takes a count and field names', 'missing_some 需要数量和字段名');
  const present = list.map((p, i) => `(CASE WHEN ${missingField(p, `${at}.1.${i}`, ctx)} THEN 0 ELSE 1 END)`);
  return present.length === 0 ? bool(min > 0) : `((${present.join(' + ')}) < ${ctx.params.add(min, 'numeric')})`;
}

/** The SQL condition for one JSON Logic node; `at` names its position for error paths. */
export function conditionSql(node: Rule, at: string, ctx: FilterContext): string {
  if (!isObject(node)) {
    if (Array.isArray(node) && !isPlainValue(node)) throw bad(at, 'a condition cannot be a list', '条件不能是列表');
    return bool(truthy(node));
  }
  const keys = Object.keys(node);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) throw bad(at, 'an operation has exactly one operator', '每个运算只能有一个运算符');
  const args = argsOf(node[op] as JsonValue);
  const here = `${at}.${op}`;
  switch (op) {
    case 'var': {
      const value = operand(node, at, ctx);
      return value.kind === 'value' ? bool(truthy(value.value)) : truthyField(value.field);
    }
    case 'and':
    case 'or': {
      if (args.length === 0) return 'FALSE';
      const parts = args.map((a, i) => conditionSql(a, `${here}.${i}`, ctx));
      return `(${parts.join(op === 'and' ? ' AND ' : ' OR ')})`;
    }
    case '!':
      return not(conditionSql(args[0] ?? null, `${here}.0`, ctx));
    case '!!':
      return `((${conditionSql(args[0] ?? null, `${here}.0`, ctx)}) IS TRUE)`;
    case 'in':
      return inOperator(args, here, ctx);
    case 'missing':
      return missing(args, here, ctx);
    case 'missing_some':
      return missingSome(args, here, ctx);
    default:
      if ((COMPARISONS as readonly string[]).includes(op)) return comparison(op as Comparison, args, here, ctx);
      throw bad(here, `the operator "${op}" is not supported in filters`, `筛选条件不支持运算符「${op}」`);
  }
}
