/* eslint-disable */
/**
 * GENERATED from the published schema https://trellis.dev/schemas/flow/v1.json
 * by packages/definitions/scripts/generate-types.ts. Do not edit: change the schema and run `pnpm gen:types`.
 */
import type { DefinitionId } from './common.js';
import type { LocalizedText } from './localized-text.js';
import type { RuleExpression } from './rule.js';

/**
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "nodeType".
 */
export type FlowNodeType =
  | 'start'
  | 'form_task'
  | 'approval'
  | 'condition'
  | 'compute'
  | 'notify'
  | 'wait'
  | 'parallel_split'
  | 'parallel_join'
  | 'end';

/**
 * A process over an entity: nodes of the given types joined by edges, optionally conditional. A `form_task` names its form in `settings.form` (an entity id), which bundle validation cross-checks. formatVersion 1.
 */
export interface FlowDefinition {
  kind: 'flow';
  formatVersion: 1;
  id: DefinitionId;
  label: LocalizedText;
  description?: LocalizedText;
  entity?: DefinitionId;
  /**
   * @minItems 1
   */
  nodes: FlowNode[];
  edges: FlowEdge[];
}
/**
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "node".
 */
export interface FlowNode {
  id: DefinitionId;
  type: FlowNodeType;
  label?: LocalizedText;
  settings?: FlowNodeSettings;
  position?: FlowNodePosition;
}
/**
 * Settings of the node's type (refined by the flow runtime).
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "settings".
 */
export interface FlowNodeSettings {
  [k: string]: unknown;
}
/**
 * Where the designer draws the node.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "position".
 */
export interface FlowNodePosition {
  x: number;
  y: number;
}
/**
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "edge".
 */
export interface FlowEdge {
  id: DefinitionId;
  source: DefinitionId;
  target: DefinitionId;
  condition?: RuleExpression;
  isDefault?: boolean;
  label?: LocalizedText;
}
