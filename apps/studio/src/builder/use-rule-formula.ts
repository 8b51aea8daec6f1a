import { useState } from 'react';
import type { Problem } from '@trellis/errors';
import { checkRuleAgainstSchema, checkRuleSafety, type JsonSchemaObject, type Rule } from '@trellis/rules';
import { draftOf, readDraft, type FormulaDraft } from '../formula/draft.js';

/** Static problems of a form rule: it reads the record and the context keys (today(), now()). */
const formRuleProblems = (rule: Rule, schema: JsonSchemaObject): Problem[] =>
  [...checkRuleSafety(rule), ...checkRuleAgainstSchema(rule, schema, { context: true })];

/**
 * A form rule edited as a formula: the draft, its problems, and an edit that hands the rule on only
 * while it has none (an empty formula removes the rule).
 */
export function useRuleFormula(rule: Rule | undefined, schema: JsonSchemaObject, onChange: (rule: Rule | undefined) => void) {
  const [draft, setDraft] = useState<FormulaDraft>(() => draftOf(rule));
  const reading = readDraft(draft);
  const problems = reading.kind === 'rule' ? formRuleProblems(reading.rule, schema) : [];
  const edit = (next: FormulaDraft) => {
    setDraft(next);
    const read = readDraft(next);
    if (read.kind === 'empty') onChange(undefined);
    else if (read.kind === 'rule' && formRuleProblems(read.rule, schema).length === 0) onChange(read.rule);
  };
  return { draft, problems, edit, rule: reading.kind === 'rule' && problems.length === 0 ? reading.rule : null };
}
