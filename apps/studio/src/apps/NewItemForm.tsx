import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@trellis/errors';

interface Props {
  readonly id: string;
  readonly title: string;
  readonly idLabel: string;
  readonly submit: string;
  readonly onCreate: (id: string, label: LocalizedText) => void;
  readonly children?: ReactNode;
}

/** A panel that names something new: an id and a name in both languages. */
export function NewItemForm({ id, title, idLabel, submit, onCreate, children }: Props) {
  const { t } = useTranslation();
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    onCreate(text('id'), { 'zh-CN': text('label.zh-CN'), en: text('label.en') });
  };
  return (
    <form className="panel" onSubmit={create} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <label className="stacked"><span>{idLabel}</span><input type="text" name="id" required pattern="[a-z][a-z0-9_]{0,62}" title={t('workspace.idHint')} /></label>
      <label className="stacked"><span>{t('workspace.labelZh')}</span><input type="text" name="label.zh-CN" required /></label>
      <label className="stacked"><span>{t('workspace.labelEn')}</span><input type="text" name="label.en" required /></label>
      {children}
      <button type="submit" className="primary">{submit}</button>
    </form>
  );
}
