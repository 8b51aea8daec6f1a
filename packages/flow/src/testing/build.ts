import type { FlowDefinition, FlowEdge, FlowNode } from '@trellis/definitions';

type NodeSpec = Omit<FlowNode, 'settings'> & { settings?: Record<string, unknown> };

/** A flow from terse node and edge lists: edges as `[source, target]` or `[source, target, extra]`. */
export function flowOf(
  nodes: readonly NodeSpec[],
  edges: readonly ([string, string] | [string, string, Partial<FlowEdge>])[],
  extra: Partial<FlowDefinition> = {},
): FlowDefinition {
  return {
    kind: 'flow', formatVersion: 1, id: 'test_flow', label: { 'zh-CN': '测试流程', en: 'Test flow' },
    nodes: nodes as FlowNode[],
    edges: edges.map(([source, target, more], i) => ({ id: `e${i + 1}`, source, target, ...more })),
    ...extra,
  };
}

export const MANUAL_START: NodeSpec = { id: 'start', type: 'start', settings: { trigger: { on: 'manual' } } };

export function endNode(id: string, outcome = id): NodeSpec {
  return { id, type: 'end', settings: { outcome } };
}

export function approvalNode(id: string, settings: Record<string, unknown>): NodeSpec {
  return { id, type: 'approval', label: { 'zh-CN': `审批 ${id}`, en: `Approval ${id}` }, settings: { mode: 'any', ...settings } };
}

/** start → approval → approved/rejected ends: the smallest flow with a human step. */
export function oneApproval(settings: Record<string, unknown>): FlowDefinition {
  return flowOf(
    [MANUAL_START, approvalNode('review', settings), endNode('ok', 'approved'), endNode('no', 'rejected')],
    [['start', 'review'], ['review', 'ok', { sourceHandle: 'approved' }], ['review', 'no', { sourceHandle: 'rejected' }]],
  );
}
