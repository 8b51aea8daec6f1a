/**
 * A realistic onboarding application (渠道准入申请), shared by the form tests and the benchmark:
 * documents and credit terms depend on the partner kind, a computed amount in 万元, a contract
 * period checked across fields, and defaults from the context.
 */
import type { EntityDefinition } from '@trellis/definitions';
import type { FormContext } from '../types.js';

const PARTNER_KINDS = ['distributor', 'retailer', 'independent_rep', 'branch_office', 'internal_sales'];
const isDistributor = { '==': [{ var: 'partnerKind' }, 'distributor'] };
const isExternal = { in: [{ var: 'partnerKind' }, ['distributor', 'retailer', 'independent_rep']] };

export const onboardingDefinition: EntityDefinition = {
  kind: 'entity',
  formatVersion: 1,
  id: 'onboarding_application',
  label: { 'zh-CN': '渠道准入申请', en: 'Onboarding application' },
  description: { 'zh-CN': '新渠道伙伴的入驻申请与资质审核', en: 'Admission and qualification review of a new partner' },
  titleField: 'companyName',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      companyName: { type: 'string', minLength: 2, maxLength: 100 },
      // 统一社会信用代码: 18 characters
      creditCode: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' },
      partnerKind: { type: 'string', enum: PARTNER_KINDS },
      country: { type: 'string', pattern: '^[A-Z]{2}$' },
      region: { type: 'string', enum: ['east', 'south', 'north', 'west', 'central'] },
      contact: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 50 },
          phone: { type: 'string', pattern: '^1[3-9]\\d{9}$' },
          email: { type: 'string', format: 'email' },
        },
        required: ['name', 'phone'],
      },
      businessLicenseFile: { type: 'string', minLength: 1, maxLength: 500 },
      creditLimit: { type: 'number', minimum: 0, maximum: 100_000_000 },
      creditLimitWan: { type: 'number', minimum: 0 },
      showcaseStore: { type: 'boolean', default: false },
      contractStart: { type: 'string', format: 'date' },
      contractEnd: { type: 'string', format: 'date' },
      appliedOn: { type: 'string', format: 'date' },
      notes: { type: 'string', maxLength: 2000 },
    },
    required: ['companyName', 'creditCode', 'partnerKind', 'country', 'region', 'contact', 'businessLicenseFile', 'contractStart', 'contractEnd', 'appliedOn'],
  },
  fields: {
    companyName: { label: { 'zh-CN': '公司名称', en: 'Company name' } },
    creditCode: {
      label: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
      help: { 'zh-CN': '18 位，见营业执照', en: '18 characters, printed on the business licence' },
    },
    partnerKind: { label: { 'zh-CN': '伙伴类型', en: 'Partner kind' } },
    country: { label: { 'zh-CN': '国家', en: 'Country' } },
    region: { label: { 'zh-CN': '区域', en: 'Region' } },
    'contact.name': { label: { 'zh-CN': '联系人', en: 'Contact name' } },
    'contact.phone': { label: { 'zh-CN': '联系电话', en: 'Contact phone' } },
    'contact.email': { label: { 'zh-CN': '联系邮箱', en: 'Contact email' } },
    businessLicenseFile: { label: { 'zh-CN': '营业执照', en: 'Business licence' } },
    creditLimit: { label: { 'zh-CN': '信用额度（元）', en: 'Credit limit (CNY)' } },
    creditLimitWan: { label: { 'zh-CN': '信用额度（万元）', en: 'Credit limit (10k CNY)' } },
    showcaseStore: { label: { 'zh-CN': '已有样板店', en: 'Has a showcase store' } },
    contractStart: { label: { 'zh-CN': '合同开始日期', en: 'Contract start date' } },
    contractEnd: { label: { 'zh-CN': '合同结束日期', en: 'Contract end date' } },
    appliedOn: { label: { 'zh-CN': '申请日期', en: 'Applied on' } },
  },
  ui: {
    uiSchema: { 'ui:order': ['companyName', 'creditCode', 'partnerKind', '*'], notes: { 'ui:widget': 'textarea' } },
    sections: [
      { id: 'company', title: { 'zh-CN': '公司信息', en: 'Company' }, fields: ['companyName', 'creditCode', 'partnerKind', 'country', 'region'] },
      { id: 'contact', title: { 'zh-CN': '联系人', en: 'Contact' }, fields: ['contact.name', 'contact.phone', 'contact.email'] },
      {
        id: 'terms',
        title: { 'zh-CN': '资质与合同', en: 'Qualification and contract' },
        fields: ['businessLicenseFile', 'creditLimit', 'creditLimitWan', 'showcaseStore', 'contractStart', 'contractEnd', 'appliedOn', 'notes'],
      },
    ],
  },
  rules: {
    defaults: {
      country: { value: 'CN' },
      appliedOn: { rule: { var: '$today' } },
    },
    visibility: {
      businessLicenseFile: isExternal,
      creditLimit: isDistributor,
      creditLimitWan: isDistributor,
      showcaseStore: { in: [{ var: 'partnerKind' }, ['distributor', 'retailer']] },
    },
    requiredWhen: {
      creditLimit: isDistributor,
      'contact.email': isDistributor,
    },
    computed: {
      creditLimitWan: {
        if: [{ '!==': [{ var: 'creditLimit' }, null] }, { dec_div: [{ var: 'creditLimit' }, 10000] }, null],
      },
    },
    validations: [
      {
        id: 'contract_end_after_start',
        path: 'contractEnd',
        rule: {
          or: [
            { '!': { var: 'contractStart' } },
            { '!': { var: 'contractEnd' } },
            { date_after: [{ var: 'contractEnd' }, { var: 'contractStart' }] },
          ],
        },
        message: { 'zh-CN': '合同结束日期必须晚于开始日期', en: 'The contract must end after it starts' },
      },
    ],
  },
};

/** A complete, valid application from a distributor (country and appliedOn left to the defaults). */
export function validOnboardingSubmission(): Record<string, unknown> {
  return {
    companyName: '上海启明贸易有限公司',
    creditCode: '91310000MA1FL4XQ3B',
    partnerKind: 'distributor',
    region: 'east',
    contact: { name: '王磊', phone: '13812345678', email: 'wang.lei@example.com' },
    businessLicenseFile: 'uploads/licence-91310000MA1FL4XQ3B.pdf',
    creditLimit: 1_250_000,
    showcaseStore: true,
    contractStart: '2026-04-01',
    contractEnd: '2027-03-31',
    notes: '华东区域总代理',
  };
}

export const onboardingContext: FormContext = {
  now: '2026-03-15T09:30:00+08:00',
  user: { id: 'u_channel_manager_1', roles: ['channel_manager'], partnerOrg: null },
};
