/**
 * Importing an app template into storage: the dry run (what would be created or changed, every
 * problem and warning) and the apply, all or nothing in one transaction. Used by
 * `POST /api/templates/import` and by the CLI (`trellis template import`, `trellis start`).
 */
import type { AppTemplate } from '@trellis/definitions';
import { TrellisError, isTrellisError, type Problem } from '@trellis/errors';
import type { Storage, StorageReader, StorageTx } from '@trellis/storage';
import { planImport, templateDefinitions, validateTemplate, type ImportPlan, type StoredDefinition } from '@trellis/templates';
import { ensureEntityIndexes } from './definitions.js';
import { checkGrants } from './grants.js';
import { serviceProblems } from './problems.js';
import { insertRecords, type SampleRecords } from './sample-records.js';
import { plantSchedules } from '../flows/jobs.js';
import { DEFAULT_CALENDAR } from '../flows/scope.js';

export interface TemplateImportReport {
  /** true when the import can be (dry run) or was applied */
  readonly ok: boolean;
  readonly appId: string | null;
  readonly plan: ImportPlan | null;
  /** what makes the template unusable (invalid, or conflicting with what is stored) */
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
  /** sample records per entity: to be created (dry run) or created */
  readonly records: Readonly<Record<string, number>>;
  readonly applied: boolean;
}

export interface ImportTemplateOptions {
  readonly actor: string;
  readonly requestId?: string | null;
  /** records to create besides the template's own sampleData (e.g. generated demo data) */
  readonly sampleData?: SampleRecords;
  /** the time rules see as `$now` when sample records go through their forms */
  readonly now?: Date;
}

async function storedDefinitions(reader: StorageReader | StorageTx, appId: string): Promise<StoredDefinition[] | null> {
  if ((await reader.apps.get(appId)) === null) return null;
  const published = await reader.definitions.listPublished(appId);
  return published.map((d) => ({ kind: d.kind as StoredDefinition['kind'], id: d.id, content: d.body }));
}

function sampleCounts(template: AppTemplate, extra: SampleRecords | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const source of [template.sampleData ?? {}, extra ?? {}]) {
    for (const [entity, records] of Object.entries(source)) counts[entity] = (counts[entity] ?? 0) + records.length;
  }
  return counts;
}

function report(partial: Omit<TemplateImportReport, 'ok'>): TemplateImportReport {
  return { ok: partial.problems.length === 0, ...partial };
}

/** Validates the template and plans it against what is stored; reads only. */
export async function planTemplateImport(storage: Storage, json: unknown, sampleData?: SampleRecords): Promise<TemplateImportReport> {
  const validation = validateTemplate(json);
  if (!validation.ok) {
    return report({ appId: null, plan: null, problems: validation.problems, warnings: validation.warnings, records: {}, applied: false });
  }
  const { template } = validation;
  const stored = await storedDefinitions(storage.read, template.app.id);
  const plan = planImport(template, stored === null ? null : { appId: template.app.id, definitions: stored });
  return report({
    appId: template.app.id,
    plan,
    problems: [...grantProblems(template), ...plan.conflicts],
    warnings: validation.warnings,
    records: sampleCounts(template, sampleData),
    applied: false,
  });
}

function grantProblems(template: AppTemplate): readonly Problem[] {
  try {
    checkGrants(template.permissions ?? [], (template.roles ?? []).map((r) => r.id), template.entities ?? []);
    return [];
  } catch (error) {
    if (isTrellisError(error)) return error.problems;
    throw error;
  }
}

function fail(problems: readonly Problem[]): never {
  const [first, ...rest] = problems;
  throw new TrellisError(first === undefined ? [serviceProblems.templateConflicts(0)] : [first, ...rest]);
}

/**
 * Applies a template: the app (created or relabelled), every definition published as a version
 * (unchanged ones are left as they are), and sample records through their forms, in one
 * transaction, so a failure anywhere leaves nothing behind. Throws a TrellisError with every
 * problem when the template is invalid or conflicts with what is stored.
 */
export async function importTemplate(storage: Storage, json: unknown, options: ImportTemplateOptions): Promise<TemplateImportReport> {
  const validation = validateTemplate(json);
  if (!validation.ok) fail(validation.problems);
  const { template } = validation;
  // the grants must compile against the template's roles before anything is stored
  checkGrants(template.permissions ?? [], (template.roles ?? []).map((r) => r.id), template.entities ?? []);
  const appId = template.app.id;
  const context = { actor: options.actor, requestId: options.requestId ?? null };
  const now = options.now ?? storage.now();
  const plan = await storage.transaction(async (tx) => {
    // planned inside the transaction so a concurrent import cannot slip in between plan and apply
    const stored = await storedDefinitions(tx, appId);
    const planned = planImport(template, stored === null ? null : { appId, definitions: stored });
    if (planned.conflicts.length > 0) {
      throw new TrellisError([serviceProblems.templateConflicts(planned.conflicts.length), ...planned.conflicts]);
    }
    const appFields = { id: appId, label: template.app.label, templateVersion: template.app.version, templateHash: planned.contentHash, ...context };
    if (stored === null) await tx.apps.create(appFields);
    else await tx.apps.update(appFields);
    const versions = new Map<string, number>();
    for (const definition of templateDefinitions(template)) {
      const published = await tx.definitions.publish({
        app: appId, kind: definition.kind, id: definition.id, body: definition.content as never, ...context,
      });
      if (definition.kind === 'entity') versions.set(definition.id, published.version);
    }
    // scheduled flows get their next run queued with the definitions that declare them
    await plantSchedules(tx, appId, now, DEFAULT_CALENDAR);
    const entities = new Map((template.entities ?? []).map((e) => [e.id, e]));
    for (const source of [template.sampleData ?? {}, options.sampleData ?? {}]) {
      await insertRecords(tx, { app: appId, entities, versions, records: source, now, ...context });
    }
    return planned;
  });
  for (const entity of template.entities ?? []) await ensureEntityIndexes(storage, appId, entity);
  return report({
    appId, plan, problems: [], warnings: validation.warnings, records: sampleCounts(template, options.sampleData), applied: true,
  });
}
