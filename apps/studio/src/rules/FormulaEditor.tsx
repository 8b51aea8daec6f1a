import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Field } from '@trellis/conditions';
import { useLocale } from '../i18n/i18n.js';

interface Props {
  readonly text: string;
  readonly fields: readonly Field[];
  readonly onText: (text: string) => void;
  /** shows the "show as conditions" button */
  readonly onApply?: () => void;
}

/** JSON Logic as text, for rules the condition builder cannot show; fields are inserted by label. */
export function FormulaEditor({ text, fields, onText, onApply }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const area = useRef<HTMLTextAreaElement>(null);
  const insert = (path: string) => {
    const snippet = JSON.stringify({ var: path });
    const el = area.current;
    const [start, end] = el === null ? [text.length, text.length] : [el.selectionStart, el.selectionEnd];
    onText(text.slice(0, start) + snippet + text.slice(end));
  };
  return (
    <div className="formula">
      <label className="stacked">
        <span>{t('formula.label')}</span>
        <textarea ref={area} rows={6} spellCheck={false} value={text} onChange={(e) => onText(e.target.value)} />
      </label>
      <p className="muted">{t('formula.hint')}</p>
      <div className="toolbar">
        <select aria-label={t('formula.insertField')} value="" onChange={(e) => e.target.value !== '' && insert(e.target.value)}>
          <option value="">{t('formula.insertField')}…</option>
          {fields.map((f) => <option key={f.path} value={f.path}>{pick(f.label)} ({f.path})</option>)}
        </select>
        {onApply !== undefined && <button type="button" onClick={onApply}>{t('formula.apply')}</button>}
      </div>
    </div>
  );
}
