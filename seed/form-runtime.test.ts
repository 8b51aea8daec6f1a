import { describe, expect, it } from 'vitest';
import { differingOutcomes, mutateSubmission, seededRandom } from '@trellis/forms/testing';
import { getFormRuntime, type FormContext } from '@trellis/forms';
import { triggerFires } from '@trellis/flow';
import { memoryDirectory } from '@trellis/flow/testing';
import { generateSampleData, SAMPLE_ENTITIES } from './generate.js';
import { entityOf, loadPrmTemplate } from './template.js';

const app = loadPrmTemplate();
const data = generateSampleData({ partners: 6, seed: 20261203, referenceDate: '2026-01-15' });
const contexts: readonly FormContext[] = [
  { now: '2026-01-15T00:00:00Z', user: { id: 'u1', roles: ['channel_manager'], partnerOrg: null } },
  { now: '2026-06-30T08:00:00+08:00', user: { id: 'u2', roles: ['partner_admin'], partnerOrg: 'p1' } },
];

/** Enum members anywhere in the schema, so that random values take every branch of the rules. */
function enumValues(schema: unknown): unknown[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const own = Array.isArray((schema as { enum?: unknown }).enum) ? ((schema as { enum: unknown[] }).enum) : [];
  return [...own, ...Object.values(schema).flatMap(enumValues)];
}

describe('the PRM forms: generated code and the interpreter give identical outcomes', () => {
  for (const entity of SAMPLE_ENTITIES) {
    it(`on random variations of ${entity} sample records`, () => {
      const definition = entityOf(app, entity);
      const random = seededRandom(entity.length * 7919);
      const choices = enumValues(definition.schema);
      const bases = data[entity].slice(0, 4) as Record<string, unknown>[];
      const cases = bases.flatMap((base) => [base, ...Array.from({ length: 150 }, () => mutateSubmission(base, random, choices))]);
      expect(differingOutcomes(definition, cases, contexts)).toEqual([]);
    });
  }
});

describe('PRM drafts', () => {
  const [context] = contexts as [FormContext];
  const application = data.onboarding_application[0] as Record<string, unknown>;
  const { documents: _documents, address: _address, ...incomplete } = application;

  it('stores an onboarding application without documents while it is a draft, not once submitted', () => {
    const runtime = getFormRuntime(entityOf(app, 'onboarding_application'));
    expect(runtime.process({ ...incomplete, partnerKind: 'distributor', status: 'draft' }, context).ok).toBe(true);
    const submitted = runtime.process({ ...incomplete, partnerKind: 'distributor', status: 'submitted' }, context);
    expect(submitted.ok ? [] : submitted.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['address', 'documents.businessLicense']));
  });

  it('still refuses a malformed value in a draft', () => {
    const runtime = getFormRuntime(entityOf(app, 'onboarding_application'));
    const result = runtime.process({ status: 'draft', contactPhone: 12 }, context);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['contactPhone']);
  });

  it('marks every entity with a draft status as drafting, and no flow starts on a draft', () => {
    for (const entity of app.entities ?? []) {
      const status = (entity.schema.properties as Record<string, { enum?: unknown[] }> | undefined)?.status;
      expect(entity.drafts !== undefined, entity.id).toBe(status?.enum?.includes('draft') === true);
    }
    const ctx = { now: '2026-04-03T02:00:00Z', actor: 'applicant', record: {}, directory: memoryDirectory([]) };
    for (const flow of app.flows ?? []) {
      if (flow.entity === undefined || entityOf(app, flow.entity).drafts === undefined) continue;
      const draft = { ...application, status: 'draft' };
      expect(triggerFires(flow, { kind: 'created', before: null, after: draft }, ctx), flow.id).toEqual({ ok: true, value: false });
      expect(triggerFires(flow, { kind: 'updated', before: draft, after: { ...draft, address: 'x' } }, ctx), flow.id).toEqual({ ok: true, value: false });
    }
  });
});
