import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/i18n.js';
import { kindLabel } from './edit.js';
import type { BuilderField, FieldKind } from './model.js';

/** What a repeater's row may hold: single values, no nesting. */
const COLUMN_KINDS: readonly FieldKind[] = ['text', 'number', 'money', 'percent', 'date', 'checkbox', 'email', 'phone'];

interface Props {
  readonly columns: readonly BuilderField[];
  readonly onChange: (next: readonly BuilderField[], coalesce: string) => void;
}

/** The columns of a repeater (a sub-table of rows): id, type, names in both languages, required. */
export function ColumnsEditor({ columns, onChange }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const set = (i: number, column: BuilderField, what: string) => onChange(columns.map((c, j) => (j === i ? column : c)), `column.${i}.${what}`);
  const add = () => {
    const taken = new Set(columns.map((c) => c.key));
    let n = columns.length + 1;
    while (taken.has(`column${n}`)) n += 1;
    onChange([...columns, { key: `column${n}`, kind: 'text', label: { 'zh-CN': `列 ${n}`, en: `Column ${n}` } }], 'column.add');
  };
  return (
    <fieldset className="options-editor">
      <legend>{t('builder.props.columns')}</legend>
      <table>
        <thead><tr><th>{t('builder.props.key')}</th><th>{t('builder.props.columnKind')}</th><th>{t('workspace.zh')}</th><th>{t('workspace.en')}</th><th>{t('builder.props.required')}</th><th /></tr></thead>
        <tbody>
          {columns.map((c, i) => (
            <tr key={i}>
              <td><input aria-label={t('builder.props.columnKeyN', { n: i + 1 })} value={c.key} onChange={(e) => /^[a-z][A-Za-z0-9_]{0,62}$/.test(e.target.value) && set(i, { ...c, key: e.target.value }, 'key')} /></td>
              <td>
                <select aria-label={t('builder.props.columnKindN', { n: i + 1 })} value={c.kind} onChange={(e) => set(i, { key: c.key, label: c.label, kind: e.target.value as FieldKind }, 'kind')}>
                  {COLUMN_KINDS.map((k) => <option key={k} value={k}>{pick(kindLabel(k))}</option>)}
                </select>
              </td>
              <td><input aria-label={t('builder.props.columnZhN', { n: i + 1 })} value={c.label['zh-CN']} onChange={(e) => set(i, { ...c, label: { ...c.label, 'zh-CN': e.target.value } }, 'zh')} /></td>
              <td><input aria-label={t('builder.props.columnEnN', { n: i + 1 })} value={c.label.en} onChange={(e) => set(i, { ...c, label: { ...c.label, en: e.target.value } }, 'en')} /></td>
              <td><input type="checkbox" aria-label={t('builder.props.columnRequiredN', { n: i + 1 })} checked={c.required === true} onChange={(e) => set(i, e.target.checked ? { ...c, required: true } : { key: c.key, kind: c.kind, label: c.label }, 'required')} /></td>
              <td><button type="button" className="icon" aria-label={t('builder.props.removeColumnN', { n: i + 1 })} disabled={columns.length === 1} onClick={() => onChange(columns.filter((_, j) => j !== i), 'column.remove')}>×</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={add}>+ {t('builder.props.addColumn')}</button>
    </fieldset>
  );
}
