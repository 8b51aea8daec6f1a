import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from './rules-doc.js';
import { OPERATOR_CATALOG } from '../operators/catalog.js';

const DOC_PATH = new URL('../../../../docs/rules.md', import.meta.url);

describe('docs/rules.md', () => {
  const rendered = renderRulesDoc();

  it('is up to date with the catalog (run: pnpm exec tsx packages/rules/scripts/generate-docs.ts)', () => {
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(rendered);
  });

  it('documents every operator with its examples, in both languages', () => {
    for (const doc of OPERATOR_CATALOG) {
      expect(rendered).toContain(`### \`${doc.name}\``);
      expect(rendered).toContain(doc.description.en);
      expect(rendered).toContain(doc.description['zh-CN']);
      for (const example of doc.examples) expect(rendered).toContain(JSON.stringify(example.rule));
    }
  });

  it('states the rounding modes, the date conventions, the var safety rule and the limits', () => {
    for (const heading of ['rounding modes', '## Dates', '## Reading data safely', '## Limits', '`maxSteps` | 1000000', '| `half_even` | 2 | -2 | 2 | 1 |', '| `half_up` | 3 | -3 | 2 | 1.01 |']) {
      expect(rendered).toContain(heading);
    }
  });
});
