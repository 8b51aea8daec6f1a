import type { Rule } from '@trellis/rules';
import { conditionLogic } from './json-logic-forms.js';
import type { ConditionTree, Group } from './types.js';

const JUNCTION = { all: 'and', any: 'or' } as const;

function groupLogic(group: Group): Rule {
  // all of nothing holds and any of nothing does not: the literal says so without an empty and/or
  const body: Rule = group.children.length === 0 ? group.combinator === 'all'
    : { [JUNCTION[group.combinator]]: group.children.map(toJsonLogic) };
  return group.negated === true ? { '!': body } : body;
}

/** The JSON Logic rule of a condition tree; fromJsonLogic reads it back as the same tree. */
export function toJsonLogic(tree: ConditionTree): Rule {
  return tree.kind === 'group' ? groupLogic(tree) : conditionLogic(tree.field, tree.operator, tree.value);
}
