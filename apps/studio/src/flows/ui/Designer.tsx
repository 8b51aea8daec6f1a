import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { FlowNodeType } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import type { ValidateFlowOptions } from '@trellis/flow';
import { useTranslation } from 'react-i18next';
import { problemsOf } from '../../api/client.js';
import { ProblemList } from '../../common/ProblemList.js';
import { autoLayout, DEFAULT_NODE_SIZE, type Size } from '../model/layout.js';
import { newNode } from '../model/new-elements.js';
import type { FlowSource, OpenedFlow, PublishedFlow } from '../source/flow-source.js';
import { EdgePanel } from './EdgePanel.js';
import { FlowCanvas } from './FlowCanvas.js';
import { NodePanel } from './NodePanel.js';
import { Palette } from './Palette.js';
import { PublishDialog } from './PublishDialog.js';
import type { Selection } from './selection.js';
import { useFlowDocument } from './use-flow-document.js';

interface Props {
  readonly opened: OpenedFlow;
  readonly source: FlowSource;
  readonly options: ValidateFlowOptions;
}

const NO_PROBLEMS = [] as const;
const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"]') !== null;

/** One flow open for editing: toolbar, palette, canvas, property panel, publishing. */
export function Designer({ opened, source, options }: Props) {
  const { t } = useTranslation();
  const doc = useFlowDocument(opened.draft, options);
  const view = useReactFlow();
  const [selection, setSelection] = useState<Selection>(null);
  const [published, setPublished] = useState<PublishedFlow | null>(opened.published);
  const [publishing, setPublishing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** why the last save or publish failed, in the server's words */
  const [failure, setFailure] = useState<readonly Problem[]>([]);
  const canvas = useRef<HTMLDivElement>(null);
  const { graph, problems, run } = doc;

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y); text boxes keep their own undo
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTyping(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) doc.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') doc.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doc.undo, doc.redo]);

  const add = useCallback((type: FlowNodeType) => {
    const box = canvas.current?.getBoundingClientRect();
    const centre = view.screenToFlowPosition(box === undefined ? { x: 0, y: 0 } : { x: box.left + box.width / 2, y: box.top + box.height / 2 });
    const node = newNode(graph, type, { x: centre.x - DEFAULT_NODE_SIZE.width / 2, y: centre.y - DEFAULT_NODE_SIZE.height / 2 });
    run({ type: 'addNode', node });
    setSelection({ kind: 'node', id: node.id });
  }, [graph, run, view]);

  const layout = () => {
    const sizes = new Map<string, Size>();
    for (const n of view.getNodes()) if (n.measured?.width !== undefined && n.measured.height !== undefined) sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
    run({ type: 'moveNodes', positions: autoLayout(graph, sizes) });
    window.requestAnimationFrame(() => void view.fitView());
  };

  const publish = async () => {
    setPublishing(false);
    await attempt(async () => {
      const version = await source.publish(doc.flow);
      setPublished(version);
      // what the server recorded between the versions, to confirm what the preview showed
      const changes = published === null ? null : await source.versionDiff(version.body.id, published.version, version.version);
      setNotice(changes === null
        ? t('flows.published', { version: version.version })
        : t('flows.publishedChanges', { version: version.version, previous: published?.version, count: changes.length }));
    }, 'flows.publishFailed');
  };

  const attempt = async (action: () => Promise<void>, failed: string) => {
    setNotice(null);
    setFailure([]);
    try {
      await action();
    } catch (error) {
      setNotice(t(failed));
      setFailure(problemsOf(error));
    }
  };

  const save = () => attempt(async () => {
    await source.saveDraft(doc.flow);
    setNotice(t('flows.saved'));
  }, 'flows.saveFailed');

  const selected = useMemo(() => {
    if (selection === null) return null;
    if (selection.kind === 'node') {
      const node = graph.nodes.find((n) => n.id === selection.id);
      return node === undefined ? null : <NodePanel node={node.data.node} problems={problems.nodes.get(node.id) ?? NO_PROBLEMS} run={run} />;
    }
    const edge = graph.edges.find((e) => e.id === selection.id);
    if (edge === undefined) return null;
    const nodeOf = (id: string) => graph.nodes.find((n) => n.id === id)?.data.node;
    return <EdgePanel edge={edge.data.edge} source={nodeOf(edge.source)} target={nodeOf(edge.target)} problems={problems.edges.get(edge.id) ?? NO_PROBLEMS} run={run} />;
  }, [selection, graph, problems, run]);

  const count = problems.all.length;
  return (
    <div className="flow-designer">
      <div className="toolbar" role="toolbar" aria-label={t('flows.title')}>
        <button type="button" onClick={doc.undo} disabled={!doc.canUndo} title="Ctrl+Z">{t('flows.undo')}</button>
        <button type="button" onClick={doc.redo} disabled={!doc.canRedo} title="Ctrl+Shift+Z">{t('flows.redo')}</button>
        <button type="button" onClick={layout}>{t('flows.autoLayout')}</button>
        <span className={count === 0 ? 'status ok' : 'status error'} role="status" data-testid="flow-status">
          {count === 0 ? t('flows.noProblems') : `${t('flows.problems', { count })} · ${t('flows.publishBlocked')}`}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => void save()}>{t('flows.saveDraft')}</button>
        <button type="button" className="primary" onClick={() => setPublishing(true)} disabled={count > 0} title={count > 0 ? t('flows.publishBlocked') : undefined}>
          {t('flows.publish')}
        </button>
      </div>
      {notice !== null && <p className={failure.length > 0 ? 'notice failed' : 'notice'} role="status">{notice}</p>}
      {failure.length > 0 && <div role="alert"><ProblemList problems={failure} showPaths /></div>}
      {problems.flow.length > 0 && (
        <section className="flow-problems" aria-label={t('flows.flowProblems')}>
          <ProblemList problems={problems.flow} />
        </section>
      )}
      <div className="designer-grid">
        <Palette onAdd={add} />
        <div ref={canvas} className="canvas-wrap">
          <FlowCanvas graph={graph} problems={problems} selection={selection} onSelect={setSelection} run={run} />
        </div>
        <aside className="properties" aria-label={t('flows.panel.title')}>
          {selected ?? <p className="muted panel">{t('flows.panel.empty')}</p>}
        </aside>
      </div>
      {publishing && <PublishDialog published={published} draft={doc.flow} onConfirm={() => void publish()} onCancel={() => setPublishing(false)} />}
    </div>
  );
}
