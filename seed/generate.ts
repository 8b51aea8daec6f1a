/**
 * Deterministic sample data for the PRM template: same options, byte-identical records. Records
 * are produced one partner at a time, so 100,000 partners never need to be in memory together;
 * `generateSampleData` collects them for small runs (the 50-partner demo).
 */
import type { FormRecord } from '@trellis/forms';
import { createContext } from './generator/context.js';
import { finalizer } from './generator/finalize.js';
import type { GenerateOptions } from './generator/options.js';
import { SAMPLE_ENTITIES, simulatePartner, type SampleEntity } from './generator/partner.js';

export { SAMPLE_ENTITIES, type SampleEntity } from './generator/partner.js';
export type { GenerateOptions } from './generator/options.js';

export type SampleData = Record<SampleEntity, FormRecord[]>;

function emptySampleData(): SampleData {
  return { partner: [], performance: [], onboarding_application: [], mdf_request: [], mdf_claim: [] };
}

/**
 * Each partner's records (of the wanted entities; the others stay empty), partner after partner.
 * Every record has been through the template's form runtime.
 */
export function* generatePartnerBundles(options: GenerateOptions, entities: readonly SampleEntity[] = SAMPLE_ENTITIES): Generator<SampleData> {
  const ctx = createContext(options);
  const wanted = new Set(entities);
  const finishers = [...wanted].map((entity) => [entity, finalizer(ctx.app, entity, ctx.options.referenceDate)] as const);
  for (let index = 0; index < ctx.options.partners; index++) {
    const drafts = simulatePartner(ctx, index, wanted);
    const bundle = emptySampleData();
    for (const [entity, finish] of finishers) bundle[entity] = (drafts[entity] ?? []).map(finish);
    yield bundle;
  }
}

/** The records of one entity, partner after partner. */
export function* generateRecords(entity: SampleEntity, options: GenerateOptions): Generator<FormRecord> {
  for (const bundle of generatePartnerBundles(options, [entity])) yield* bundle[entity];
}

export function* generatePartners(options: GenerateOptions): Generator<FormRecord> {
  yield* generateRecords('partner', options);
}

export function* generatePerformance(options: GenerateOptions): Generator<FormRecord> {
  yield* generateRecords('performance', options);
}

export function* generateOnboardingApplications(options: GenerateOptions): Generator<FormRecord> {
  yield* generateRecords('onboarding_application', options);
}

export function* generateMdfRequests(options: GenerateOptions): Generator<FormRecord> {
  yield* generateRecords('mdf_request', options);
}

export function generateSampleData(options: GenerateOptions): SampleData {
  const data = emptySampleData();
  for (const bundle of generatePartnerBundles(options)) {
    for (const entity of SAMPLE_ENTITIES) data[entity].push(...bundle[entity]);
  }
  return data;
}
