import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJson } from '../../common/format-json.js';

/** Any JSON, for settings the panel has no editor for; applied when the box is left, if it parses. */
export function JsonInput({ value, label, onChange }: { value: unknown; label: string; onChange: (value: unknown) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatJson(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(formatJson(value)), [value]);
  const commit = () => {
    try {
      const parsed: unknown = JSON.parse(text);
      setError(null);
      if (JSON.stringify(parsed) !== JSON.stringify(value)) onChange(parsed);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <textarea aria-label={label} rows={Math.min(8, text.split('\n').length + 1)} value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} title={t('flows.field.jsonHint')} />
      {error !== null && <p className="problems error" role="alert">{t('flows.field.invalidJson', { message: error })}</p>}
    </>
  );
}
