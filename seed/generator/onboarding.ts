/**
 * A partner's onboarding application. Every document a partner kind could file is offered; the
 * template's visibility rules drop the ones its kind does not file, and its requiredWhen rules
 * check that the rest are there.
 */
import type { FormRecord } from '@trellis/forms';
import { addDays } from './calendar.js';
import { REJECTION_REASONS } from './catalog.js';
import type { GeneratorContext } from './context.js';
import type { Identity, Stage } from './identity.js';
import { chance, decimal, int, pick, reseed, type Random } from './random.js';

function attachment(random: Random, fileName: string, contentType: string): FormRecord {
  return { fileId: random.string.alphanumeric(20), fileName, contentType };
}

function documents(random: Random): FormRecord {
  return {
    businessLicense: attachment(random, '营业执照.pdf', 'application/pdf'),
    taxRegistration: attachment(random, '税务登记证明.pdf', 'application/pdf'),
    bankAccountProof: attachment(random, '开户许可证.pdf', 'application/pdf'),
    storePhotos: Array.from({ length: int(random, 2, 4) }, (_, i) => attachment(random, `门店照片-${i + 1}.jpg`, 'image/jpeg')),
    distributorAgreement: attachment(random, '经销协议.pdf', 'application/pdf'),
    idCardCopy: attachment(random, '身份证复印件.jpg', 'image/jpeg'),
    internalAuthorization: attachment(random, '内部授权书.pdf', 'application/pdf'),
  };
}

function reviewStatus(random: Random, stage: Stage): string {
  if (stage === 'established') return 'approved';
  if (stage === 'onboarding') return chance(random, 0.6) ? 'under_review' : 'submitted';
  return chance(random, 0.3) ? 'rejected' : 'draft';
}

function checklist(random: Random, status: string): FormRecord {
  const item = () => status === 'approved' || chance(random, 0.6);
  const items = {
    licenceVerified: item(),
    creditCheckPassed: item(),
    complianceTrainingDone: item(),
    showcaseStoreChecked: item(),
    noConflictOfInterest: item(),
  };
  // a rejected application failed at least its credit check
  return status === 'rejected' ? { ...items, creditCheckPassed: false } : items;
}

export function applicationRecord(ctx: GeneratorContext, identity: Identity): FormRecord {
  const random = reseed(ctx.random, ctx.options.seed, identity.index, 'application');
  const status = reviewStatus(random, identity.stage);
  const [contact] = identity.contacts;
  return {
    applicationNo: `OB${String(identity.index + 1).padStart(8, '0')}`,
    appliedOn: identity.appliedOn,
    status,
    partnerId: identity.partnerId,
    companyName: identity.name,
    partnerKind: identity.kind,
    creditCode: identity.creditCode,
    legalRepresentative: random.person.fullName(),
    registeredCapital: identity.registeredCapital,
    foundedOn: addDays(identity.appliedOn, -int(random, 365, 7300)),
    province: identity.province,
    address: identity.address,
    contactName: contact.name,
    contactPhone: contact.phone,
    contactEmail: contact.email,
    expectedAnnualSales: Math.round((identity.baseTarget * 4 * decimal(random, 0.8, 1.2, 2)) / 10_000) * 10_000,
    requestedCreditLimit: identity.requestedCreditLimit,
    documents: documents(random),
    checklist: checklist(random, status),
    ...(status === 'rejected' ? { reviewComment: pick(random, REJECTION_REASONS) } : {}),
  };
}
