/**
 * Writes seed/prm/rule-tests/<rule>.json from the tests inside seed/prm/template.json, so IT can run
 * `pnpm trellis rule test seed/prm/rule-tests/attainment_rebate_rate.json` in its own pipeline.
 * Usage: tsx seed/scripts/export-rule-tests.ts [--out DIR]
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ruleTestFileText, ruleTestFiles } from '../rule-tests.js';
import { loadPrmTemplate } from '../template.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: join(here, '..', 'prm', 'rule-tests') } } });
const out = resolve(values.out);

mkdirSync(out, { recursive: true });
const files = ruleTestFiles(loadPrmTemplate());
// files of rules that no longer exist or lost their tests would otherwise linger
for (const name of readdirSync(out)) {
  if (name.endsWith('.json') && !files.has(name.slice(0, -'.json'.length))) rmSync(join(out, name));
}
for (const [id, cases] of files) {
  writeFileSync(join(out, `${id}.json`), ruleTestFileText(cases));
  console.log(`${join(out, `${id}.json`)}: ${cases.length} cases`);
}
