/**
 * The flow designer's canvas at 300 steps, in Debian's Chromium, built as shipped and served by a
 * live server: frame times (requestAnimationFrame deltas) while panning the canvas and while
 * dragging one step, beside panning a 30-step flow (the baseline), in one run.
 *
 * The pointer is driven from inside the page, one mousemove per animation frame (the events xyflow's
 * d3 pan and drag handlers listen to), so each frame carries one move and its whole cost — React's
 * re-render, style, layout and paint — shows up as that frame's delta. At 60 Hz a frame is 16.7 ms.
 */
import type { FlowDefinition, FlowNode, FlowEdge } from '@trellis/definitions';
import { openStudio, signIn, type Studio } from '../apps/studio/e2e/harness.js';
import { report, type ResultRow } from './lib/results.js';

const COLUMNS = 20;
const FRAMES = 240;
const VIEWPORT = '.flow-canvas .react-flow__viewport';
const PANE = '.flow-canvas .react-flow__pane';

/**
 * A valid flow of `size` steps on a grid: a start, then approvals and waits in a row-by-row chain
 * (each approval's rejection goes to one shared end), an end last.
 */
function gridFlow(size: number): FlowDefinition {
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const at = (i: number) => ({ x: (i % COLUMNS) * 260, y: Math.floor(i / COLUMNS) * 140 });
  nodes.push({ id: 'start', type: 'start', settings: { trigger: { on: 'manual' } }, position: at(0) });
  for (let i = 1; i < size - 2; i++) {
    const approval = i % 2 === 1;
    nodes.push(approval
      ? { id: `s${i}`, type: 'approval', label: { 'zh-CN': `审批 ${i}`, en: `Approval ${i}` }, settings: { approvers: [{ by: 'initiator' }], mode: 'any' }, position: at(i) }
      : { id: `s${i}`, type: 'wait', label: { 'zh-CN': `等待 ${i}`, en: `Wait ${i}` }, settings: { until: 'elapsed', duration: { workingDays: 1 } }, position: at(i) });
  }
  nodes.push({ id: 'done', type: 'end', settings: { outcome: 'done' }, position: at(size - 2) });
  nodes.push({ id: 'refused', type: 'end', settings: { outcome: 'refused' }, position: at(size - 1) });
  for (let i = 1; i < size - 1; i++) {
    const from = nodes[i - 1]!;
    edges.push({ id: `e${i}`, source: from.id, target: nodes[i]!.id, ...(from.type === 'approval' ? { sourceHandle: 'approved' } : {}) });
    if (from.type === 'approval') edges.push({ id: `r${i}`, source: from.id, target: 'refused', sourceHandle: 'rejected' });
  }
  return { kind: 'flow', formatVersion: 1, id: `grid_${size}`, label: { 'zh-CN': `${size} 个步骤`, en: `${size} steps` }, nodes, edges };
}

type Page = Studio['page'];

async function openFlow(page: Page, flow: FlowDefinition): Promise<void> {
  await page.locator('.file-button input[type="file"]').setInputFiles({ name: `${flow.id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(flow)) });
  await page.locator('.react-flow__node').nth(flow.nodes.length - 1).waitFor({ state: 'attached' });
  const count = await page.locator('.react-flow__node').count();
  if (count !== flow.nodes.length) throw new Error(`the canvas draws ${count} steps, not ${flow.nodes.length}`);
  const status = await page.getByTestId('flow-status').textContent();
  if (status?.includes('problem') === true) throw new Error(`the generated flow has problems: ${status}`);
  await page.waitForTimeout(500);
}

/**
 * Frame deltas (ms) while the pointer, pressed on `selector`, moves a few pixels every frame;
 * fails unless `watch` (what should move: the viewport, the step) did move.
 */
async function moveEachFrame(page: Page, selector: string, watch: string): Promise<number[]> {
  const { deltas, moved } = await page.evaluate(async ([sel, watched, frames]) => {
    const target = document.querySelector(sel);
    const watchedElement = document.querySelector(watched);
    if (target === null || watchedElement === null) throw new Error(`nothing matches ${sel} or ${watched}`);
    const before = watchedElement.getAttribute('style');
    let moved = false;
    const box = target.getBoundingClientRect();
    let x = box.left + box.width / 2;
    let y = box.top + box.height / 2;
    const fire = (type: string, on: EventTarget) => on.dispatchEvent(new MouseEvent(type, {
      bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1,
    }));
    fire('mousedown', target);
    const deltas: number[] = [];
    await new Promise<void>((resolve) => {
      let last = -1;
      let n = 0;
      const tick = (now: number) => {
        if (last >= 0) deltas.push(now - last);
        if (n === 30) moved = watchedElement.getAttribute('style') !== before;
        last = now;
        if (n++ >= frames) {
          resolve();
          return;
        }
        // back and forth, so the canvas stays where it was on average
        const phase = Math.floor(n / 60) % 2 === 0 ? 1 : -1;
        x += 4 * phase;
        y += 2 * phase;
        fire('mousemove', window);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    fire('mouseup', window);
    return { deltas, moved };
  }, [selector, watch, FRAMES] as const);
  if (!moved) throw new Error(`moving the pointer on ${selector} did not move ${watch}`);
  return deltas;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/**
 * Main-thread CPU time (ms) of the page's renderer per frame while moving: the thread time of its
 * tasks from a Chromium trace. Unlike frame deltas it does not grow when other processes hold the
 * CPU, so it tells what the canvas costs on a busy machine.
 */
async function measure(studio: Studio, selector: string, watch: string): Promise<{ deltas: number[]; cpuPerFrame: number }> {
  const { browser } = studio.browser;
  await browser.startTracing(studio.page, { categories: ['devtools.timeline', 'toplevel'] });
  const deltas = await moveEachFrame(studio.page, selector, watch);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const mains = trace.traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // the renderer that drew the frames: its main thread ran the animation-frame callbacks
  const busy = mains.map((m) => trace.traceEvents
    .filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask')
    .reduce((sum, e) => sum + (e.tdur ?? 0), 0));
  const cpu = Math.max(0, ...busy) / 1000;
  return { deltas, cpuPerFrame: cpu / deltas.length };
}

function rows(benchmark: string, { deltas, cpuPerFrame }: { deltas: readonly number[]; cpuPerFrame: number }): ResultRow[] {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  const mean = sorted.reduce((s, d) => s + d, 0) / sorted.length;
  const round = (v: number) => Math.round(v * 10) / 10;
  return [
    { benchmark, subject: 'mean frame', value: round(mean), unit: 'ms' },
    { benchmark, subject: 'p95 frame', value: round(at(0.95)), unit: 'ms' },
    { benchmark, subject: 'max frame', value: round(sorted.at(-1) ?? Number.NaN), unit: 'ms' },
    { benchmark, subject: 'frames over 20 ms', value: round((100 * sorted.filter((d) => d > 20).length) / sorted.length), unit: '%' },
    { benchmark, subject: 'main-thread CPU per frame', value: round(cpuPerFrame), unit: 'ms' },
  ];
}

export async function run(): Promise<void> {
  const studio = await openStudio();
  try {
    await signIn(studio);
    const { page } = studio;
    // tsx keeps function names with a __name helper that functions sent to the page would miss
    await page.evaluate('globalThis.__name = (f) => f');
    await page.goto(`${studio.url}#/flows`);
    await page.locator('.react-flow__node').first().waitFor();
    const result: ResultRow[] = [];
    await openFlow(page, gridFlow(30));
    result.push(...rows('canvas, 30 steps, panning (baseline)', await measure(studio, PANE, VIEWPORT)));
    await openFlow(page, gridFlow(300));
    result.push(...rows('canvas, 300 steps, panning', await measure(studio, PANE, VIEWPORT)));
    const step = '.react-flow__node[data-id="s151"]';
    result.push(...rows('canvas, 300 steps, dragging a step', await measure(studio, step, step)));
    report('canvas', result);
  } finally {
    await studio.close();
  }
}
