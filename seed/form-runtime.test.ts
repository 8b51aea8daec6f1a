import { describe, expect, it } from 'vitest';
import { differingOutcomes, mutateSubmission, seededRandom } from '@trellis/forms/testing';
import type { FormContext } from '@trellis/forms';
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
