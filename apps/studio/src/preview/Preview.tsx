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

interface Props {
  readonly definition: EntityDefinition;
  /** where a submitted record goes: only a published form takes records */
  readonly target: { readonly appId: string; readonly published: boolean };
}

type Values = Record<string, unknown>;

const TEMPLATES = { BaseInputTemplate: DeferredBaseInput, ObjectFieldTemplate: SectionedObject };
const WIDGETS = { TextareaWidget: DeferredTextarea };
const FIELDS = { attachment: AttachmentField, address: AddressField, recordOptions: RecordOptionsField };
type Outcome = { readonly kind: 'saved'; readonly id: string } | { readonly kind: 'valid' } | { readonly kind: 'failed'; readonly problems: readonly Problem[] } | null;

/** A problem's field: its path's first segment (`contacts.0.phone` → contacts). */
const fieldOf = (p: Problem): string => p.path.replace(/^(body\.)?data[./]/, '').split(/[./]/)[0] ?? '';

function errorSchema(problems: readonly Problem[], locale: 'zh-CN' | 'en'): ErrorSchema {
  const out: Record<string, { __errors: string[] }> = {};
  for (const p of problems) {
    const key = fieldOf(p);
    if (key === '') continue;
    (out[key] ??= { __errors: [] }).__errors.push(p.message[locale]);
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
  const state = useMemo(() => runtime.evaluateUi(values, { now }), [runtime, values, now]);
  const pages = definition.ui?.pages ?? [];
  const current = pages[Math.min(page, pages.length - 1)];
  // rjsf compares every field's props deeply on each change: the same schema objects (not equal
  // copies) let it stop at once, so they are rebuilt only when what the runtime shows changes.
  const shape = JSON.stringify({ hidden: state.hidden, required: state.required, computed: Object.keys(state.computed) });
  const { schema, uiSchema } = useMemo(
    () => rjsfProps(definition, locale, JSON.parse(shape) as FormShape, current?.fields),
    [definition, locale, shape, current],
  );
  const formData = useMemo(() => ({ ...values, ...state.computed }), [values, state.computed]);
  const problems = useMemo(() => (outcome?.kind === 'failed' ? outcome.problems : []), [outcome]);
  const formContext = useMemo(() => ({ appId: target.appId, entity: definition.id }), [target.appId, definition.id]);
  const extraErrors = useMemo(() => errorSchema(problems, locale), [problems, locale]);

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
