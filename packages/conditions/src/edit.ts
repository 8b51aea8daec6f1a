import { operatorsFor } from './operators.js';
import type { Condition, ConditionTree, Field, Group, OperatorId } from './types.js';
import { emptyValue } from './values.js';

/** Tree positions as checkTree reports them: "" is the root, "/children/2/children/0" a nested child. */
const indexesOf = (path: string): number[] => path.split('/children/').slice(1).map(Number);

/** The tree with the node at `path` replaced by what `change` makes of it; unknown paths change nothing. */
export function updateAt(tree: ConditionTree, path: string, change: (node: ConditionTree) => ConditionTree | null): ConditionTree {
  const go = (node: ConditionTree, rest: readonly number[]): ConditionTree | null => {
    const [i, ...deeper] = rest;
    if (i === undefined) return change(node);
    if (node.kind !== 'group' || node.children[i] === undefined) return node;
    const child = go(node.children[i] as ConditionTree, deeper);
    const children = child === null ? node.children.filter((_, j) => j !== i) : node.children.map((c, j) => (j === i ? child : c));
    return { ...node, children };
  };
  // the root cannot be removed: a rule always has its outer group
  return go(tree, indexesOf(path)) ?? tree;
}

export const removeAt = (tree: ConditionTree, path: string): ConditionTree => updateAt(tree, path, () => null);

/** Appends a child to the group at `path`. */
export function appendAt(tree: ConditionTree, path: string, child: ConditionTree): ConditionTree {
  return updateAt(tree, path, (node) => (node.kind === 'group' ? { ...node, children: [...node.children, child] } : node));
}

/**
 * A new condition on a field: its type's first operator, no value yet. Picking another field starts
 * over with this too: what suits a text ("is") rarely suits a choice ("is one of").
 */
export function newCondition(field: Field): Condition {
  const operator = (operatorsFor(field.type)[0] as { id: OperatorId }).id;
  return { kind: 'condition', field: field.path, operator, value: emptyValue(operator) };
}

export const newGroup = (combinator: Group['combinator'] = 'all'): Group => ({ kind: 'group', combinator, children: [] });

export function withOperator(condition: Condition, operator: OperatorId): Condition {
  return { ...condition, operator, value: emptyValue(operator) };
}
