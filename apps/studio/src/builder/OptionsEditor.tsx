import { useTranslation } from 'react-i18next';
import type { FieldOption } from './model.js';

interface Props {
  readonly options: readonly FieldOption[];
  readonly onChange: (next: readonly FieldOption[], coalesce: string) => void;
}

/** The choices of a select or radio field: stored value and its label in both languages. */
export function OptionsEditor({ options, onChange }: Props) {
  const { t } = useTranslation();
  const set = (i: number, option: FieldOption, what: string) => onChange(options.map((o, j) => (j === i ? option : o)), `option.${i}.${what}`);
  return (
    <fieldset className="options-editor">
      <legend>{t('builder.props.options')}</legend>
      <table>
        <thead><tr><th>{t('builder.props.optionValue')}</th><th>{t('workspace.zh')}</th><th>{t('workspace.en')}</th><th /></tr></thead>
        <tbody>
          {options.map((o, i) => (
            <tr key={i}>
              <td><input aria-label={t('builder.props.optionValueN', { n: i + 1 })} value={o.value} onChange={(e) => set(i, { ...o, value: e.target.value }, 'value')} /></td>
              <td><input aria-label={t('builder.props.optionZhN', { n: i + 1 })} value={o.label['zh-CN']} onChange={(e) => set(i, { ...o, label: { ...o.label, 'zh-CN': e.target.value } }, 'zh')} /></td>
              <td><input aria-label={t('builder.props.optionEnN', { n: i + 1 })} value={o.label.en} onChange={(e) => set(i, { ...o, label: { ...o.label, en: e.target.value } }, 'en')} /></td>
              <td><button type="button" className="icon" aria-label={t('builder.props.removeOptionN', { n: i + 1 })} onClick={() => onChange(options.filter((_, j) => j !== i), 'option.remove')}>×</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onChange([...options, { value: `option${options.length + 1}`, label: { 'zh-CN': `选项 ${options.length + 1}`, en: `Option ${options.length + 1}` } }], 'option.add')}>
        + {t('builder.props.addOption')}
      </button>
    </fieldset>
  );
}
