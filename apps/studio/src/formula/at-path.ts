import type { Rule } from '@trellis/rules';
import { printFormula } from './print.js';

/** The part of a rule at a JSON pointer ('' = the whole, '/and/0' its first condition), or undefined. */
export function ruleAt(rule: Rule, pointer: string): Rule | undefined {
  if (pointer === '') return rule;
  let node: Rule | undefined = rule;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(key)] : Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
  }
  return node;
}

/** The formula of the part of a rule at a pointer, or null when no formula says it. */
export function formulaAt(rule: Rule, pointer: string): string | null {
  const part = ruleAt(rule, pointer);
  return part === undefined ? null : printFormula(part);
}
