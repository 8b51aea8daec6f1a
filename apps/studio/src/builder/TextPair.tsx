import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@trellis/errors';

interface Props {
  readonly label: string;
  readonly value: LocalizedText | undefined;
  readonly onChange: (next: LocalizedText | undefined, language: keyof LocalizedText) => void;
  readonly multiline?: boolean;
}

/** A text in zh-CN and en side by side; both empty means none. */
export const TextPair = memo(function TextPair({ label, value, onChange, multiline = false }: Props) {
  const { t } = useTranslation();
  const set = (language: keyof LocalizedText, text: string) => {
    const next = { 'zh-CN': value?.['zh-CN'] ?? '', en: value?.en ?? '', [language]: text };
    onChange(next['zh-CN'] === '' && next.en === '' ? undefined : next, language);
  };
  const Input = multiline ? 'textarea' : 'input';
  return (
    <fieldset className="text-pair">
      <legend>{label}</legend>
      <label><span>{t('workspace.zh')}</span><Input aria-label={`${label} ${t('workspace.zh')}`} value={value?.['zh-CN'] ?? ''} onChange={(e) => set('zh-CN', e.target.value)} /></label>
      <label><span>{t('workspace.en')}</span><Input aria-label={`${label} ${t('workspace.en')}`} value={value?.en ?? ''} onChange={(e) => set('en', e.target.value)} /></label>
    </fieldset>
  );
});
