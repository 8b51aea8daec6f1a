/**
 * The regression tests kept inside the template's rule definitions, in the format of
 * `trellis rule test FILE`: a JSON array of {"rule", "data", "expect"} or {"rule", "data", "error": true},
 * where "rule" is plain JSON Logic (a decision table compiled by the rules package).
 */
import type { AppTemplate } from '@trellis/definitions';
import type { JsonValue, Rule } from '@trellis/rules';
import { ruleLogic } from './generator/template-rules.js';

export type RuleTestCase =
  | { readonly rule: Rule; readonly data: JsonValue; readonly expect: JsonValue }
  | { readonly rule: Rule; readonly data: JsonValue; readonly error: true };

/** Rule id → its test cases, in template order; rules without tests are left out. */
export function ruleTestFiles(app: AppTemplate): Map<string, RuleTestCase[]> {
  const files = new Map<string, RuleTestCase[]>();
  for (const definition of app.rules ?? []) {
    const tests = definition.tests ?? [];
    if (tests.length === 0) continue;
    const rule = ruleLogic(definition);
    files.set(
      definition.id,
      tests.map((t) => (t.error === true ? { rule, data: t.data, error: true } : { rule, data: t.data, expect: t.expect ?? null })),
    );
  }
  return files;
}

/** The text written to `prm/rule-tests/<rule>.json`. */
export function ruleTestFileText(cases: readonly RuleTestCase[]): string {
  return `${JSON.stringify(cases, null, 2)}\n`;
}
