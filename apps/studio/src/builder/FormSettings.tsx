import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/i18n.js';
import type { BuilderForm, BuilderPage } from './model.js';
import { TextPair } from './TextPair.js';

interface Props {
  readonly form: BuilderForm;
  readonly onChange: (next: BuilderForm, coalesce?: string) => void;
}

/** The form's own name and its wizard pages (none: a single page). */
export const FormSettings = memo(function FormSettings({ form, onChange }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const setPage = (i: number, page: BuilderPage, coalesce: string) => onChange({ ...form, pages: form.pages.map((p, j) => (j === i ? page : p)) }, coalesce);
  const addPage = () => {
    const n = form.pages.length + 1;
    onChange({ ...form, pages: [...form.pages, { id: `page${n}`, title: { 'zh-CN': `第 ${n} 步`, en: `Step ${n}` } }] });
  };
  const removePage = (id: string) => onChange({
    ...form,
    pages: form.pages.filter((p) => p.id !== id),
    fields: form.fields.map((f) => (f.page === id ? { ...f, page: undefined } : f)).map((f) => (f.page === undefined ? Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'page')) as typeof f : f)),
  });
  return (
    <section className="panel builder-properties" aria-labelledby="form-settings-title">
      <h2 id="form-settings-title">{t('builder.settings.title')}</h2>
      <TextPair label={t('builder.settings.name')} value={form.label} onChange={(label, lang) => label !== undefined && onChange({ ...form, label }, `form.label.${lang}`)} />
      <fieldset>
        <legend>{t('builder.settings.pages')}</legend>
        {form.pages.length === 0 && <p className="muted">{t('builder.settings.onePage')}</p>}
        <ol className="pages">
          {form.pages.map((p, i) => (
            <li key={p.id}>
              <TextPair label={t('builder.settings.pageTitle', { n: i + 1 })} value={p.title} onChange={(title, lang) => title !== undefined && setPage(i, { ...p, title }, `page.${p.id}.${lang}`)} />
              <button type="button" aria-label={t('builder.settings.removePage', { name: pick(p.title) })} onClick={() => removePage(p.id)}>×</button>
            </li>
          ))}
        </ol>
        <button type="button" onClick={addPage}>+ {t('builder.settings.addPage')}</button>
      </fieldset>
    </section>
  );
});
