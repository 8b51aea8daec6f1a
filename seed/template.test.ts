import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@trellis/definitions';
import { checkFormDefinition, schemaFieldPaths } from '@trellis/forms';
import { checkDecisionTable, checkRuleAgainstSchema, checkRuleSafety, type JsonSchemaObject } from '@trellis/rules';
import { validateTemplate } from '@trellis/templates';
import { generateSampleData } from './generate.js';
import { PROVINCES } from './generator/china.js';
import { ruleLogic } from './generator/template-rules.js';
import { entityOf, loadPrmTemplate } from './template.js';
import raw from './prm/template.json' with { type: 'json' };

const app = loadPrmTemplate();
const entities = app.entities ?? [];
const rules = app.rules ?? [];

/** Every {"zh-CN", "en"} object anywhere in the template, with where it is. */
function localizedTexts(value: unknown, path = ''): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedTexts(v, `${path}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = 'zh-CN' in record || 'en' in record ? [{ path, text: record }] : [];
  return [...own, ...Object.entries(record).flatMap(([k, v]) => localizedTexts(v, `${path}/${k}`))];
}

function schemaOf(entity: EntityDefinition): JsonSchemaObject {
  return entity.schema as JsonSchemaObject;
}

/** Whether the uiSchema renders the field at `path`, or one holding it, with the file widget (one control). */
function insideFileWidget(entity: EntityDefinition, path: string): boolean {
  let node: unknown = entity.ui?.uiSchema;
  for (const segment of path.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    if ((node as Record<string, unknown>)['ui:widget'] === 'file') return true;
    node = (node as Record<string, unknown>)[segment];
  }
  return false;
}

describe('the PRM app template', () => {
  it('loads through loadAppTemplate as a formatVersion 2 template of the prm app', () => {
    expect(app.kind).toBe('app-template');
    expect(app.formatVersion).toBe(2);
    expect(app.app.id).toBe('prm');
    expect(entities.map((e) => e.id)).toEqual(['partner', 'onboarding_application', 'performance', 'mdf_request', 'mdf_claim']);
    expect(app.roles?.map((r) => r.id)).toEqual(['admin', 'channel_manager', 'operations', 'finance', 'management', 'partner_user']);
  });

  it('carries the PRM incentive programs (evaluated in programs.test.ts)', () => {
    expect(app.programs?.map((p) => [p.id, p.period])).toEqual([
      ['annual_attainment_rebate', 'year'], ['quarterly_growth_rebate', 'quarter'], ['new_product_launch_rebate', 'quarter'],
      ['first_order_bonus', 'quarter'], ['coop_marketing_share', 'quarter'],
    ]);
  });

  it('carries the PRM flows (driven end to end in flows.test.ts)', () => {
    expect(app.flows?.map((f) => [f.id, f.entity])).toEqual([
      ['partner_onboarding', 'onboarding_application'], ['mdf_request', 'mdf_request'], ['red_yellow_card', 'partner'],
      ['incentive_run_approval', undefined],
    ]);
    // every program's runs go through finance's approval flow
    expect(new Set(app.programs?.map((p) => p.approvalFlow))).toEqual(new Set(['incentive_run_approval']));
  });

  it('writes every text in both languages, none empty', () => {
    const texts = localizedTexts(raw);
    expect(texts.length).toBeGreaterThan(200);
    for (const { path, text } of texts) {
      expect(Object.keys(text).sort(), path).toEqual(['en', 'zh-CN']);
      expect(String(text['zh-CN']).trim(), path).not.toBe('');
      expect(String(text.en).trim(), path).not.toBe('');
      // the Chinese text is Chinese, not a copy of the English
      expect(String(text['zh-CN']), path).toMatch(/[\u4e00-\u9fff]|^[\d\s.,%[\]()<>≤≥=–-]+$/);
    }
  });

  it.each(entities.map((e) => [e.id, e] as const))('labels every field of %s in both languages', (_id, entity) => {
    for (const path of schemaFieldPaths(schemaOf(entity)).filter((p) => !insideFileWidget(entity, p))) {
      expect(entity.fields?.[path]?.label, `${entity.id}.${path}`).toBeDefined();
    }
  });

  it.each(entities.map((e) => [e.id, e] as const))('entity %s passes the form runtime save-time checks', (_id, entity) => {
    expect(checkFormDefinition(entity)).toEqual([]);
  });

  it.each(rules.map((r) => [r.id, r] as const))('rule %s is safe, reads only declared fields and has a clean table', (_id, rule) => {
    const schema = rule.entity === undefined ? rule.inputs : entityOf(app, rule.entity).schema;
    expect(schema, 'an entity or declared inputs').toBeDefined();
    const logic = ruleLogic(rule);
    expect(checkRuleSafety(logic)).toEqual([]);
    expect(checkRuleAgainstSchema(logic, schema as JsonSchemaObject)).toEqual([]);
    // no errors and no overlap/gap warnings either: every boundary is stated once
    if (rule.table !== undefined) expect(checkDecisionTable(rule.table)).toEqual([]);
  });

  it('keeps regression tests next to every rule', () => {
    for (const rule of rules) expect(rule.tests?.length ?? 0, rule.id).toBeGreaterThanOrEqual(6);
  });

  it('derives the region from the province with the same map in partner and onboarding application', () => {
    const partner = entityOf(app, 'partner');
    const application = entityOf(app, 'onboarding_application');
    expect(partner.rules?.computed?.region).toBeDefined();
    expect(application.rules?.computed?.region).toEqual(partner.rules?.computed?.region);
  });

  it('knows the same provinces in both entities and in the sample-data geography', () => {
    const provinces = (e: EntityDefinition) => (schemaOf(e).properties as Record<string, { enum?: unknown[] }>).province?.enum;
    const partnerProvinces = provinces(entityOf(app, 'partner'));
    expect(partnerProvinces).toEqual(Object.keys(PROVINCES));
    expect(provinces(entityOf(app, 'onboarding_application'))).toEqual(partnerProvinces);
  });
});

describe('the PRM app template as a bundle', () => {
  it('passes the full template validation with no problems and no warnings', () => {
    const result = validateTemplate(structuredClone(raw));
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('still validates carrying the 50-partner sample data', () => {
    const sampleData = generateSampleData({ partners: 50, seed: 1, referenceDate: '2026-01-15' });
    const result = validateTemplate({ ...structuredClone(raw), sampleData });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
