import { problemsUnder, type Problem } from '@trellis/errors';
import { validateFlow } from '@trellis/flow';
import type { JsonSchemaObject } from '@trellis/rules';
import { checkEntityRef } from './rule-check.js';
import type { TemplateIndex } from './template-index.js';

/** A schema that accepts any field: for entities the template names but that are malformed (reported on their own). */
const ANY_FIELDS: JsonSchemaObject = { type: 'object', additionalProperties: true };

function entitySchemas(index: TemplateIndex): Record<string, JsonSchemaObject> {
  const schemas: Record<string, JsonSchemaObject> = {};
  for (const id of index.known.entities) schemas[id] = (index.entityById.get(id)?.schema as JsonSchemaObject | undefined) ?? ANY_FIELDS;
  return schemas;
}

/**
 * Each flow through the flow engine's validation (graph, node settings, rules, fields, forms and
 * roles against this template's entities and roles), with paths under `flows.<id>`.
 */
export function checkFlows(index: TemplateIndex): Problem[] {
  const options = { entities: entitySchemas(index), roles: [...index.known.roles] };
  return index.flows.flatMap((flow) => {
    const at = `flows.${flow.id}`;
    // validateFlow reports an unknown flow entity too; the template's own check names it the template way
    const entityProblems = flow.entity === undefined ? [] : checkEntityRef(index, flow.entity, `${at}.entity`);
    const flowProblems = validateFlow(flow, options).filter((p) => !(p.code === 'FLOW_UNKNOWN_ENTITY' && p.path === 'entity'));
    return [...entityProblems, ...problemsUnder(at, flowProblems)];
  });
}
