import { describe, expect, it } from 'vitest';
import { SAMPLE_ENTITIES, SAMPLE_FLOWS, SAMPLE_ROLES } from '../../sample/template.js';
import { applyCommand } from './commands.js';
import { flowToGraph, graphToFlow } from './graph.js';
import { newEdge, newNode } from './new-elements.js';
import { checkFlow } from './problems.js';

const onboarding = flowToGraph(SAMPLE_FLOWS[0]!);
const OPTIONS = { roles: SAMPLE_ROLES.map((r) => r.id), entities: Object.fromEntries(SAMPLE_ENTITIES.map((e) => [e.id, e.schema])) };
const codes = (list: readonly { code: string }[] | undefined) => (list ?? []).map((p) => p.code);

describe('validation on the canvas', () => {
  it.each(SAMPLE_FLOWS.map((f) => [f.id, f] as const))('finds nothing wrong with %s', (_, flow) => {
    expect(checkFlow(flow, OPTIONS).all).toEqual([]);
  });

  it('marks a new approval as unreachable and without approvers, on the node', () => {
    const graph = applyCommand(onboarding, { type: 'addNode', node: newNode(onboarding, 'approval', { x: 0, y: 0 }) });
    const map = checkFlow(graphToFlow(graph));
    expect(codes(map.nodes.get('approval'))).toEqual(['FLOW_APPROVAL_NO_APPROVERS', 'FLOW_PORT_UNCONNECTED', 'FLOW_PORT_UNCONNECTED', 'FLOW_UNREACHABLE']);
    expect(map.flow).toEqual([]);
  });

  it('marks a condition without a default branch on the condition, a branch without a condition on its edge', () => {
    const e4 = onboarding.edges.find((e) => e.id === 'e4')!.data.edge;
    const { isDefault: _, ...plain } = e4;
    const map = checkFlow(graphToFlow(applyCommand(onboarding, { type: 'updateEdge', edge: plain })));
    expect(codes(map.nodes.get('qualified'))).toEqual(['FLOW_CONDITION_NO_DEFAULT']);
    expect(codes(map.edges.get('e4'))).toEqual(['FLOW_BRANCH_NO_CONDITION']);
  });

  it('adds the format’s problems, such as a name in one language only', () => {
    const e1 = onboarding.edges.find((e) => e.id === 'e1')!.data.edge;
    const map = checkFlow(graphToFlow(applyCommand(onboarding, { type: 'updateEdge', edge: { ...e1, label: { 'zh-CN': '', en: 'Next' } } })));
    expect(map.edges.get('e1')?.map((p) => [p.code, p.path])).toEqual([['SCHEMA_MIN_LENGTH', 'edges.0.label.zh-CN']]);
  });

  it('reports a missing end on the flow', () => {
    const ends = onboarding.nodes.filter((n) => n.data.node.type === 'end').map((n) => n.id);
    const map = checkFlow(graphToFlow(applyCommand(onboarding, { type: 'remove', nodes: ends, edges: [] })));
    expect(codes(map.flow)).toEqual(['FLOW_NO_END']);
    expect(codes(map.nodes.get('welcome'))).toEqual(['FLOW_PORT_UNCONNECTED']);
  });

  it('is clean again once the approval has approvers and is wired in', () => {
    let graph = applyCommand(onboarding, { type: 'remove', nodes: [], edges: ['e11'] });
    const node = newNode(graph, 'approval', { x: 0, y: 0 });
    graph = applyCommand(graph, { type: 'addNode', node: { ...node, settings: { approvers: [{ by: 'owner_manager' }], mode: 'any' } } });
    for (const [source, port, target] of [['approve', 'out', 'approval'], ['approval', 'approved', 'contract'], ['approval', 'rejected', 'reject']] as const) {
      graph = applyCommand(graph, { type: 'connect', edge: newEdge(graph, source, port, target) });
    }
    expect(checkFlow(graphToFlow(graph), OPTIONS).all).toEqual([]);
  });
});
