import type { Rule } from '@trellis/rules';
import { useRuleFormula } from '../../builder/use-rule-formula.js';
import { FormulaEditor } from '../../rules/FormulaEditor.js';
import { useEditorContext } from './editor-context.js';

/**
 * A flow rule typed as a formula over the flow's record and its context keys (`$lookup`,
 * `$partnerOrg`…), checked as it is typed; handed on only while it has no problems, so an
 * unfinished formula never replaces the rule.
 */
export function FormulaField({ value, onChange }: { value: unknown; onChange: (rule: Rule) => void }) {
  const { fields, ruleSchema } = useEditorContext();
  const formula = useRuleFormula(value as Rule, ruleSchema, (rule) => onChange(rule ?? null));
  return <FormulaEditor draft={formula.draft} fields={fields} problems={formula.problems} onDraft={formula.edit} />;
}
