import { loadAppTemplate, type AppTemplate } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { checkEntities } from './check-entities.js';
import { checkFlows } from './check-flows.js';
import { checkPermissions } from './check-permissions.js';
import { checkDuplicateIds } from './check-ids.js';
import { checkPrograms } from './check-programs.js';
import { checkRoles } from './check-roles.js';
import { checkRules } from './check-rules.js';
import { checkSampleData } from './check-sample-data.js';
import { placeFormatProblems } from './format-problems.js';
import { checkContentHash } from './hash.js';
import { isError, isWarning } from './severity.js';
import { indexTemplate, indexWellFormedParts, type TemplateIndex } from './template-index.js';

export type TemplateValidation =
  | { readonly ok: true; readonly template: AppTemplate; readonly problems: []; readonly warnings: Problem[] }
  | { readonly ok: false; readonly problems: Problem[]; readonly warnings: Problem[] };

function crossChecks(index: TemplateIndex): Problem[] {
  const entities = checkEntities(index);
  return [
    ...entities.problems,
    ...checkRules(index),
    ...checkFlows(index),
    ...checkPrograms(index),
    ...checkRoles(index),
    ...checkPermissions(index),
    ...checkSampleData(index, entities.sound),
  ];
}

/**
 * Everything an import checks, without a database, reporting every problem at once: format and
 * migrations, content hash, unique ids, each entity as a form, each rule (safety, fields and types,
 * decision tables, its own tests), flows, programs, roles and sample records. A document that fails
 * format validation still gets the other checks on its well-formed definitions. Warnings (e.g.
 * decision-table gaps) are reported apart and do not make the template invalid.
 */
export function validateTemplate(json: unknown): TemplateValidation {
  const loaded = loadAppTemplate(json);
  const index = loaded.ok ? indexTemplate(loaded.value) : indexWellFormedParts(json);
  const found = [
    ...(loaded.ok ? [] : placeFormatProblems(json, loaded.problems)),
    ...checkContentHash(json),
    ...checkDuplicateIds(json),
    ...(index === null ? [] : crossChecks(index)),
  ];
  const problems = found.filter(isError);
  const warnings = found.filter(isWarning);
  if (loaded.ok && problems.length === 0) return { ok: true, template: loaded.value, problems: [], warnings };
  return { ok: false, problems, warnings };
}
