import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkTree, fieldsOf, fromJsonLogic, newGroup, staticErrors, toJsonLogic, updateAt, type ConditionTree, type Group,
} from '@trellis/conditions';
import type { Problem } from '@trellis/errors';
import { formatJson } from '../common/format-json.js';
import { ProblemList } from '../common/ProblemList.js';
import { useLocale } from '../i18n/i18n.js';
import { AppDataGate } from '../app-data/AppDataGate.js';
import type { SampleEntity } from '../sample/template.js';
import { ConditionGroup } from './ConditionGroup.js';
import { draftOf, readDraft, type FormulaDraft } from '../formula/draft.js';
import { ruleProblems } from '../formula/issues.js';
import { FormulaEditor } from './FormulaEditor.js';
import type { SampleValues } from './sample-data.js';
import { TryItPanel } from './TryItPanel.js';

/** The rule builder on the current app's entities (the bundled sample before an app is opened). */
export function RuleBuilderScreen() {
  return <AppDataGate>{(data) => <RuleBuilder key={data.appId} entities={data.entities} />}</AppDataGate>;
}

function RuleBuilder({ entities }: { entities: readonly SampleEntity[] }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [entity, setEntity] = useState<SampleEntity | undefined>(entities[0]);
  const [tree, setTree] = useState<Group>(newGroup());
  /** the formula while editing as a formula; null while editing conditions */
  const [formula, setFormula] = useState<FormulaDraft | null>(null);
  const [formulaProblems, setFormulaProblems] = useState<readonly Problem[]>([]);
  const [values, setValues] = useState<SampleValues>({});
  const fields = useMemo(() => (entity === undefined ? [] : fieldsOf(entity.schema, entity.labels)), [entity]);

  if (entity === undefined) return null;
  const reading = formula === null ? null : readDraft(formula);
  const rule = reading === null ? toJsonLogic(tree) : reading.kind === 'rule' ? reading.rule : null;
  const problems: readonly Problem[] = formula === null
    ? [...checkTree(tree, fields), ...staticErrors(tree, entity.schema)]
    : rule === null ? [] : ruleProblems(rule, entity.schema);

  const edit = (path: string, next: ConditionTree | null) => setTree((current) => updateAt(current, path, () => next) as Group);
  const toFormula = () => {
    setFormula(draftOf(toJsonLogic(tree)));
    setFormulaProblems([]);
  };
  const toBuilder = () => {
    if (rule === null) return;
    const read = fromJsonLogic(rule, fields);
    if (read.ok) {
      setTree(read.value);
      setFormula(null);
    } else {
      setFormulaProblems(read.problems);
    }
  };

  return (
    <div className="screen rules">
      <header className="screen-header">
        <h1>{t('rules.title')}</h1>
        <p className="muted">{t('rules.intro')}</p>
        <label className="inline">
          <span>{t('rules.data')}</span>
          <select
            aria-label={t('rules.data')}
            value={entity.id}
            onChange={(e) => {
              setEntity(entities.find((x) => x.id === e.target.value) ?? entity);
              setTree(newGroup());
              setFormula(null);
              setValues({});
            }}
          >
            {entities.map((x) => <option key={x.id} value={x.id}>{pick(x.label)}</option>)}
          </select>
        </label>
      </header>
      <div className="columns">
        <div className="column">
          <div className="tabs" role="radiogroup" aria-label={t('rules.mode')}>
            <label><input type="radio" name="mode" checked={formula === null} onChange={toBuilder} />{t('rules.builder')}</label>
            <label><input type="radio" name="mode" checked={formula !== null} onChange={toFormula} />{t('rules.formula')}</label>
          </div>
          {formula === null
            ? <ConditionGroup group={tree} path="" fields={fields} problems={problems} onEdit={edit} />
            : <FormulaEditor draft={formula} fields={fields} problems={problems} onDraft={(next) => { setFormula(next); setFormulaProblems([]); }} onApply={toBuilder} />}
          <section className="panel" aria-labelledby="problems-title">
            <h2 id="problems-title">{t('rules.problems')}</h2>
            {formulaProblems.length > 0 && <p className="muted">{t('rules.notRepresentable')}</p>}
            {/* a formula's own problems are shown in the editor, at their columns */}
            {formula === null && problems.length > 0 ? <ProblemList problems={problems} />
              : rule !== null && problems.length === 0 && formulaProblems.length === 0 ? <p className="muted ok">{t('rules.noProblems')}</p>
                : <ProblemList problems={formulaProblems} />}
          </section>
        </div>
        <div className="column">
          <details className="panel">
            <summary id="logic-title">{formula === null ? t('rules.generated') : t('rules.logicAdvanced')}</summary>
            <pre className="json" aria-labelledby="logic-title" data-testid="json-logic">{rule === null ? '' : formatJson(rule)}</pre>
          </details>
          <TryItPanel rule={rule} fields={fields} values={values} onValues={setValues} />
        </div>
      </div>
    </div>
  );
}

