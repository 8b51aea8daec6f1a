import type { FlowDefinition } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { duplicatesIn } from './check-ids.js';
import { templateProblems } from './problems.js';
import { checkEntityRef, checkRuleAt, entityScope } from './rule-check.js';
import type { TemplateIndex } from './template-index.js';

function checkNodes(index: TemplateIndex, flow: FlowDefinition, at: string): Problem[] {
  const problems: Problem[] = duplicatesIn(flow.nodes, `${at}.nodes`, 'node');
  flow.nodes.forEach((node, i) => {
    if (node.type !== 'form_task') return;
    const form = node.settings?.form;
    const path = `${at}.nodes.${i}.settings.form`;
    if (typeof form !== 'string') problems.push(templateProblems.formMissing(path));
    else if (!index.known.entities.has(form)) problems.push(templateProblems.unknownForm(path, form));
  });
  const starts = flow.nodes.filter((n) => n.type === 'start').length;
  if (starts !== 1) problems.push(templateProblems.startCount(`${at}.nodes`, starts));
  if (!flow.nodes.some((n) => n.type === 'end')) problems.push(templateProblems.noEnd(`${at}.nodes`));
  return problems;
}

function checkEdges(index: TemplateIndex, flow: FlowDefinition, at: string): Problem[] {
  const nodeIds = new Set(flow.nodes.map((n) => n.id));
  const scope = entityScope(index, flow.entity);
  return [
    ...duplicatesIn(flow.edges, `${at}.edges`, 'edge'),
    ...flow.edges.flatMap((edge, i) => [
      ...(['source', 'target'] as const).flatMap((end) =>
        nodeIds.has(edge[end]) ? [] : [templateProblems.unknownNode(`${at}.edges.${i}.${end}`, edge[end])]),
      ...(edge.condition === undefined ? [] : checkRuleAt(edge.condition, `${at}.edges.${i}.condition`, scope)),
    ]),
  ];
}

/** Structure and references of each flow; the flow runtime issue refines node settings further. */
export function checkFlows(index: TemplateIndex): Problem[] {
  return index.flows.flatMap((flow) => {
    const at = `flows.${flow.id}`;
    return [
      ...(flow.entity === undefined ? [] : checkEntityRef(index, flow.entity, `${at}.entity`)),
      ...checkNodes(index, flow, at),
      ...checkEdges(index, flow, at),
    ];
  });
}
