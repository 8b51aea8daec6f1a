import { describe, expect, it } from 'vitest';
import { SAMPLE_FLOWS } from '../../sample/template.js';
import { applyCommand } from '../model/commands.js';
import { flowToGraph, graphToFlow } from '../model/graph.js';
import { checkFlow } from '../model/problems.js';
import { syncViewNodes } from './view-nodes.js';

const graph = flowToGraph(SAMPLE_FLOWS[0]!);
const problems = checkFlow(graphToFlow(graph));

describe('canvas nodes kept in step with the model', () => {
  it('reuses every node object an edit did not touch, keeping what only the canvas knows', () => {
    const first = syncViewNodes([], graph, problems).map((n) => (n.id === 'qualify' ? { ...n, selected: true, measured: { width: 220, height: 60 } } : n));
    const moved = applyCommand(graph, { type: 'moveNodes', positions: { approve: { x: 5, y: 6 } } });
    const next = syncViewNodes(first, moved, checkFlow(graphToFlow(moved)));
    expect(next.filter((n, i) => n !== first[i]).map((n) => n.id)).toEqual(['approve']);
    expect(next.find((n) => n.id === 'approve')?.position).toEqual({ x: 5, y: 6 });
    expect(next.find((n) => n.id === 'qualify')).toMatchObject({ selected: true, measured: { width: 220, height: 60 } });
  });

  it('replaces a node whose problems changed, and drops removed nodes', () => {
    const first = syncViewNodes([], graph, problems);
    const cut = applyCommand(graph, { type: 'remove', nodes: ['contract'], edges: [] });
    const next = syncViewNodes(first, cut, checkFlow(graphToFlow(cut)));
    expect(next.map((n) => n.id)).not.toContain('contract');
    const approve = next.find((n) => n.id === 'approve')!;
    expect(approve).not.toBe(first.find((n) => n.id === 'approve'));
    expect(approve.data.problems.map((p) => p.code)).toEqual(['FLOW_PORT_UNCONNECTED']);
    expect(next.filter((n) => n.data.problems.length > 0).map((n) => n.id).sort()).toEqual(['approve', 'create_partner', 'onboarded', 'welcome']);
  });
});
