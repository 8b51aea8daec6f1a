import type { Problem } from '@trellis/errors';
import { checkRuleAgainstSchema, type JsonSchemaObject } from '@trellis/rules';
import { OPERATORS, allowsOperator } from './operators.js';
import { conditionProblems } from './problems.js';
import { toJsonLogic } from './to-json-logic.js';
import type { Condition, ConditionTree, Field } from './types.js';
import { literalType, literalsOf, valueFits } from './values.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function conditionErrors(c: Condition, path: string, fields: ReadonlyMap<string, Field>): Problem[] {
  const field = fields.get(c.field);
  if (field === undefined) return [conditionProblems.unknownField(`${path}/field`, c.field)];
  if (!allowsOperator(field.type, c.operator)) return [conditionProblems.operatorNotAllowed(`${path}/operator`, field.label, OPERATORS[c.operator].label.en)];
  const at = `${path}/value`;
  const type = field.type === 'date' ? 'date' : literalType(field) ?? 'string';
  if (!valueFits(field, c.operator, c.value)) return [conditionProblems.valueType(at, field.label, type)];
  const literals = literalsOf(c.value);
  const kind = OPERATORS[c.operator].valueKind;
  if (kind !== 'none' && (literals.length === 0 || literals.some((v) => v === null || v === ''))) {
    return [conditionProblems.valueMissing(at, field.label)];
  }
  if (field.type === 'date' && literals.some((v) => typeof v === 'string' && !ISO_DAY.test(v))) {
    return [conditionProblems.valueType(at, field.label, 'date')];
  }
  const options = field.options;
  const stray = options === undefined ? undefined : literals.find((v) => v !== null && !options.includes(v));
  if (stray !== undefined) return [conditionProblems.notAnOption(at, field.label, String(stray))];
  const [from, to] = literals;
  if (kind === 'range' && from !== undefined && to !== undefined && from !== null && to !== null && from > to) {
    return [conditionProblems.emptyRange(at, field.label)];
  }
  return [];
}

/**
 * What stops a tree from being a finished rule: unknown fields, operators the field's type does not
 * offer, values missing, of the wrong type, outside the field's choices, or empty ranges. Paths point
 * into the tree ("/children/1/value").
 */
export function checkTree(tree: ConditionTree, fields: readonly Field[]): Problem[] {
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const walk = (node: ConditionTree, path: string): Problem[] => (node.kind === 'group'
    ? node.children.flatMap((child, i) => walk(child, `${path}/children/${i}`))
    : conditionErrors(node, path, byPath));
  return walk(tree, '');
}

/**
 * The tree position a position of the tree's JSON Logic rule comes from: the deepest group or
 * condition whose rule contains it. Rule paths are JSON pointers, as @trellis/rules reports them.
 */
export function treePathOf(tree: ConditionTree, rulePath: string): string {
  const segments = rulePath.split('/').slice(1);
  let node = tree;
  let path = '';
  for (;;) {
    if (node.kind !== 'group') return path;
    if (node.negated === true) {
      if (segments[0] !== '!') return path;
      segments.shift();
    }
    const [junction, index] = segments;
    const child = junction === 'and' || junction === 'or' ? node.children[Number(index)] : undefined;
    if (child === undefined) return path;
    segments.splice(0, 2);
    path = `${path}/children/${Number(index)}`;
    node = child;
  }
}

/**
 * The rule's static errors against the data's schema (unknown field, type mismatch), from
 * @trellis/rules checkRuleAgainstSchema, with their paths moved onto the tree.
 */
export function staticErrors(tree: ConditionTree, schema: JsonSchemaObject): Problem[] {
  return checkRuleAgainstSchema(toJsonLogic(tree), schema).map((p) => ({ ...p, path: treePathOf(tree, p.path) }));
}
