import { describe, expect, it } from 'vitest';
import { isOperator, type Rule } from '@trellis/rules';
import template from '../../../../seed/prm/template.json';
import { printFormula } from './print.js';

/** The outermost rules in a definition: objects of one key that is a rule operator. */
function rulesIn(value: unknown, at: string, found: [string, Rule][] = []): [string, Rule][] {
  if (Array.isArray(value)) value.forEach((v, i) => rulesIn(v, `${at}[${i}]`, found));
  else if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 1 && isOperator(keys[0]!)) found.push([at, value as Rule]);
    else for (const [k, v] of Object.entries(value)) rulesIn(v, `${at}.${k}`, found);
  }
  return found;
}

describe('the PRM template in the formula editor', () => {
  const parts = ['entities', 'flows', 'rules', 'programs', 'permissions'] as const;
  const definitions = template as unknown as Record<(typeof parts)[number], { id: string }[]>;
  const rules = parts.flatMap((part) => definitions[part].flatMap((d) => rulesIn(d, `${part}/${d.id}`)));

  it('writes every rule of its forms, flows, rules, programs and permissions as a formula, none as JSON', () => {
    expect(rules.length).toBeGreaterThan(140);
    expect(rules.filter(([, rule]) => printFormula(rule) === null).map(([at]) => at)).toEqual([]);
  });
});
