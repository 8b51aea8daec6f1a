import type { FlowDefinition } from '@trellis/definitions';
import type { LocalizedText } from '@trellis/errors';
import { newNode } from './new-elements.js';

/** A new flow over an entity: only its start step, to be drawn on in the designer. */
export function emptyFlow(id: string, label: LocalizedText, entity: string): FlowDefinition {
  const header = { kind: 'flow', formatVersion: 1, id, label, entity } as const;
  return { ...header, nodes: [newNode({ header, nodes: [], edges: [] }, 'start', { x: 0, y: 0 })], edges: [] };
}
