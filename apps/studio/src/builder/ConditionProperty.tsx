import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkTree, fromJsonLogic, newCondition, newGroup, toJsonLogic, updateAt, type ConditionTree, type Field, type Group,
} from '@trellis/conditions';
import type { Problem } from '@trellis/errors';
import type { JsonSchemaObject, Rule } from '@trellis/rules';
import { ProblemList } from '../common/ProblemList.js';
import { ConditionGroup } from '../rules/ConditionGroup.js';
import { FormulaEditor } from '../rules/FormulaEditor.js';
import { useRuleFormula } from './use-rule-formula.js';

interface Props {
  readonly title: string;
  readonly rule: Rule | undefined;
  readonly fields: readonly Field[];
  readonly schema: JsonSchemaObject;
  readonly onChange: (rule: Rule | undefined) => void;
}

interface FormulaProps {
  readonly rule: Rule;
  readonly fields: readonly Field[];
  readonly schema: JsonSchemaObject;
  readonly onChange: (rule: Rule | undefined) => void;
  readonly onConditions: (tree: Group) => void;
}

/** A condition the builder cannot show (written elsewhere), edited as a formula until it can. */
function ConditionFormula({ rule, fields, schema, onChange, onConditions }: FormulaProps) {
  const { t } = useTranslation();
  const formula = useRuleFormula(rule, schema, onChange);
  /** why "show as conditions" did not, once it was asked to */
  const [why, setWhy] = useState<readonly Problem[]>([]);
  const toConditions = () => {
    if (formula.rule === null) return;
    const read = fromJsonLogic(formula.rule, fields);
    if (read.ok) onConditions(read.value);
    else setWhy(read.problems);
  };
  return (
    <>
      <p className="muted">{t('rules.notRepresentable')}</p>
      <ProblemList problems={why} />
      <FormulaEditor draft={formula.draft} fields={fields} problems={formula.problems} onDraft={formula.edit} onApply={toConditions} />
    </>
  );
}

type Start = { readonly tree: Group | null; readonly problems: readonly Problem[] };

function start(rule: Rule | undefined, fields: readonly Field[]): Start {
  if (rule === undefined) return { tree: null, problems: [] };
  const read = fromJsonLogic(rule, fields);
  return read.ok ? { tree: read.value, problems: [] } : { tree: null, problems: read.problems };
}

/**
 * "Show when" / "required when" as conditions, with the rule builder's own components; the JSON
 * Logic it writes is what the form runtime evaluates.
 */
export function ConditionProperty({ title, rule, fields, schema, onChange }: Props) {
  const { t } = useTranslation();
  const [{ tree, problems: unreadable }, setState] = useState<Start>(() => start(rule, fields));
  const set = (next: Group | null) => {
    setState({ tree: next, problems: [] });
    onChange(next === null ? undefined : toJsonLogic(next));
  };
  const first = fields[0];
  return (
    <fieldset className="condition-property" aria-label={title}>
      <legend>{title}</legend>
      {tree === null && rule !== undefined && unreadable.length > 0 ? (
        <ConditionFormula rule={rule} fields={fields} schema={schema} onChange={onChange} onConditions={set} />
      ) : tree === null ? (
        <button type="button" disabled={first === undefined} onClick={() => first !== undefined && set({ ...newGroup(), children: [newCondition(first)] })}>
          + {t('builder.rules.addCondition', { what: title })}
        </button>
      ) : (
        <>
          <ConditionGroup
            group={tree}
            path=""
            fields={fields}
            problems={checkTree(tree, fields)}
            onEdit={(path: string, next: ConditionTree | null) => set(path === '' && next === null ? null : updateAt(tree, path, () => next) as Group)}
          />
          <button type="button" onClick={() => set(null)}>{t('builder.rules.clear', { what: title })}</button>
        </>
      )}
    </fieldset>
  );
}
