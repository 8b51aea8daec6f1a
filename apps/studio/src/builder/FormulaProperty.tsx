import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Field } from '@trellis/conditions';
import type { Problem } from '@trellis/errors';
import { checkRuleAgainstSchema, checkRuleSafety, type JsonSchemaObject, type Rule } from '@trellis/rules';
import { ProblemList } from '../common/ProblemList.js';
import { FormulaEditor } from '../rules/FormulaEditor.js';

interface Props {
  readonly rule: Rule | undefined;
  readonly fields: readonly Field[];
  readonly schema: JsonSchemaObject;
  readonly onChange: (rule: Rule | undefined) => void;
}

/** "Computed as": a formula over the other fields, checked as it is typed. */
export function FormulaProperty({ rule, fields, schema, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(rule === undefined ? '' : JSON.stringify(rule));
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [parseError, setParseError] = useState<string | null>(null);
  const edit = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setParseError(null);
      setProblems([]);
      onChange(undefined);
      return;
    }
    try {
      const parsed = JSON.parse(next) as Rule;
      setParseError(null);
      const found = [...checkRuleSafety(parsed), ...checkRuleAgainstSchema(parsed, schema)];
      setProblems(found);
      if (found.length === 0) onChange(parsed);
    } catch (error) {
      setParseError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <fieldset className="formula-property">
      <legend>{t('builder.rules.computed')}</legend>
      <p className="muted">{t('builder.rules.computedHint')}</p>
      <FormulaEditor text={text} fields={fields} onText={edit} />
      {parseError !== null && <p className="problems error" role="alert">{t('formula.invalidJson', { message: parseError })}</p>}
      <ProblemList problems={problems} />
    </fieldset>
  );
}
