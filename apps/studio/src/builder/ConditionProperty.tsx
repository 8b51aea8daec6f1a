import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkTree, fromJsonLogic, newCondition, newGroup, toJsonLogic, updateAt, type ConditionTree, type Field, type Group,
} from '@trellis/conditions';
import type { Problem } from '@trellis/errors';
import type { Rule } from '@trellis/rules';
import { ProblemList } from '../common/ProblemList.js';
import { ConditionGroup } from '../rules/ConditionGroup.js';

interface Props {
  readonly title: string;
  readonly rule: Rule | undefined;
  readonly fields: readonly Field[];
  readonly onChange: (rule: Rule | undefined) => void;
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
export function ConditionProperty({ title, rule, fields, onChange }: Props) {
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
      {tree === null ? (
        <>
          {unreadable.length > 0 && <ProblemList problems={unreadable} />}
          <button type="button" disabled={first === undefined} onClick={() => first !== undefined && set({ ...newGroup(), children: [newCondition(first)] })}>
            + {t('builder.rules.addCondition', { what: title })}
          </button>
        </>
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
