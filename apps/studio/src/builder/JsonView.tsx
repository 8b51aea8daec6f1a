import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateDefinition, type EntityDefinition } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { ProblemList } from '../common/ProblemList.js';
import { fromDefinition } from './from-definition.js';
import type { BuilderForm } from './model.js';

interface Props {
  readonly definition: EntityDefinition;
  readonly onApply: (form: BuilderForm) => void;
}

/** The definition as JSON for power users; applying an edit reads it back into the builder. */
export function JsonView({ definition, onApply }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(definition, null, 2));
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  // the form changed elsewhere (or an apply went through): show it afresh
  useEffect(() => setText(JSON.stringify(definition, null, 2)), [definition]);
  const apply = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setProblems([{ code: 'STUDIO_INVALID_JSON', path: '', message: { en: t('formula.invalidJson', { message, lng: 'en' }), 'zh-CN': t('formula.invalidJson', { message, lng: 'zh-CN' }) } }]);
      return;
    }
    const validated = validateDefinition('entity', parsed);
    if (!validated.ok) {
      setProblems(validated.problems);
      return;
    }
    const read = fromDefinition(validated.value as EntityDefinition);
    if (!read.ok) {
      const list = read.unsupported.join(', ');
      setProblems([{ code: 'STUDIO_UNSUPPORTED', path: '', message: { en: t('builder.json.unsupported', { list, lng: 'en' }), 'zh-CN': t('builder.json.unsupported', { list, lng: 'zh-CN' }) } }]);
      return;
    }
    setProblems([]);
    onApply(read.form);
  };
  return (
    <section className="panel json-view" aria-labelledby="json-title">
      <h2 id="json-title">{t('builder.json.title')}</h2>
      <textarea aria-labelledby="json-title" spellCheck={false} rows={24} value={text} onChange={(e) => setText(e.target.value)} />
      <div role="alert"><ProblemList problems={problems} showPaths /></div>
      <button type="button" onClick={apply}>{t('builder.json.apply')}</button>
    </section>
  );
}
