import { joinPath, type Problem } from '@trellis/errors';
import { createSchemaValidator } from '@trellis/schema-validator';
import { templateProblems } from './problems.js';
import { checkEntityRef } from './rule-check.js';
import type { TemplateIndex } from './template-index.js';

/**
 * Sample records belong to an entity of the template and satisfy its schema, as stored records
 * must. Only schemas of sound entities are compiled (`sound`): a rejected schema may be hostile,
 * and its problems are reported with the entity. A validator per call: admin schemas may carry
 * `$id`s that must not collide across templates.
 */
export function checkSampleData(index: TemplateIndex, sound: ReadonlySet<string>): Problem[] {
  const validator = createSchemaValidator();
  return Object.entries(index.sampleData).flatMap(([entityId, records]) => {
    const at = `sampleData.${entityId}`;
    const entity = index.entityById.get(entityId);
    if (entity === undefined) return checkEntityRef(index, entityId, at);
    if (!sound.has(entityId)) return [];
    const validate = validator.compile(entity.schema);
    return records.flatMap((record, i) =>
      validate(record).map((cause) => templateProblems.sampleRecordInvalid(joinPath(`${at}.${i}`, cause.path), cause)));
  });
}
