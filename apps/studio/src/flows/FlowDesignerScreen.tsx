import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { fieldsOf } from '@trellis/conditions';
import { validateDefinition } from '@trellis/definitions';
import { flowRuleSchema } from '@trellis/flow';
import type { LocalizedText } from '@trellis/errors';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/i18n.js';
import { AppDataGate } from '../app-data/AppDataGate.js';
import type { AppData } from '../app-data/use-app-data.js';
import { SAMPLE_FLOWS, SAMPLE_ROLES, type SampleEntity } from '../sample/template.js';
import type { RouteProps } from '../shell/routes.js';
import type { FlowSource, OpenedFlow } from './source/flow-source.js';
import { sampleSource } from './source/sample-source.js';
import { serverSource } from './source/server-source.js';
import { Designer } from './ui/Designer.js';
import { EditorContextValue, type EditorContext, type Option } from './ui/editor-context.js';
import './flows.css';

// Module-wide, so drafts and published versions outlive switching screens.
const SAMPLE_SOURCE = sampleSource(SAMPLE_FLOWS);
const SAMPLE_ROLE_OPTIONS: readonly Option[] = SAMPLE_ROLES.map((r) => ({ value: r.id, label: r.label }));

/** What a flow is checked against and offered: the app's entities, and its roles when known (the sample's). */
interface Catalogue {
  readonly source: FlowSource;
  readonly entities: readonly SampleEntity[];
  readonly roles: readonly Option[] | null;
}

function catalogueOf(data: AppData): Catalogue {
  return data.appId === null
    ? { source: SAMPLE_SOURCE, entities: data.entities, roles: SAMPLE_ROLE_OPTIONS }
    : { source: serverSource(data.appId), entities: data.entities, roles: null };
}

interface Open {
  readonly serial: number;
  readonly opened: OpenedFlow;
}

/** Choices for id settings, by the flow-format property that holds the id. */
function editorContext(opened: OpenedFlow, { entities, roles }: Catalogue): EditorContext {
  const entity = entities.find((e) => e.id === opened.draft.entity);
  const fields = entity === undefined ? [] : fieldsOf(entity.schema, entity.labels);
  const nodes = (type?: string): Option[] => opened.draft.nodes
    .filter((n) => type === undefined || n.type === type)
    .map((n) => ({ value: n.id, label: n.label ?? n.id }));
  return {
    fields,
    ruleSchema: flowRuleSchema(entity?.schema ?? { type: 'object', properties: {} }),
    optionsFor: (key) => {
      switch (key) {
        case 'role': case 'roles': return roles;
        case 'entity': case 'form': return entities.map((e) => ({ value: e.id, label: e.label }));
        case 'split': return nodes('parallel_split');
        case 'node': case 'to': return nodes();
        default: return null;
      }
    },
  };
}

/** `#/flows/ID` opens the flow ID of the current app (or of the bundled sample). */
export function FlowDesignerScreen({ params }: RouteProps) {
  return <AppDataGate>{(data) => <FlowWorkspace data={data} initial={params[0] ?? null} />}</AppDataGate>;
}

function FlowWorkspace({ data, initial }: { data: AppData; initial: string | null }) {
  const { t } = useTranslation();
  const catalogue = useMemo(() => catalogueOf(data), [data]);
  const { source } = catalogue;
  const options = useMemo(() => ({
    entities: Object.fromEntries(catalogue.entities.map((e) => [e.id, e.schema])),
    ...(catalogue.roles === null ? {} : { roles: catalogue.roles.map((r) => r.value) }),
  }), [catalogue]);
  const { pick } = useLocale();
  const [flows, setFlows] = useState<readonly { id: string; label: LocalizedText }[]>([]);
  const [flowId, setFlowId] = useState<string | null>(initial);
  const [open, setOpen] = useState<Open | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    source.list().then(
      (list) => {
        setFlows(list);
        setFlowId((current) => current ?? list[0]?.id ?? null);
      },
      (e: unknown) => setError(t('flows.loadFailed', { message: e instanceof Error ? e.message : String(e) })),
    );
  }, [source, t]);
  useEffect(() => {
    if (flowId === null) return;
    source.open(flowId).then(
      (opened) => setOpen((o) => ({ serial: (o?.serial ?? 0) + 1, opened })),
      (e: unknown) => setError(t('flows.loadFailed', { message: e instanceof Error ? e.message : String(e) })),
    );
  }, [flowId, source, t]);

  const openFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    try {
      const read = validateDefinition('flow', JSON.parse(await file.text()) as unknown);
      if (!read.ok) throw new Error(read.problems.map((p) => `${p.path} ${pick(p.message)}`).join('; '));
      setError(null);
      setOpen((o) => ({ serial: (o?.serial ?? 0) + 1, opened: { draft: read.value, published: null } }));
    } catch (e) {
      setError(t('flows.fileInvalid', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const context = useMemo(() => (open === null ? null : editorContext(open.opened, catalogue)), [open, catalogue]);
  return (
    <div className="screen flows">
      <header className="screen-header">
        <h1>{t('flows.title')}</h1>
        <p className="muted">{t('flows.intro')}</p>
        <div className="toolbar">
          <label className="inline">
            <span>{t('flows.flow')}</span>
            <select aria-label={t('flows.flow')} value={flowId ?? ''} onChange={(e) => setFlowId(e.target.value)}>
              {flows.map((f) => <option key={f.id} value={f.id}>{pick(f.label)}</option>)}
            </select>
          </label>
          {/* the browser's own file button speaks the browser's language: the label is the button */}
          <label className="file-button">
            <input type="file" className="visually-hidden" accept="application/json,.json" onChange={(e) => void openFile(e)} />
            {t('flows.openFile')}
          </label>
          <span className="muted">{t(`flows.source.${source.kind}`)}</span>
        </div>
        {error !== null && <p className="problems error" role="alert">{error}</p>}
      </header>
      {open !== null && context !== null && (
        <EditorContextValue.Provider value={context}>
          <ReactFlowProvider key={open.serial}>
            <Designer opened={open.opened} source={source} options={options} />
          </ReactFlowProvider>
        </EditorContextValue.Provider>
      )}
    </div>
  );
}
