import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateReference } from '@trellis/rules';
import { ruleTestFileText, ruleTestFiles, type RuleTestCase } from './rule-tests.js';
import { loadPrmTemplate } from './template.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'prm', 'rule-tests');
const files = ruleTestFiles(loadPrmTemplate());

describe('seed/prm/rule-tests', () => {
  it('holds one file per tested rule, as export-rule-tests writes it from the template', () => {
    expect(readdirSync(dir).sort()).toEqual([...files.keys()].map((id) => `${id}.json`).sort());
    for (const [id, cases] of files) {
      expect(readFileSync(join(dir, `${id}.json`), 'utf8'), `${id}.json is stale: run seed/scripts/export-rule-tests.ts`).toBe(ruleTestFileText(cases));
    }
  });

  it('uses the CLI format: rule, data and either expect or error', () => {
    for (const [id, cases] of files) {
      for (const c of cases) expect(Object.keys(c).sort(), id).toEqual('error' in c ? ['data', 'error', 'rule'] : ['data', 'expect', 'rule']);
    }
  });

  it.each([...files.keys()])('%s.json passes on the reference evaluator', (id) => {
    const cases = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as RuleTestCase[];
    for (const c of cases) {
      if ('error' in c) expect(() => evaluateReference(c.rule, c.data)).toThrow();
      else expect(evaluateReference(c.rule, c.data)).toEqual(c.expect);
    }
  });
});
