import { describe, expect, it } from 'vitest';
import { SAMPLE_FLOWS } from '../../sample/template.js';
import { flowToGraph, graphToFlow } from './graph.js';
import { execute, HISTORY_LIMIT, redo, startHistory, undo } from './history.js';
import { newEdge, newNode } from './new-elements.js';

const onboarding = flowToGraph(SAMPLE_FLOWS[0]!);

describe('commands and undo/redo', () => {
  it('adds a node, connects it, and undoes and redoes both', () => {
    let h = startHistory(onboarding);
    const node = newNode(h.present, 'approval', { x: 100.4, y: 200.6 });
    expect(node).toMatchObject({ id: 'approval', type: 'approval', settings: { approvers: [], mode: 'any' }, position: { x: 100, y: 201 } });
    h = execute(h, { type: 'addNode', node });
    const edge = newEdge(h.present, 'approval', 'approved', 'onboarded');
    expect(edge).toEqual({ id: 'e17', source: 'approval', target: 'onboarded', sourceHandle: 'approved' });
    h = execute(h, { type: 'connect', edge });
    expect(graphToFlow(h.present).edges.at(-1)).toEqual(edge);
    h = undo(h);
    expect(h.present.edges).toHaveLength(16);
    h = undo(h);
    expect(h.present).toBe(onboarding);
    h = redo(redo(h));
    expect(graphToFlow(h.present).nodes.at(-1)).toEqual(node);
  });

  it('records nothing for a command that changes nothing, and a new edit drops the redo stack', () => {
    let h = startHistory(onboarding);
    h = execute(h, { type: 'moveNodes', positions: { qualify: { x: 240, y: 140 } } });
    expect(h.past).toHaveLength(0);
    h = execute(h, { type: 'connect', edge: { id: 'e1', source: 'submitted', target: 'qualify' } });
    expect(h.past).toHaveLength(0);
    h = execute(h, { type: 'moveNodes', positions: { qualify: { x: 300, y: 100 } } });
    h = undo(h);
    expect(h.future).toHaveLength(1);
    h = execute(h, { type: 'moveNodes', positions: { qualify: { x: 10, y: 10 } } });
    expect(h.future).toHaveLength(0);
    expect(redo(h)).toBe(h);
    expect(undo(startHistory(onboarding)).present).toBe(onboarding);
  });

  it('removes a node with its edges, and shares untouched nodes between steps', () => {
    const h = execute(startHistory(onboarding), { type: 'remove', nodes: ['finance_review'], edges: [] });
    expect(h.present.nodes.map((n) => n.id)).not.toContain('finance_review');
    expect(h.present.edges.map((e) => e.id)).not.toContain('e9');
    expect(h.present.edges.some((e) => e.source === 'finance_review' || e.target === 'finance_review')).toBe(false);
    expect(h.present.nodes[0]).toBe(onboarding.nodes[0]);
  });

  it('updates a node and an edge in place', () => {
    const approval = onboarding.nodes.find((n) => n.id === 'finance_review')!.data.node;
    let h = execute(startHistory(onboarding), { type: 'updateNode', node: { ...approval, settings: { ...approval.settings, mode: 'all' } } });
    const edge = onboarding.edges.find((e) => e.id === 'e7')!.data.edge;
    h = execute(h, { type: 'updateEdge', edge: { ...edge, isDefault: true } });
    const flow = graphToFlow(h.present);
    expect(flow.nodes.find((n) => n.id === 'finance_review')?.settings?.mode).toBe('all');
    expect(flow.edges.find((e) => e.id === 'e7')?.isDefault).toBe(true);
    expect(h.past).toHaveLength(2);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = startHistory(onboarding);
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) h = execute(h, { type: 'moveNodes', positions: { qualify: { x: i, y: 0 } } });
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });
});
