/**
 * The published definition schemas (top-level `schemas/`), bundled as data so validation needs no
 * file access and runs in the browser too.
 */
import appTemplateV1 from '../../../schemas/app-template.v1.schema.json';
import appTemplate from '../../../schemas/app-template.schema.json';
import common from '../../../schemas/common.schema.json';
import decisionTable from '../../../schemas/decision-table.schema.json';
import entity from '../../../schemas/entity.schema.json';
import flow from '../../../schemas/flow.schema.json';
import localizedText from '../../../schemas/localized-text.schema.json';
import permission from '../../../schemas/permission.schema.json';
import program from '../../../schemas/program.schema.json';
import programV1 from '../../../schemas/program.v1.schema.json';
import rule from '../../../schemas/rule.schema.json';

export const PUBLISHED_SCHEMAS: readonly object[] = [
  common,
  localizedText,
  rule,
  decisionTable,
  entity,
  flow,
  program,
  programV1,
  permission,
  appTemplate,
  appTemplateV1,
];

/** `https://trellis.dev/schemas/<kind>/v<formatVersion>.json` */
export function schemaId(kind: string, formatVersion: number): string {
  return `https://trellis.dev/schemas/${kind}/v${formatVersion}.json`;
}

const PUBLISHED_IDS = new Set(PUBLISHED_SCHEMAS.map((schema) => (schema as { $id: string }).$id));

export function isPublished(kind: string, formatVersion: number): boolean {
  return PUBLISHED_IDS.has(schemaId(kind, formatVersion));
}
