/**
 * One partner and everything that belongs to it, as drafts (before the template's form runtime
 * fills computed fields and drops hidden ones). Only the parts the wanted entities need are
 * simulated; each part has its own random stream, so what is skipped changes nothing else.
 */
import type { FormRecord } from '@trellis/forms';
import { addDays, dayNumber } from './calendar.js';
import { CERTIFICATION_LEVELS, CERTIFICATION_TYPES, COURSES } from './catalog.js';
import type { GeneratorContext } from './context.js';
import { simulateGrowth, type Growth } from './growth.js';
import { partnerIdentity, type Identity } from './identity.js';
import { mdfRecords } from './mdf.js';
import { applicationRecord } from './onboarding.js';
import { performanceRecords } from './performance.js';
import { int, pick, reseed, weighted, type Random } from './random.js';

export const SAMPLE_ENTITIES = ['partner', 'performance', 'onboarding_application', 'mdf_request', 'mdf_claim'] as const;
export type SampleEntity = (typeof SAMPLE_ENTITIES)[number];
export type PartnerDrafts = Partial<Record<SampleEntity, FormRecord[]>>;

function dateWithin(random: Random, from: string, to: string): string {
  return addDays(from, int(random, 0, Math.max(0, dayNumber(to) - dayNumber(from))));
}

function certifications(random: Random, joinedOn: string, referenceDate: string): FormRecord[] {
  return Array.from({ length: weighted(random, [[0, 15], [1, 35], [2, 30], [3, 20]]) }, () => {
    const obtainedOn = dateWithin(random, joinedOn, referenceDate);
    return {
      type: pick(random, CERTIFICATION_TYPES),
      level: pick(random, CERTIFICATION_LEVELS),
      holder: random.person.fullName(),
      obtainedOn,
      expiresOn: addDays(obtainedOn, 730),
    };
  });
}

function trainings(random: Random, joinedOn: string, referenceDate: string): FormRecord[] {
  return Array.from({ length: int(random, 0, 4) }, () => ({
    course: pick(random, COURSES),
    completedOn: dateWithin(random, joinedOn, referenceDate),
    hours: pick(random, [2, 4, 8, 16]),
  }));
}

function partnerRecord(ctx: GeneratorContext, identity: Identity, growth: Growth | undefined): FormRecord {
  const { referenceDate, seed } = ctx.options;
  const random = reseed(ctx.random, seed, identity.index, 'profile');
  const { joinedOn } = identity;
  return {
    partnerId: identity.partnerId,
    name: identity.name,
    kind: identity.kind,
    creditCode: identity.creditCode,
    tierAbc: growth?.tierAbc ?? 'C',
    tierMetal: growth?.tierMetal ?? 'bronze',
    province: identity.province,
    city: identity.city,
    address: identity.address,
    status: growth?.status ?? identity.stage,
    ...(joinedOn === undefined ? {} : { joinedOn }),
    ...(growth?.terminatedOn === undefined ? {} : { terminatedOn: growth.terminatedOn }),
    creditLimit: growth === undefined ? 0 : identity.requestedCreditLimit,
    accountManager: identity.accountManager,
    contacts: identity.contacts.map((c) => ({ ...c })),
    certifications: joinedOn === undefined ? [] : certifications(random, joinedOn, referenceDate),
    trainings: joinedOn === undefined ? [] : trainings(random, joinedOn, referenceDate),
    tierHistory: growth?.tierHistory ?? [],
    scorecards: growth?.scorecards ?? [],
    warnings: growth?.warnings ?? [],
  };
}

export function simulatePartner(ctx: GeneratorContext, index: number, wanted: ReadonlySet<SampleEntity>): PartnerDrafts {
  const identity = partnerIdentity(ctx, index);
  const needsGrowth = wanted.has('partner') || wanted.has('performance') || wanted.has('mdf_request') || wanted.has('mdf_claim');
  const growth = needsGrowth && identity.joinedOn !== undefined ? simulateGrowth(ctx, identity, identity.joinedOn) : undefined;
  // terminated partners plan no more marketing; bronze ones get no co-op share (see mdfRecords)
  const mdf = growth !== undefined && growth.status !== 'terminated' && (wanted.has('mdf_request') || wanted.has('mdf_claim'))
    ? mdfRecords(ctx, identity, growth.tierMetal)
    : { requests: [], claims: [] };
  const drafts: PartnerDrafts = {};
  if (wanted.has('partner')) drafts.partner = [partnerRecord(ctx, identity, growth)];
  if (wanted.has('performance')) drafts.performance = growth === undefined ? [] : performanceRecords(ctx, identity, growth);
  if (wanted.has('onboarding_application')) drafts.onboarding_application = [applicationRecord(ctx, identity)];
  if (wanted.has('mdf_request')) drafts.mdf_request = mdf.requests;
  if (wanted.has('mdf_claim')) drafts.mdf_claim = mdf.claims;
  return drafts;
}
