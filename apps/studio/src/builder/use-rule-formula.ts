import { useState } from 'react';
import type { JsonSchemaObject, Rule } from '@trellis/rules';
import { draftOf, readDraft, type FormulaDraft } from '../formula/draft.js';
import { ruleProblems } from '../formula/issues.js';

/**
 * A form rule edited as a formula: the draft, its problems, and an edit that hands the rule on only
 * while it has none (an empty formula removes the rule).
 */
export function useRuleFormula(rule: Rule | undefined, schema: JsonSchemaObject, onChange: (rule: Rule | undefined) => void) {
  const [draft, setDraft] = useState<FormulaDraft>(() => draftOf(rule));
  const reading = readDraft(draft);
  const problems = reading.kind === 'rule' ? ruleProblems(reading.rule, schema) : [];
  const edit = (next: FormulaDraft) => {
    setDraft(next);
    const read = readDraft(next);
    if (read.kind === 'empty') onChange(undefined);
    else if (read.kind === 'rule' && ruleProblems(read.rule, schema).length === 0) onChange(read.rule);
  };
  return { draft, problems, edit, rule: reading.kind === 'rule' && problems.length === 0 ? reading.rule : null };
}
