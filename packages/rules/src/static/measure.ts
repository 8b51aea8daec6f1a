import type { Rule } from '../types.js';
import { childPath } from './rule-shape.js';

export interface RuleSize {
  /** every JSON value in the rule (an operation's argument list counts as one) */
  readonly nodes: number;
  /** deepest nesting, counting operations, literal arrays and literal objects */
  readonly depth: number;
  /** position of the first value nested deeper than `maxDepth`, or null */
  readonly firstTooDeep: string | null;
}

interface Frame {
  readonly node: Rule;
  /** nesting level of the container holding the node */
  readonly level: number;
  readonly parent: Frame | null;
  readonly key: string | number;
}

function positionOf(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | null = frame; f !== null && f.parent !== null; f = f.parent) keys.push(f.key);
  return keys.reverse().reduce<string>((path, key) => childPath(path, key), '');
}

/**
 * Counts and measures without recursion, so a hostile rule nested a million levels deep is measured,
 * not a stack overflow. An operation's argument list adds no level: {"and": [{"var": "x"}]} is 2 deep.
 */
export function measureRule(rule: Rule, maxDepth: number): RuleSize {
  let nodes = 0;
  let depth = 0;
  let firstTooDeep: Frame | null = null;
  const stack: Frame[] = [{ node: rule, level: 0, parent: null, key: '' }];
  // children are pushed last-first so they are popped in document order
  const push = (children: readonly Frame[]) => { for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as Frame); };
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    nodes += 1;
    const { node } = frame;
    if (node === null || typeof node !== 'object') continue;
    const level = frame.level + 1;
    depth = Math.max(depth, level);
    if (level > maxDepth && firstTooDeep === null) firstTooDeep = frame;
    const entries: [string | number, Rule][] = Array.isArray(node) ? node.map((item, i) => [i, item]) : Object.entries(node);
    const [only] = entries;
    if (!Array.isArray(node) && entries.length === 1 && only !== undefined && Array.isArray(only[1])) {
      // an operation: its argument list is one node but no level of its own
      nodes += 1;
      const args: Frame = { node: null, level: frame.level, parent: frame, key: only[0] };
      push(only[1].map((arg, i) => ({ node: arg, level, parent: args, key: i })));
    } else {
      push(entries.map(([key, value]) => ({ node: value, level, parent: frame, key })));
    }
  }
  return { nodes, depth, firstTooDeep: firstTooDeep === null ? null : positionOf(firstTooDeep) };
}
