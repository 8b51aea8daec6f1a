import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Form from '@rjsf/core';
import type { ErrorSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import type { EntityDefinition } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { createFormRuntime } from '@trellis/forms';
import { api, problemsOf } from '../api/client.js';
import { ProblemList } from '../common/ProblemList.js';
import { useLocale } from '../i18n/i18n.js';
import { DeferredBaseInput, DeferredTextarea } from './deferred-inputs.js';
import { SectionedObject } from './SectionedObject.js';
import { AddressField } from './AddressField.js';
import { AttachmentField } from './AttachmentField.js';
import { RecordOptionsField } from './RecordOptionsField.js';
import { rjsfProps, type FormShape } from './rjsf-props.js';
import { sampleValues } from './sample-values.js';
import { localDay, newRecordValues } from './new-record.js';

interface Props {
  readonly definition: EntityDefinition;
  /** where a submitted record goes: only a published form takes records */
  readonly target: { readonly appId: string; readonly published: boolean };
}

type Values = Record<string, unknown>;

const TEMPLATES = { BaseInputTemplate: DeferredBaseInput, ObjectFieldTemplate: SectionedObject };
const WIDGETS = { TextareaWidget: DeferredTextarea };
const FIELDS = { attachment: AttachmentField, address: AddressField, recordOptions: RecordOptionsField };
const DEFAULT_STATE = { emptyObjectFields: 'skipEmptyDefaults' } as const;
type Outcome = { readonly kind: 'saved'; readonly id: string } | { readonly kind: 'valid' } | { readonly kind: 'failed'; readonly problems: readonly Problem[] } | null;

type Errors = { __errors?: string[]; [key: string]: unknown };

/**
 * A problem's field: its path down through objects of fields (`documents.licence`), stopping at a
 * list or a value (`contacts.0.phone` → contacts).
 */
function fieldOf(p: Problem, schema: Record<string, unknown>): string[] {
  const out: string[] = [];
  let at: unknown = schema;
  for (const segment of p.path.replace(/^(body\.)?data[./]/, '').split(/[./]/)) {
    const props = (at as { properties?: Record<string, unknown> } | undefined)?.properties;
    if (segment === '' || props?.[segment] === undefined) break;
    out.push(segment);
    at = props[segment];
  }
  return out;
}

function errorSchema(problems: readonly Problem[], locale: 'zh-CN' | 'en', schema: Record<string, unknown>): ErrorSchema {
  const out: Errors = {};
  for (const p of problems) {
    const path = fieldOf(p, schema);
    if (path.length === 0) continue;
    const node = path.reduce<Errors>((at, key) => (at[key] ??= {}) as Errors, out);
    (node.__errors ??= []).push(p.message[locale]);
  }
  return out as ErrorSchema;
}

/**
 * The form as a partner sees it: the same rjsf renderer and form runtime (visibility, conditional
 * requirement, computed values), with sample data and, on submit, the server's own answer.
 */
export const Preview = memo(function Preview({ definition, target }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [values, setValues] = useState<Values>({});
  const [page, setPage] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const runtime = useMemo(() => createFormRuntime(definition), [definition]);
  const now = useMemo(() => new Date().toISOString(), []);
  const today = useMemo(() => localDay(new Date()), []);
  const state = useMemo(() => runtime.evaluateUi(values, { now, today }), [runtime, values, now, today]);
  const pages = definition.ui?.pages ?? [];
  const current = pages[Math.min(page, pages.length - 1)];
  // rjsf compares every field's props deeply on each change: the same schema objects (not equal
  // copies) let it stop at once, so they are rebuilt only when what the runtime shows changes.
  const shape = JSON.stringify({ hidden: state.hidden, required: state.required, computed: Object.keys(state.computed) });
  const { schema, uiSchema } = useMemo(
    () => rjsfProps(definition, locale, JSON.parse(shape) as FormShape, current?.fields),
    [definition, locale, shape, current],
  );
  // a field left empty takes its default, as the server gives it when the record is created
  const defaults = useMemo(() => newRecordValues(definition, now, today), [definition, now, today]);
  const formData = useMemo(() => ({ ...defaults, ...values, ...state.computed }), [defaults, values, state.computed]);
  const problems = useMemo(() => (outcome?.kind === 'failed' ? outcome.problems : []), [outcome]);
  const formContext = useMemo(() => ({ appId: target.appId, entity: definition.id }), [target.appId, definition.id]);
  const extraErrors = useMemo(() => errorSchema(problems, locale, schema), [problems, locale, schema]);

  // A published form sends the record to the server, whose answer is shown; a draft is checked here.
  const submit = () => {
    if (!target.published) {
      const local = runtime.process(formData, { now: new Date().toISOString() });
      setOutcome(local.ok ? { kind: 'valid' } : { kind: 'failed', problems: local.errors });
      return;
    }
    api<{ id: string }>('POST', `/apps/${target.appId}/records/${definition.id}`, { data: formData }).then(
      (record) => setOutcome({ kind: 'saved', id: record.id }),
      (error: unknown) => setOutcome({ kind: 'failed', problems: problemsOf(error) }),
    );
  };

  return (
    <section className="panel preview" aria-labelledby="preview-title">
      <header className="toolbar">
        <h2 id="preview-title">{t('preview.title')}</h2>
        <span className="spacer" />
        <button type="button" onClick={() => setValues(sampleValues(definition))}>{t('preview.sample')}</button>
        <button type="button" onClick={() => { setValues({}); setOutcome(null); }}>{t('preview.clear')}</button>
      </header>
      {pages.length > 0 && (
        <nav className="wizard-steps" aria-label={t('preview.pages')}>
          {pages.map((p, i) => <button key={p.id} type="button" aria-current={p === current ? 'step' : undefined} onClick={() => setPage(i)}>{i + 1}. {p.title[locale]}</button>)}
        </nav>
      )}
      <div role="status" className="outcome">
        {outcome?.kind === 'saved' && <p className="ok">{t('preview.saved', { id: outcome.id })}</p>}
        {outcome?.kind === 'valid' && <p className="ok">{t('preview.valid')}</p>}
        {problems.length > 0 && <><p className="error">{t('preview.failed')}</p><ProblemList problems={problems} showPaths /></>}
      </div>
      <Form
        schema={schema}
        uiSchema={uiSchema}
        formData={formData}
        validator={validator}
        templates={TEMPLATES}
        widgets={WIDGETS}
        fields={FIELDS}
        formContext={formContext}
        noValidate
        noHtml5Validate
        // an untouched upload or group stays absent, as in the portal: `{}` would read as half filled
        experimental_defaultFormStateBehavior={DEFAULT_STATE}
        showErrorList={false}
        extraErrors={extraErrors}
        onChange={(event) => setValues(event.formData as Values)}
        onSubmit={submit}
      >
        <div className="toolbar">
          {pages.length > 0 && page > 0 && <button type="button" onClick={() => setPage(page - 1)}>{t('preview.back')}</button>}
          {pages.length > 0 && page < pages.length - 1 && <button type="button" onClick={() => setPage(page + 1)}>{t('preview.next')}</button>}
          <button type="submit" className="primary">{t('preview.submit')}</button>
        </div>
      </Form>
    </section>
  );
});
