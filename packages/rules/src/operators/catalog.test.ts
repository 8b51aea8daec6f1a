import { describe, expect, it } from 'vitest';
import { OPERATOR_CATALOG } from './catalog.js';
import { CORE_OPERATORS, CUSTOM_OPERATORS } from './names.js';
import { evaluateReference } from '../reference.js';

describe('operator catalog', () => {
  it('documents every operator exactly once, in names.ts order', () => {
    expect(OPERATOR_CATALOG.map((d) => d.name)).toEqual([...CORE_OPERATORS, ...CUSTOM_OPERATORS]);
  });

  it('has both languages for every description', () => {
    for (const doc of OPERATOR_CATALOG) {
      expect(doc.description.en.length, doc.name).toBeGreaterThan(0);
      expect(doc.description['zh-CN'].length, doc.name).toBeGreaterThan(0);
    }
  });

  it.each(OPERATOR_CATALOG.flatMap((doc) => doc.examples.map((example, i) => [`${doc.name} #${i + 1}`, example] as const)))(
    'example %s gives its documented result',
    (_name, example) => {
      expect(evaluateReference(example.rule, example.data)).toEqual(example.result);
    },
  );

  it('uses each operator in at least one of its own examples', () => {
    for (const doc of OPERATOR_CATALOG) {
      expect(doc.examples.some((e) => JSON.stringify(e.rule).includes(JSON.stringify(doc.name))), doc.name).toBe(true);
    }
  });
});
