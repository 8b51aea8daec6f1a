import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import Form from '@rjsf/core';
import type { FlowDefinition } from '@trellis/definitions';
import { getFormRuntime } from '@trellis/forms';
import { flows } from '../api/flows.js';
import { isApiError, type FieldProblem } from '../api/problem.js';
import { publishedDefinition, records } from '../api/records.js';
import { useMe } from '../api/session.js';
import { NotReady } from '../common/Status.js';
import { useLoad } from '../common/useLoad.js';
import { PORTAL } from '../config.js';
import { AttachmentField } from '../forms/AttachmentField.js';
import { pageForm } from '../forms/page-schema.js';
import { toErrorSchema } from '../forms/problem-errors.js';
import { createRjsfValidator } from '../forms/rjsf-validator.js';
import { getAt, pruneEmpty } from '../forms/values.js';
import { loadEntity } from '../application/useEntity.js';
import { useLocale } from '../i18n/i18n.js';

const validator = createRjsfValidator();

/** Where the partner follows the record a task was on (the claim of a request leads back to the request). */
function recordPage(entity: string | undefined, id: string | null): string | null {
  if (id === null) return null;
  if (entity === PORTAL.application.entity) return `/applications/${id}`;
  return entity === PORTAL.mdf.entity ? `/mdf/${id}` : null;
}

/**
 * A form task of a flow (sign the contract, file a claim …): the fields its step lets the partner
 * fill, from the flow definition, rendered like the wizard; submitting hands them to the task.
 */
export function TaskPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [loaded] = useLoad(async () => {
    const task = await flows.task(id);
    const flow = (await publishedDefinition<FlowDefinition>(PORTAL.app, 'flow', task.flowId)).body;
    const node = flow.nodes.find((n) => n.id === task.node);
    const settings = (node?.settings ?? {}) as { form?: string; fields?: string[] };
    const entity = await loadEntity(settings.form ?? task.entity ?? '');
    const record = task.recordId === null || task.entity !== entity.id ? null : await records.get(PORTAL.app, entity.id, task.recordId);
    return { task, entity, fields: settings.fields ?? [], record };
  }, [id]);
  const [values, setValues] = useState<Record<string, unknown> | null>(null);
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const ready = loaded.state === 'ready' ? loaded.value : null;
  const data = values ?? ready?.record?.data ?? {};
  const form = useMemo(() => {
    if (ready === null) return null;
    const ui = getFormRuntime(ready.entity).evaluateUi(data, { now: new Date().toISOString(), user: { id: me.id, roles: me.roles, partnerOrg: me.partnerOrg } });
    return pageForm({ definition: ready.entity, ui: { ...ui, required: [...ui.required, ...ready.fields] }, locale, readOnly: new Set() }, ready.fields);
  }, [ready, data, locale, me]);
  if (ready === null || form === null) return <NotReady loaded={loaded} />;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (ready === null) return;
    const missing = ready.fields.filter((f) => getAt(data, f) === undefined);
    if (missing.length > 0) {
      setProblems(missing.map((f) => ({ code: 'FORM_REQUIRED', path: f, message: { en: t('task.required', { lng: 'en' }), 'zh-CN': t('task.required', { lng: 'zh-CN' }) } })));
      return;
    }
    setBusy(true);
    try {
      await flows.act(ready.task.id, { type: 'submit', data: Object.fromEntries(ready.fields.map((f) => [f, getAt(data, f)])) });
      navigate(recordPage(ready.task.entity, ready.task.recordId) ?? '/tasks');
    } catch (error) {
      setProblems(isApiError(error) && error.problems.length > 0 ? error.problems : [{ code: 'X', path: '', message: { en: t('wizard.saveFailed', { lng: 'en' }), 'zh-CN': t('wizard.saveFailed', { lng: 'zh-CN' }) } }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <header className="page-header">
        <h1>{pick(ready.task.label)}</h1>
        <p className="muted">{t('task.intro')}</p>
      </header>
      <section className="wizard" aria-label={pick(ready.task.label)}>
        {problems.length > 0 ? (
          <div className="error-summary" role="alert"><ul>{problems.map((p, i) => <li key={i}>{p.message[locale]}</li>)}</ul></div>
        ) : null}
        <Form schema={form.schema} uiSchema={form.uiSchema} formData={data} validator={validator}
          fields={{ attachments: AttachmentField }} formContext={{ app: PORTAL.app }}
          extraErrors={toErrorSchema(problems, form, locale)} noHtml5Validate showErrorList={false} idPrefix="task"
          experimental_defaultFormStateBehavior={{ emptyObjectFields: 'skipEmptyDefaults' }}
          onChange={(e) => { setValues(pruneEmpty((e.formData ?? {}) as Record<string, unknown>)); setProblems([]); }}
          onSubmit={() => void submit()}>
          <div className="wizard-actions">
            <button type="submit" className="primary" disabled={busy}>{t('task.submit')}</button>
          </div>
        </Form>
      </section>
    </>
  );
}
