import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Field } from '@trellis/conditions';
import type { JsonSchemaObject } from '@trellis/rules';
import { useLocale } from '../i18n/i18n.js';
import { ConditionProperty } from './ConditionProperty.js';
import { ColumnsEditor } from './ColumnsEditor.js';
import { compact } from './edit.js';
import { FormulaProperty } from './FormulaProperty.js';
import { hasOptions, isLayout, isNumeric, isText, mayTakeRecords, type BuilderField, type BuilderPage } from './model.js';
import { OptionsEditor } from './OptionsEditor.js';
import { OptionsSource } from './OptionsSource.js';
import { numberOrUndefined } from './number-text.js';
import { PatternProperty } from './PatternProperty.js';
import { DefaultProperty, takesDefault } from './DefaultProperty.js';

/** Kinds typed into one box, which can show a hint while it is empty. */
const takesPlaceholder = (kind: BuilderField['kind']): boolean => isNumeric(kind) || isText(kind) || kind === 'email' || kind === 'phone';
import { TextPair } from './TextPair.js';

interface Props {
  /** the app whose entities a select may take its options from */
  readonly appId: string;
  readonly field: BuilderField;
  /** the field's path: its key, or `group.child` for a group's field */
  readonly path: string;
  readonly pages: readonly BuilderPage[];
  /** the form's other fields, for conditions and formulas */
  readonly fields: readonly Field[];
  readonly schema: JsonSchemaObject;
  readonly onChange: (key: string, next: BuilderField, coalesce?: string) => void;
}

const KEY = /^[a-z][A-Za-z0-9_]{0,62}$/;

/** A number property; empty means unset. */
function NumberInput({ label, value, onChange }: { label: string; value: number | undefined; onChange: (n: number | undefined) => void }) {
  return <label className="stacked"><span>{label}</span><input type="number" value={value ?? ''} onChange={(e) => onChange(numberOrUndefined(e.target.value))} /></label>;
}

/** The key is renamed when the input is left, and only to a valid, free name. */
function KeyInput({ value, taken, onRename }: { value: string; taken: (key: string) => boolean; onRename: (key: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const invalid = text !== value && (!KEY.test(text) || taken(text));
  return (
    <label className="stacked">
      <span>{t('builder.props.key')}</span>
      <input
        value={text}
        aria-invalid={invalid}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => (invalid || text === value ? setText(value) : onRename(text))}
      />
      {invalid && <span className="problems error">{t('builder.props.keyInvalid')}</span>}
    </label>
  );
}

/** Everything about one field: texts in both languages, checks, options, and its rules. */
export const PropertyPanel = memo(function PropertyPanel({ appId, field, path, pages, fields, schema, onChange }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const set = (patch: Partial<BuilderField>, coalesce?: string) => onChange(path, compact({ ...field, ...patch }), coalesce);
  const others = fields.filter((f) => f.path !== path && !f.path.startsWith(`${path}.`));
  /** `group.` for a group's field: its siblings' keys are the taken ones */
  const parent = path.slice(0, path.length - field.key.length);
  const files = field.kind === 'file' && field.multiple === true;
  const numeric = isNumeric(field.kind);
  return (
    <section className="panel builder-properties" aria-labelledby="properties-title">
      <h2 id="properties-title">{t('builder.props.title', { name: pick(field.label) })}</h2>
      <KeyInput key={field.key} value={field.key} taken={(k) => fields.some((f) => f.path === `${parent}${k}`)} onRename={(key) => set({ key })} />
      <TextPair label={t('builder.props.label')} value={field.label} onChange={(label, lang) => label !== undefined && set({ label }, `label.${lang}`)} />
      {!isLayout(field.kind) && (
        <>
          <TextPair label={t('builder.props.help')} value={field.help} onChange={(help, lang) => set({ help }, `help.${lang}`)} />
          {takesPlaceholder(field.kind) && <TextPair label={t('builder.placeholder')} value={field.placeholder} onChange={(placeholder, lang) => set({ placeholder }, `placeholder.${lang}`)} />}
          <label className="check"><input type="checkbox" checked={field.required === true} onChange={(e) => set({ required: e.target.checked ? true : undefined })} />{t('builder.props.required')}</label>
          {field.kind === 'file' && (
            <label className="check"><input type="checkbox" checked={field.multiple === true} onChange={(e) => set(e.target.checked ? { multiple: true } : { multiple: undefined, min: undefined, max: undefined })} />{t('builder.props.multiple')}</label>
          )}
          {field.kind === 'file' && (
            <label className="check"><input type="checkbox" checked={field.accept === 'image/*'} onChange={(e) => set({ accept: e.target.checked ? 'image/*' : undefined })} />{t('builder.props.imagesOnly')}</label>
          )}
          {files && (
            <div className="pair">
              <NumberInput label={t('builder.props.minFiles')} value={field.min} onChange={(min) => set({ min }, 'min')} />
              <NumberInput label={t('builder.props.maxFiles')} value={field.max} onChange={(max) => set({ max }, 'max')} />
            </div>
          )}
          {(numeric || field.kind === 'repeater') && (
            <div className="pair">
              <NumberInput label={field.kind === 'repeater' ? t('builder.props.minRows') : t('builder.props.min')} value={field.min} onChange={(min) => set({ min, ...(min === undefined ? { minExclusive: undefined } : {}) }, 'min')} />
              <NumberInput label={field.kind === 'repeater' ? t('builder.props.maxRows') : t('builder.props.max')} value={field.max} onChange={(max) => set({ max }, 'max')} />
            </div>
          )}
          {field.kind === 'number' && <label className="check"><input type="checkbox" checked={field.integer === true} onChange={(e) => set({ integer: e.target.checked ? true : undefined })} />{t('builder.numbers.integer')}</label>}
          {numeric && field.min !== undefined && (
            <label className="check"><input type="checkbox" checked={field.minExclusive === true} onChange={(e) => set({ minExclusive: e.target.checked ? true : undefined })} />{t('builder.numbers.minExclusive')}</label>
          )}
          {(isText(field.kind) || field.kind === 'email') && (
            <div className="pair">
              <NumberInput label={t('builder.props.minLength')} value={field.minLength} onChange={(minLength) => set({ minLength }, 'minLength')} />
              <NumberInput label={t('builder.props.maxLength')} value={field.maxLength} onChange={(maxLength) => set({ maxLength }, 'maxLength')} />
            </div>
          )}
          {field.kind === 'text' && (
            <PatternProperty value={field.pattern} onChange={(pattern, coalesce) => set({ pattern }, coalesce)} />
          )}
          {takesDefault(field.kind) && <DefaultProperty key={`default-${field.key}`} field={field} fields={others} schema={schema} onChange={set} />}
          {field.kind === 'repeater' && <ColumnsEditor columns={field.columns ?? []} onChange={(columns, coalesce) => set({ columns }, coalesce)} />}
          {mayTakeRecords(field.kind) && (
            <OptionsSource appId={appId} value={field.optionsFrom} onChange={(optionsFrom) => set({ optionsFrom, options: optionsFrom === undefined ? field.options ?? [] : undefined })} />
          )}
          {hasOptions(field.kind) && field.optionsFrom === undefined && <OptionsEditor options={field.options ?? []} onChange={(options, coalesce) => set({ options }, coalesce)} />}
        </>
      )}
      {pages.length > 0 && !isLayout(field.kind) && parent === '' && (
        <label className="stacked">
          <span>{t('builder.props.page')}</span>
          <select value={field.page ?? pages[0]?.id} onChange={(e) => set({ page: e.target.value === pages[0]?.id ? undefined : e.target.value })}>
            {pages.map((p) => <option key={p.id} value={p.id}>{pick(p.title)}</option>)}
          </select>
        </label>
      )}
      {!isLayout(field.kind) && (
        <div className="field-rules">
          <ConditionProperty key={`show-${field.key}`} title={t('builder.rules.showWhen')} rule={field.showWhen} fields={others} schema={schema} onChange={(showWhen) => set({ showWhen }, 'showWhen')} />
          {field.kind !== 'group' && (
            <>
              <ConditionProperty key={`req-${field.key}`} title={t('builder.rules.requiredWhen')} rule={field.requiredWhen} fields={others} schema={schema} onChange={(requiredWhen) => set({ requiredWhen }, 'requiredWhen')} />
              <FormulaProperty key={`calc-${field.key}`} rule={field.computedAs} fields={others} schema={schema} onChange={(computedAs) => set({ computedAs }, 'computedAs')} />
            </>
          )}
        </div>
      )}
    </section>
  );
});
