import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from '../src/docs/rules-doc.js';

/** Writes docs/rules.md from the operator catalog. A test fails while the file is out of date. */
const target = fileURLToPath(new URL('../../../docs/rules.md', import.meta.url));
writeFileSync(target, renderRulesDoc());
console.log(`wrote ${target}`);
