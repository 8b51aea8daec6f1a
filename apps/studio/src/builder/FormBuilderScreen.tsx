import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldsOf } from '@trellis/conditions';
import { fieldLabelsOf } from '../app-data/field-labels.js';
import type { Problem } from '@trellis/errors';
import type { JsonSchemaObject } from '@trellis/rules';
import { api, problemsOf } from '../api/client.js';
import type { DefinitionVersion } from '../api/types.js';
import { ProblemList } from '../common/ProblemList.js';
import { useLocale } from '../i18n/i18n.js';
import { Preview } from '../preview/Preview.js';
import { hrefOf } from '../shell/hash-route.js';
import { Board } from './Board.js';
import { insertChild, insertField, moveChild, moveField, newField, removeField, updateField } from './edit.js';
import { createFieldStore } from './field-store.js';
import { FormSettings } from './FormSettings.js';
import { FormRules } from './FormRules.js';
import { historyReducer, startHistory } from './history.js';
import { JsonView } from './JsonView.js';
import { loadForm, type LoadedForm } from './load-form.js';
import { fieldAt, type BuilderField, type BuilderForm, type FieldKind } from './model.js';
import type { GroupActions } from './GroupChildren.js';
import { PropertyPanel } from './PropertyPanel.js';
import { toDefinition } from './to-definition.js';
import { useSettledValue } from './settled-value.js';
import { VersionsPanel } from './VersionsPanel.js';

const PREVIEW_DELAY_MS = 300;

interface Props {
  readonly appId: string;
  readonly entityId: string;
}

type Loaded = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly problems: readonly Problem[] } | { readonly kind: 'ready'; readonly loaded: LoadedForm };

/** `#/apps/APP/forms/ENTITY`: loads the entity's draft (or latest version) into the builder. */
export function FormBuilderScreen({ appId, entityId }: Props) {
  const { t } = useTranslation();
  const base = `/apps/${appId}/definitions/entity/${entityId}`;
  const [state, setState] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    loadForm(base, appId, entityId).then((loaded) => setState({ kind: 'ready', loaded }), (error: unknown) => setState({ kind: 'failed', problems: problemsOf(error) }));
  }, [base, appId, entityId]);
  if (state.kind === 'loading') return <p className="muted">{t('workspace.loading')}</p>;
  if (state.kind === 'failed') return <div role="alert"><ProblemList problems={state.problems} showPaths /></div>;
  const { read } = state.loaded;
  if (!read.ok) {
    return <div className="screen"><h1>{entityId}</h1><p role="alert" className="problems error">{t('builder.json.unsupported', { list: read.unsupported.join(', ') })}</p></div>;
  }
  return <FormBuilder appId={appId} base={base} initial={read.form} published={state.loaded.published} />;
}

type Tab = 'preview' | 'json' | 'versions';
type Status = { readonly kind: 'idle' } | { readonly kind: 'saved' } | { readonly kind: 'published'; readonly version: number } | { readonly kind: 'failed'; readonly problems: readonly Problem[] };

function FormBuilder({ appId, base, initial, published: initialPublished }: { appId: string; base: string; initial: BuilderForm; published: number | null }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [history, dispatch] = useReducer(historyReducer, initial, startHistory);
  const form = history.present;
  const formRef = useRef(form);
  formRef.current = form;
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('preview');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [published, setPublished] = useState(initialPublished);
  const [versionsSeen, setVersionsSeen] = useState(0);

  const definition = useMemo(() => toDefinition(form), [form]);
  // The preview follows the edits once typing pauses: rebuilding a 150-field rjsf form (and
  // compiling its schema) per keystroke would make every keystroke in the property panel lag.
  const deferredDefinition = useSettledValue(definition, PREVIEW_DELAY_MS);
  const conditionFields = useMemo(() => fieldsOf(definition.schema as JsonSchemaObject, fieldLabelsOf(definition as unknown as Record<string, unknown>)), [definition]);

  // Stable callbacks (they read the current form from a ref) keep the memoised cards from re-rendering.
  const edit = useCallback((change: (form: BuilderForm) => BuilderForm, coalesce?: string) => {
    dispatch({ type: 'edit', form: change(formRef.current), ...(coalesce === undefined ? {} : { coalesce }) });
  }, []);
  const add = useCallback((kind: FieldKind, index?: number) => {
    const field = newField(formRef.current, kind);
    edit((f) => insertField(f, field, index));
    setSelected(field.key);
  }, [edit]);
  const move = useCallback((from: number, to: number) => edit((f) => moveField(f, from, to)), [edit]);
  const remove = useCallback((path: string) => {
    edit((f) => removeField(f, path));
    setSelected((s) => (s === path || s?.startsWith(`${path}.`) === true ? null : s));
  }, [edit]);
  const change = useCallback((path: string, next: BuilderField, coalesce?: string) => {
    edit((f) => updateField(f, path, next), coalesce === undefined ? undefined : `${path}.${coalesce}`);
    const key = path.split('.').at(-1);
    if (next.key !== key) setSelected(path.includes('.') ? `${path.split('.')[0] ?? ''}.${next.key}` : next.key);
  }, [edit]);
  const groupActions = useMemo<GroupActions>(() => ({
    addChild: (group, kind) => {
      const field = newField(fieldAt(formRef.current, group)?.children ?? [], kind);
      edit((f) => insertChild(f, group, field));
      setSelected(`${group}.${field.key}`);
    },
    moveChild: (group, from, to) => edit((f) => moveChild(f, group, from, to)),
  }), [edit]);
  const changeForm = useCallback((next: BuilderForm, coalesce?: string) => edit(() => next, coalesce), [edit]);

  // the cards read their fields from the store, updated before paint; the board sees only the order
  const [store] = useState(() => {
    const created = createFieldStore();
    created.set(initial.fields);
    return created;
  });
  useLayoutEffect(() => store.set(form.fields), [store, form.fields]);
  const orderKey = form.fields.map((f) => f.key).join('\u0000');
  const order = useMemo(() => (orderKey === '' ? [] : orderKey.split('\u0000')), [orderKey]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
      // inside a text box, Ctrl+Z is the box's own undo
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      event.preventDefault();
      dispatch({ type: event.shiftKey ? 'redo' : 'undo' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const save = async (): Promise<boolean> => {
    try {
      await api('PUT', `${base}/draft`, definition);
      setStatus({ kind: 'saved' });
      return true;
    } catch (error) {
      setStatus({ kind: 'failed', problems: problemsOf(error) });
      return false;
    }
  };
  const publish = async () => {
    if (!(await save())) return;
    try {
      const version = await api<DefinitionVersion>('POST', `${base}/publish`);
      setPublished(version.version);
      setVersionsSeen((n) => n + 1);
      setStatus({ kind: 'published', version: version.version });
    } catch (error) {
      setStatus({ kind: 'failed', problems: problemsOf(error) });
    }
  };

  const field = selected === null ? undefined : fieldAt(form, selected);
  const target = useMemo(() => ({ appId, published: published !== null }), [appId, published]);
  return (
    <div className="screen builder">
      <header className="screen-header">
        <p className="crumbs"><a href={hrefOf('apps')}>{t('workspace.apps.title')}</a> / <a href={hrefOf('apps', appId)}>{appId}</a> /</p>
        <h1>{t('builder.title', { name: pick(form.label) })}</h1>
        <div className="toolbar">
          <button type="button" onClick={() => dispatch({ type: 'undo' })} disabled={history.past.length === 0}>{t('builder.undo')}</button>
          <button type="button" onClick={() => dispatch({ type: 'redo' })} disabled={history.future.length === 0}>{t('builder.redo')}</button>
          <button type="button" aria-pressed={field === undefined} onClick={() => setSelected(null)}>{t('builder.settings.open')}</button>
          <span className="spacer" />
          <span className="muted">{published === null ? t('workspace.app.unpublished') : t('workspace.app.version', { version: published })}</span>
          <button type="button" onClick={() => void save()}>{t('builder.saveDraft')}</button>
          <button type="button" className="primary" onClick={() => void publish()}>{t('builder.publish')}</button>
        </div>
        <div role="status" className="save-status">
          {status.kind === 'saved' && <p className="ok">{t('builder.saved')}</p>}
          {status.kind === 'published' && <p className="ok">{t('builder.published', { version: status.version })}</p>}
          {status.kind === 'failed' && <ProblemList problems={status.problems} showPaths />}
        </div>
      </header>
      <div className="builder-grid">
        <Board form={formRef} order={order} store={store} selected={selected} groupActions={groupActions} onAdd={add} onSelect={setSelected} onMove={move} onRemove={remove} />
        <div className="side">
          {field === undefined
            ? <><FormSettings form={form} onChange={changeForm} /><FormRules form={form} fields={conditionFields} schema={definition.schema as JsonSchemaObject} onChange={changeForm} /></>
            : <PropertyPanel key={selected} appId={appId} path={selected ?? field.key} field={field} pages={form.pages} fields={conditionFields} schema={definition.schema as JsonSchemaObject} onChange={change} />}
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label={t('builder.views')}>
        {(['preview', 'json', 'versions'] as const).map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>{t(`builder.tab.${id}`)}</button>
        ))}
      </div>
      {tab === 'preview' && <Preview definition={deferredDefinition} target={target} />}
      {tab === 'json' && <JsonView definition={definition} onApply={(next) => edit(() => next)} />}
      {tab === 'versions' && <VersionsPanel base={base} refresh={versionsSeen} />}
    </div>
  );
}
