import type { FlowDefinition } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { checkReferences, type ValidateFlowOptions } from './references-check.js';
import { checkSettings } from './settings.js';
import { checkStructure } from './structure.js';

/**
 * Everything that makes a (format-valid) flow unrunnable, all at once, with paths relative to the
 * flow (`nodes.3.settings.approvers`, `edges.2.condition`). Rules are checked for safety always and
 * against the entity's schema when `options.entities` is given, as are fields, entities and roles.
 * An empty array means the engine can run the flow.
 */
export function validateFlow(flow: FlowDefinition, options: ValidateFlowOptions = {}): Problem[] {
  const settings = checkSettings(flow);
  // references are read from typed settings: a node whose settings are malformed is read as empty
  const bad = new Set(settings.map((p) => p.path.split('.')[1]));
  const sound = bad.size === 0 ? flow : { ...flow, nodes: flow.nodes.map((n, i) => (bad.has(String(i)) ? { ...n, settings: {} } : n)) };
  return [...checkStructure(flow), ...settings, ...checkReferences(sound, options)];
}

export type { ValidateFlowOptions };
