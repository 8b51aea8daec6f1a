import { fail, ok, type Problem, type Result } from '@trellis/errors';
import type { Rule } from '@trellis/rules';
import { matchForm, operation, varField, type Match } from './json-logic-forms.js';
import { OPERATORS, operatorsFor } from './operators.js';
import { conditionProblems } from './problems.js';
import type { Condition, ConditionTree, Field, Group } from './types.js';
import { valueFits } from './values.js';

type Read<T> = { tree: T } | { problem: Problem };

const JUNCTIONS: Readonly<Record<string, Group['combinator']>> = { and: 'all', or: 'any' };

function readCondition(rule: unknown, path: string, fields: ReadonlyMap<string, Field>): Read<Condition> {
  let unknown: string | null = null;
  for (const id of Object.keys(OPERATORS) as (keyof typeof OPERATORS)[]) {
    const match: Match | null = matchForm(rule, id);
    if (match === null) continue;
    const field = fields.get(match.field);
    if (field === undefined) {
      unknown = match.field;
      continue;
    }
    if (operatorsFor(field.type).some((o) => o.id === id) && valueFits(field, id, match.value)) {
      return { tree: { kind: 'condition', field: match.field, operator: id, value: match.value } };
    }
  }
  return { problem: unknown !== null ? conditionProblems.unknownField(path, unknown) : conditionProblems.notRepresentable(path) };
}

function readGroup(rule: unknown, path: string, fields: ReadonlyMap<string, Field>): Read<Group> | null {
  if (typeof rule === 'boolean') return { tree: { kind: 'group', combinator: rule ? 'all' : 'any', children: [] } };
  const found = operation(rule);
  if (found === null) return null;
  if (found.op === '!' && found.args.length === 1 && varField(found.args[0]) === null) {
    const inner = readGroup(found.args[0], `${path}/!`, fields);
    // a tree negates a group at most once, so a doubly negated one is left to the formula editor
    if (inner === null || 'problem' in inner) return inner;
    if (inner.tree.negated === true) return null;
    return { tree: { ...inner.tree, negated: true } };
  }
  const combinator = JUNCTIONS[found.op];
  const given = (rule as Record<string, unknown>)[found.op];
  // an empty and/or is written as a literal, so only non-empty lists are read as groups
  if (combinator === undefined || !Array.isArray(given) || given.length === 0) return null;
  const children: ConditionTree[] = [];
  for (const [i, child] of given.entries()) {
    const read = readTree(child, `${path}/${found.op}/${i}`, fields);
    if ('problem' in read) return read;
    children.push(read.tree);
  }
  return { tree: { kind: 'group', combinator, children } };
}

function readTree(rule: unknown, path: string, fields: ReadonlyMap<string, Field>): Read<ConditionTree> {
  return readGroup(rule, path, fields) ?? readCondition(rule, path, fields);
}

/**
 * Reads a JSON Logic rule as a condition tree whose root is a group (a lone condition is put in an
 * "all" group). Rules the builder cannot show fail with CONDITIONS_NOT_REPRESENTABLE or
 * CONDITIONS_UNKNOWN_FIELD at the rule position (a JSON pointer): edit those as formulas.
 * Every rule toJsonLogic writes reads back as the tree it was written from.
 */
export function fromJsonLogic(rule: Rule, fields: readonly Field[]): Result<Group> {
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const read = readTree(rule, '', byPath);
  if ('problem' in read) return fail([read.problem]);
  return ok(read.tree.kind === 'group' ? read.tree : { kind: 'group', combinator: 'all', children: [read.tree] });
}
