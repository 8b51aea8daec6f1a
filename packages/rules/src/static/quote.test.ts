import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../types.js';
import { evaluateReference } from '../reference.js';
import { loadPristineJsonLogic } from '../testing/pristine-json-logic.js';
import { quoteLiteral } from './quote.js';

describe('quoteLiteral', () => {
  const values: JsonValue[] = [
    0, 'text', true, null, [], {}, [1, [2, [3]]],
    { var: 'x' }, { log: 'boom' }, [{ var: 'x' }, { if: [1, 2, 3] }], { a: { var: 'x' }, b: 2 },
    { only: [{ var: 'x' }] }, { deep: { var: 'x' } },
  ];

  it('yields exactly the value, under the reference evaluator and json-logic-js itself', () => {
    const pristine = loadPristineJsonLogic();
    for (const value of values) {
      const rule = quoteLiteral(value);
      expect(evaluateReference(rule, { x: 'not me' })).toEqual(value);
      expect(pristine.apply(rule, { x: 'not me' })).toEqual(value);
    }
  });

  it('leaves values that are their own rule unchanged', () => {
    expect(quoteLiteral(5)).toBe(5);
    expect(quoteLiteral({ a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(quoteLiteral({ k: 1 })).toEqual({ reduce: [[{ quoted: { k: 1 }, _: 0 }], { var: 'current.quoted' }] });
  });
});
