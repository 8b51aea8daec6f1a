import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rule } from '@trellis/rules';
import { OPERATOR_FUNCTIONS } from './functions.js';
import { parseFormula } from './parse.js';
import { printFormula } from './print.js';

const reparsed = (rule: Rule): Rule | string => {
  const text = printFormula(rule);
  if (text === null) return 'unprintable';
  const parsed = parseFormula(text);
  return parsed.ok ? parsed.rule : `${text} → ${parsed.error.code} at ${parsed.error.span.start}`;
};

const identifier = fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,8}$/);
/** field paths: plain ones, ones only field("…") can say, and the context keys today() and now() read */
const path = fc.oneof(
  fc.array(identifier, { minLength: 1, maxLength: 3 }).map((s) => s.join('.')),
  fc.constantFrom('$today', '$now', '', 'lines.0.qty', 'in', 'a.true', 'x-y', '注册资本'),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const literal: fc.Arbitrary<Rule> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
);

const INFIX_BINARY = ['-', '/', '%', '==', '!=', '===', '!==', '<', '<=', '>', '>=', 'in'] as const;
const FLATTENED = ['or', 'and', 'cat', '+', '*'] as const;
const FUNCTIONS = [...OPERATOR_FUNCTIONS];

/** Rules in the one form the parser writes them (see parseFormula). */
const { rule: canonicalRule } = fc.letrec<{ rule: Rule }>((tie) => {
  const sub = tie('rule');
  return {
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      literal,
      path.map((p): Rule => ({ var: p })),
      fc.tuple(path, sub).map(([p, d]): Rule => ({ var: [p, d] })),
      fc.array(sub, { maxLength: 3 }),
      fc.tuple(fc.constantFrom(...INFIX_BINARY), sub, sub).map(([op, a, b]): Rule => ({ [op]: [a, b] })),
      fc.tuple(fc.constantFrom(...FLATTENED), fc.array(sub, { minLength: 2, maxLength: 4 })).map(([op, args]): Rule => ({ [op]: args })),
      fc.tuple(fc.constantFrom('or', 'and', 'cat'), fc.array(sub, { maxLength: 1 })).map(([op, args]): Rule => ({ [op]: args })),
      fc.tuple(sub, sub, sub).map(([a, b, c]): Rule => ({ '<=': [a, b, c] })),
      fc.tuple(fc.constantFrom('!', '!!', '-'), sub).map(([op, x]): Rule => ({ [op]: Array.isArray(x) ? [x] : x })),
      fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(sub, { maxLength: 3 })).map(([op, args]): Rule => ({ [op]: args })),
    ),
  };
});

describe('formula text and JSON Logic', () => {
  it('read back every rule the parser writes exactly as it was', () => {
    fc.assert(fc.property(canonicalRule, (rule) => {
      expect(reparsed(rule)).toEqual(rule);
    }), { numRuns: 3000 });
  });

  it('print the examples admins write as they wrote them', () => {
    for (const text of [
      'round(registeredCapital * 0.1, 2)',
      'if(partnerKind = "distributor", 5, 0)',
      'attainment >= 1 and region in ["east", "south"]',
      'today()',
      'name & " (" & city & ")"',
      'min(a, b) + max(c, 10)',
      '(a + b) + c',
      'a - (b - c)',
      'a * (b + c) / 2',
      'not (a = 1) or !!b',
      'between(x, 1, 5)',
      'date_diff(joinedOn, today(), "years") >= 3',
      '-(5) + -5 - -a',
      'field("lines.0", 0) + field("in")',
    ]) {
      const parsed = parseFormula(text);
      expect(parsed.ok, text).toBe(true);
      if (parsed.ok) expect(printFormula(parsed.rule)).toBe(text);
    }
  });

  it('reads forms json-logic-js treats alike ({"!": [x]} and {"!": x}) as the one the parser writes', () => {
    expect(reparsed({ '!': [{ var: 'a' }] })).toEqual({ '!': { var: 'a' } });
    expect(reparsed({ var: ['a'] })).toEqual({ var: 'a' });
    expect(reparsed({ year: { var: 'd' } })).toEqual({ year: [{ var: 'd' }] });
  });

  it('leaves to the JSON view what no formula says: other operators, odd argument counts, data objects', () => {
    for (const rule of [
      { '?:': [true, 1, 2] }, { '<': [1, { var: 'a' }, 3] }, { '+': [{ var: 'a' }] }, { '/': [1, 2, 3] },
      { log: 'x' }, { a: 1, b: 2 }, {}, { var: [] }, { var: 3 }, { var: ['a', 1, 2] },
      { '!': [1, 2] }, { and: [{ unknown_op: [1] }] },
    ] as Rule[]) {
      expect(printFormula(rule), JSON.stringify(rule)).toBeNull();
    }
  });
});
