import { describe, expect, it } from 'vitest';
import { SAMPLE_FLOWS } from '../../sample/template.js';
import { flowToGraph, graphToFlow } from './graph.js';

describe('flow definition ↔ graph', () => {
  it('has the four PRM flows to work on', () => {
    expect(SAMPLE_FLOWS.map((f) => f.id)).toEqual(['partner_onboarding', 'mdf_request', 'red_yellow_card', 'incentive_run_approval']);
  });

  it.each(SAMPLE_FLOWS.map((f) => [f.id, f] as const))('reads %s back exactly as it was', (_, flow) => {
    const graph = flowToGraph(flow);
    expect(graph.nodes).toHaveLength(flow.nodes.length);
    expect(graph.edges).toHaveLength(flow.edges.length);
    expect(graphToFlow(graph)).toStrictEqual(flow);
  });

  it('draws each edge from its port, the only port "out" when the edge names none', () => {
    const graph = flowToGraph(SAMPLE_FLOWS[0]!);
    const approved = graph.edges.find((e) => e.id === 'e5');
    expect(approved).toMatchObject({ source: 'regional_review', sourceHandle: 'approved', targetHandle: 'in' });
    expect(graph.edges.find((e) => e.id === 'e1')?.sourceHandle).toBe('out');
  });

  it('keeps a node without a position unplaced until it is placed', () => {
    const flow = SAMPLE_FLOWS[0]!;
    const { position: _, ...unplaced } = flow.nodes[0]!;
    const read = graphToFlow(flowToGraph({ ...flow, nodes: [unplaced, ...flow.nodes.slice(1)] }));
    expect(read.nodes[0]).toStrictEqual(unplaced);
  });
});
