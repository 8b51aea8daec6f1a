import { useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Field } from '@trellis/conditions';
import type { Problem } from '@trellis/errors';
import { ProblemList } from '../common/ProblemList.js';
import { readDraft, switchView, type FormulaDraft } from '../formula/draft.js';
import { problemIssue, syntaxIssue, type FormulaIssue } from '../formula/issues.js';
import { useLocale } from '../i18n/i18n.js';
import { FormulaInput } from './FormulaInput.js';
import { FormulaMarks } from './FormulaMarks.js';

interface Props {
  readonly draft: FormulaDraft;
  readonly fields: readonly Field[];
  /** the static problems of the rule the draft reads as */
  readonly problems: readonly Problem[];
  readonly onDraft: (draft: FormulaDraft) => void;
  /** shows the "show as conditions" button */
  readonly onApply?: () => void;
}

/**
 * A rule typed as a spreadsheet-like formula, its problems told at their columns; or, for power
 * users and for rules no formula can say, as JSON Logic (advanced).
 */
export function FormulaEditor({ draft, fields, problems, onDraft, onApply }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const issuesId = useId();
  const reading = useMemo(() => readDraft(draft), [draft]);
  const sources = reading.kind === 'rule' ? reading.sources : null;
  const issues: readonly FormulaIssue[] = reading.kind === 'formulaError' ? [syntaxIssue(reading.error, t)]
    : sources !== null ? problems.map((p) => problemIssue(p, sources, locale, t))
      : [];
  const asFormula = switchView(draft, 'formula', reading);
  const asJson = switchView(draft, 'json', reading);
  const area = useRef<HTMLTextAreaElement>(null);
  /** the field where the caret is (or the selection was), in the view's own notation */
  const insert = (path: string) => {
    const snippet = draft.view === 'formula' ? path : JSON.stringify({ var: path });
    const el = area.current;
    const [start, end] = el === null ? [draft.text.length, draft.text.length] : [el.selectionStart, el.selectionEnd];
    onDraft({ ...draft, text: draft.text.slice(0, start) + snippet + draft.text.slice(end) });
  };

  return (
    <div className="formula">
      <div className="tabs" role="radiogroup" aria-label={t('formula.view')}>
        <label>
          <input type="radio" checked={draft.view === 'formula'} disabled={asFormula === null} onChange={() => asFormula !== null && onDraft(asFormula)} />
          {t('formula.viewFormula')}
        </label>
        <label>
          <input type="radio" checked={draft.view === 'json'} disabled={asJson === null} onChange={() => asJson !== null && onDraft(asJson)} />
          {t('formula.viewJson')}
        </label>
      </div>
      {draft.view === 'formula' ? (
        <>
          <FormulaInput inputRef={area} text={draft.text} fields={fields} invalid={issues.length > 0} describedBy={issuesId} onText={(text) => onDraft({ view: 'formula', text })} />
          <p className="muted">{t('formula.hint')}</p>
          <FormulaMarks text={draft.text} issues={issues} />
          <ul id={issuesId} className="problems formula-issues">
            {issues.map((issue, i) => (
              <li key={`${issue.code}${i}`} className="error" data-code={issue.code} data-column={issue.span === null ? undefined : issue.span.start + 1}>{issue.message}</li>
            ))}
          </ul>
        </>
      ) : (
        <>
          {asFormula === null && reading.kind === 'rule' && <p className="notice">{t('formula.advancedOnly')}</p>}
          <label className="stacked">
            <span>{t('formula.jsonLabel')}</span>
            <textarea ref={area} rows={6} spellCheck={false} value={draft.text} onChange={(e) => onDraft({ view: 'json', text: e.target.value })} />
          </label>
          <p className="muted">{t('formula.jsonHint')}</p>
          {reading.kind === 'jsonError' && <p className="problems error" role="alert">{t('formula.invalidJson', { message: reading.message })}</p>}
          <ProblemList problems={problems} showPaths />
        </>
      )}
      <div className="toolbar">
        <select aria-label={t('formula.insertField')} value="" onChange={(e) => e.target.value !== '' && insert(e.target.value)}>
          <option value="">{t('formula.insertField')}…</option>
          {fields.map((f) => <option key={f.path} value={f.path}>{f.label[locale]} ({f.path})</option>)}
        </select>
        {onApply !== undefined && <button type="button" onClick={onApply}>{t('formula.apply')}</button>}
      </div>
    </div>
  );
}
