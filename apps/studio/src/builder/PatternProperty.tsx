import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/i18n.js';
import {
  isReferenceCode, isValidReferenceCode, PATTERN_IDS, PATTERNS, REFERENCE_CODE_LABEL, REFERENCE_DIGITS, REFERENCE_PREFIX,
  type FieldPattern, type ReferenceCode,
} from './patterns.js';

interface Props {
  readonly value: FieldPattern | undefined;
  readonly onChange: (next: FieldPattern | undefined, coalesce?: string) => void;
}

const REFERENCE = 'referenceCode';
const FIRST_CODE: ReferenceCode = { prefix: 'NO', digits: 6 };

/** A reference code's prefix and digit count; a prefix is kept only once it is 1–5 capital letters. */
function ReferenceCodeInputs({ value, onChange }: { value: ReferenceCode; onChange: (next: ReferenceCode, coalesce: string) => void }) {
  const { t } = useTranslation();
  const [prefix, setPrefix] = useState(value.prefix);
  const invalid = !REFERENCE_PREFIX.test(prefix);
  return (
    <div className="pair reference-code">
      <label className="stacked">
        <span>{t('builder.pattern.prefix')}</span>
        <input
          value={prefix}
          aria-invalid={invalid}
          maxLength={5}
          onChange={(e) => {
            const next = e.target.value.toUpperCase();
            setPrefix(next);
            if (REFERENCE_PREFIX.test(next)) onChange({ ...value, prefix: next }, 'prefix');
          }}
        />
        {invalid && <span className="problems error">{t('builder.pattern.prefixInvalid')}</span>}
      </label>
      <label className="stacked">
        <span>{t('builder.pattern.digits')}</span>
        <input
          type="number"
          min={REFERENCE_DIGITS.min}
          max={REFERENCE_DIGITS.max}
          value={value.digits}
          onChange={(e) => {
            const next = { ...value, digits: Number(e.target.value) };
            if (isValidReferenceCode(next)) onChange(next, 'digits');
          }}
        />
      </label>
      <p className="muted">{t('builder.pattern.example', { example: `${value.prefix}${'0'.repeat(Math.max(value.digits - 1, 0))}1` })}</p>
    </div>
  );
}

/** A text field's format, picked from the safe list; a reference code takes its prefix and length. */
export function PatternProperty({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const selected = value === undefined ? '' : isReferenceCode(value) ? REFERENCE : value;
  const choose = (id: string) => {
    if (id === '') onChange(undefined);
    else if (id === REFERENCE) onChange(FIRST_CODE);
    else onChange(id as FieldPattern);
  };
  return (
    <>
      <label className="stacked">
        <span>{t('builder.props.pattern')}</span>
        <select value={selected} onChange={(e) => choose(e.target.value)}>
          <option value="">{t('builder.props.noPattern')}</option>
          {PATTERN_IDS.map((id) => <option key={id} value={id}>{pick(PATTERNS[id].label)}</option>)}
          <option value={REFERENCE}>{pick(REFERENCE_CODE_LABEL)}</option>
        </select>
      </label>
      {value !== undefined && isReferenceCode(value) && (
        <ReferenceCodeInputs value={value} onChange={(next, coalesce) => onChange(next, `pattern.${coalesce}`)} />
      )}
    </>
  );
}
