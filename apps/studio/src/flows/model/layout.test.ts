import { describe, expect, it } from 'vitest';
import { SAMPLE_FLOWS } from '../../sample/template.js';
import { flowToGraph } from './graph.js';
import { autoLayout, DEFAULT_NODE_SIZE } from './layout.js';

const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < DEFAULT_NODE_SIZE.width && Math.abs(a.y - b.y) < DEFAULT_NODE_SIZE.height;

describe('auto-layout', () => {
  it.each(SAMPLE_FLOWS.map((f) => [f.id, f] as const))('places every node of %s left to right without overlaps', (_, flow) => {
    const graph = flowToGraph(flow);
    const positions = autoLayout(graph);
    const ids = graph.nodes.map((n) => n.id);
    expect(Object.keys(positions).sort()).toEqual([...ids].sort());
    for (const edge of graph.edges) expect(positions[edge.target]!.x, edge.id).toBeGreaterThan(positions[edge.source]!.x);
    for (const [i, a] of ids.entries()) {
      for (const b of ids.slice(i + 1)) expect(overlaps(positions[a]!, positions[b]!), `${a} / ${b}`).toBe(false);
    }
  });

  it('spaces nodes by the sizes the canvas measured', () => {
    const graph = flowToGraph(SAMPLE_FLOWS[0]!);
    const wide = new Map(graph.nodes.map((n) => [n.id, { width: 600, height: 72 }]));
    const positions = autoLayout(graph, wide);
    expect(positions.qualify!.x - positions.submitted!.x).toBeGreaterThanOrEqual(600);
  });
});
