import type { LocalizedText } from '@trellis/errors';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/i18n.js';
import { branchDefault, branchIndex, defaultOf, type FieldSpec, type PropSpec } from '../model/settings-spec.js';
import { CommitInput } from './CommitInput.js';
import { useEditorContext, type Option } from './editor-context.js';
import { JsonInput } from './JsonInput.js';
import { useSettingLabels } from './labels.js';
import { RuleEditor } from './RuleEditor.js';
import { TemplateEditor } from './TemplateEditor.js';

interface Props {
  readonly spec: FieldSpec;
  readonly value: unknown;
  /** the setting's property name: it names the labels and the choices */
  readonly name: string;
  readonly label: string;
  /** where the value sits in the settings (`approvers.0.by`), for finding it on the page */
  readonly path: string;
  readonly onChange: (value: unknown) => void;
}

type Obj = Readonly<Record<string, unknown>>;
const asObject = (value: unknown): Obj => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Obj : {});
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

function Choice({ value, options, label, onChange }: { value: string; options: readonly Option[]; label: string; onChange: (v: string) => void }) {
  const { pick } = useLocale();
  const { t } = useTranslation();
  const known = options.some((o) => o.value === value);
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {!known && <option value={value}>{value === '' ? t('flows.field.chooseField') : value}</option>}
      {options.map((o) => <option key={o.value} value={o.value}>{typeof o.label === 'string' ? o.label : pick(o.label)}</option>)}
    </select>
  );
}

/** The properties of an object: required ones always, optional ones once set (a button sets them). */
function Properties({ props, value, path, onChange }: { props: readonly PropSpec[]; value: Obj; path: string; onChange: (value: Obj) => void }) {
  const { t } = useTranslation();
  const labels = useSettingLabels();
  return (
    <div className="props">
      {props.map((p) => {
        const label = labels.prop(p.key);
        const at = path === '' ? p.key : `${path}.${p.key}`;
        if (!(p.key in value)) {
          return p.required ? null : (
            <button key={p.key} type="button" className="set-prop" onClick={() => onChange({ ...value, [p.key]: defaultOf(p.spec) })}>
              + {t('flows.field.set', { what: label })}
            </button>
          );
        }
        return (
          <div key={p.key} className={`prop ${p.spec.kind}`} data-path={at}>
            <div className="prop-head">
              <span className="prop-label">{label}</span>
              {!p.required && (
                <button type="button" className="icon" aria-label={t('flows.field.unset', { what: label })} onClick={() => {
                  const { [p.key]: _, ...rest } = value;
                  onChange(rest);
                }}>×</button>
              )}
            </div>
            <SettingsEditor spec={p.spec} value={value[p.key]} name={p.key} label={label} path={at} onChange={(next) => onChange({ ...value, [p.key]: next })} />
          </div>
        );
      })}
    </div>
  );
}

/** An editor for a value of the spec, generated from the node kind's settings schema. */
export function SettingsEditor({ spec, value, name, label, path, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useSettingLabels();
  const { fields, optionsFor } = useEditorContext();
  switch (spec.kind) {
    case 'text':
      return <CommitInput aria-label={label} value={asText(value)} onCommit={onChange} />;
    case 'id': {
      const options = optionsFor(name);
      return options === null
        ? <CommitInput aria-label={label} value={asText(value)} onCommit={onChange} />
        : <Choice label={label} value={asText(value)} options={options} onChange={onChange} />;
    }
    case 'field':
      return <Choice label={label} value={asText(value)} options={fields.map((f) => ({ value: f.path, label: f.label }))} onChange={onChange} />;
    case 'number':
      return (
        <CommitInput
          aria-label={label}
          inputMode="decimal"
          value={typeof value === 'number' ? String(value) : ''}
          onCommit={(text) => {
            const n = Number(text);
            if (text.trim() !== '' && Number.isFinite(n)) onChange(spec.integer ? Math.round(n) : n);
          }}
        />
      );
    case 'boolean':
      return <label className="inline"><input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />{t('flows.field.yes')}</label>;
    case 'enum':
      return <Choice label={label} value={asText(value)} options={spec.values.map((v) => ({ value: v, label: labels.value(name, v) }))} onChange={onChange} />;
    case 'rule':
      return <RuleEditor value={value} label={label} onChange={onChange} />;
    case 'localized': {
      const text = asObject(value) as Partial<LocalizedText>;
      return (
        <div className="localized">
          <CommitInput aria-label={`${label} ${t('flows.field.zh')}`} value={text['zh-CN'] ?? ''} onCommit={(zh) => onChange({ 'zh-CN': zh, en: text.en ?? '' })} />
          <CommitInput aria-label={`${label} ${t('flows.field.en')}`} value={text.en ?? ''} onCommit={(en) => onChange({ 'zh-CN': text['zh-CN'] ?? '', en })} />
        </div>
      );
    }
    case 'object':
      return <Properties props={spec.props} value={asObject(value)} path={path} onChange={onChange} />;
    case 'list': {
      const items = Array.isArray(value) ? value as unknown[] : [];
      return (
        <div className="list">
          {items.length === 0 && <p className="muted">{t('flows.field.none')}</p>}
          <ol>
            {items.map((item, i) => (
              <li key={i} data-path={`${path}.${i}`}>
                <SettingsEditor spec={spec.item} value={item} name={name} label={`${label} ${i + 1}`} path={`${path}.${i}`} onChange={(next) => onChange(items.map((x, j) => (j === i ? next : x)))} />
                <button type="button" className="icon" aria-label={t('flows.field.removeItem', { what: label, n: i + 1 })} onClick={() => onChange(items.filter((_, j) => j !== i))}>×</button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => onChange([...items, defaultOf(spec.item)])}>+ {t('flows.field.addItem', { what: label })}</button>
        </div>
      );
    }
    case 'union': {
      const at = branchIndex(spec, value);
      const branch = spec.branches[at];
      const key = spec.key ?? name;
      const choice = (
        <Choice
          label={spec.key === null ? label : `${label} ${labels.prop(spec.key)}`}
          value={branch?.value ?? ''}
          options={spec.branches.map((b) => ({ value: b.value, label: labels.value(key, b.value) }))}
          onChange={(v) => onChange(branchDefault(spec, spec.branches.findIndex((b) => b.value === v)))}
        />
      );
      if (branch === undefined) return choice;
      const rest = asObject(value);
      const tag = spec.key;
      return (
        <div className="union">
          {choice}
          <Properties
            props={branch.props}
            value={tag === null ? rest : Object.fromEntries(Object.entries(rest).filter(([k]) => k !== tag))}
            path={path}
            onChange={(next) => onChange(tag === null ? next : { [tag]: branch.value, ...next })}
          />
        </div>
      );
    }
    case 'template':
      return <TemplateEditor value={value} label={label} onChange={onChange} />;
    case 'map': {
      const entries = Object.entries(asObject(value));
      const rename = (from: string, to: string) => {
        if (to !== '' && to !== from && !entries.some(([k]) => k === to)) onChange(Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v])));
      };
      return (
        <div className="map">
          {entries.length === 0 && <p className="muted">{t('flows.field.none')}</p>}
          <ol>
            {entries.map(([key, item], i) => (
              <li key={key} data-path={`${path}.${key}`}>
                <CommitInput aria-label={t('flows.field.mapKey', { what: label, n: i + 1 })} value={key} onCommit={(to) => rename(key, to)} />
                <SettingsEditor spec={spec.item} value={item} name={name} label={`${label} ${key}`} path={`${path}.${key}`} onChange={(next) => onChange({ ...asObject(value), [key]: next })} />
                <button type="button" className="icon" aria-label={t('flows.field.removeItem', { what: label, n: i + 1 })} onClick={() => onChange(Object.fromEntries(entries.filter(([k]) => k !== key)))}>×</button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => onChange({ ...asObject(value), [`field${entries.length + 1}`]: defaultOf(spec.item) })}>+ {t('flows.field.addItem', { what: label })}</button>
        </div>
      );
    }
    case 'json':
      return <JsonInput value={value} label={label} onChange={onChange} />;
  }
}
