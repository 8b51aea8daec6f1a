/**
 * The onboarding application both API targets receive. The parent generates it (with the seed's
 * generator) and hands it to each target in BENCH_SUBMISSION, so a target process loads what a
 * server on stored data loads: the template, not the generator and its faker locales.
 */
import type { EntityDefinition, PermissionDefinition } from '@trellis/definitions';
import { getFormRuntime } from '@trellis/forms';
import { loadPrmTemplate } from '@trellis/seed/template';

const ENTITY = 'onboarding_application';
const template = loadPrmTemplate();

export function onboardingDefinition(): EntityDefinition {
  const found = template.entities?.find((e) => e.id === ENTITY);
  if (found === undefined) throw new Error(`the PRM template has no ${ENTITY}`);
  return found;
}

/** A generated distributor application, reduced to the fields the partner user's grant lets it write (the full server refuses others). */
export async function generateOnboardingSubmission(): Promise<Record<string, unknown>> {
  const grant = (template.permissions as PermissionDefinition[]).find(
    (p) => p.entity === ENTITY && p.roles.includes('partner_user') && p.actions.includes('create'),
  );
  const writable = grant?.writableFields;
  if (!Array.isArray(writable)) throw new Error('no partner grant with a field list to create onboarding applications');
  const { generateSampleData } = await import('@trellis/seed');
  const sample = generateSampleData({ partners: 20, referenceDate: '2026-03-01' }).onboarding_application;
  const application = sample.find((a) => a.partnerKind === 'distributor') ?? sample[0];
  if (application === undefined) throw new Error('the generator made no onboarding application');
  return Object.fromEntries(Object.entries(application).filter(([field]) => writable.includes(field)));
}

/** In a target: the submission the parent generated. */
export function onboardingSubmission(): Record<string, unknown> {
  const text = process.env.BENCH_SUBMISSION;
  if (text === undefined) throw new Error('BENCH_SUBMISSION is not set: targets are started by api.bench.ts');
  return JSON.parse(text) as Record<string, unknown>;
}

/** What the form runtime stores for the submission: the body the bare route validates and inserts. */
export function storedOnboardingRecord(): Record<string, unknown> {
  const processed = getFormRuntime(onboardingDefinition()).process(onboardingSubmission(), {
    now: new Date().toISOString(),
    user: { id: 'bench', roles: ['partner_user'], partnerOrg: 'org_bench' },
  });
  if (!processed.ok) throw new Error(`the onboarding submission is invalid: ${JSON.stringify(processed.errors)}`);
  return processed.record as Record<string, unknown>;
}
