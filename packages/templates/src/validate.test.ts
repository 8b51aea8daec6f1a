import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Problem } from '@trellis/errors';
import { exportTemplate } from './hash.js';
import { deleteAt, getAt, pushAt, setAt } from './testing/edit.js';
import { smallTemplate } from './testing/small-template.js';
import { validateTemplate } from './validate.js';

const PRM = fileURLToPath(new URL('../../../seed/prm/template.json', import.meta.url));

function problemsOf(json: unknown): Problem[] {
  const result = validateTemplate(json);
  expect(result.ok).toBe(false);
  return result.problems;
}

const codesAt = (problems: readonly Problem[]) => problems.map((p) => `${p.path} ${p.code}`);

describe('validateTemplate', () => {
  it('accepts the PRM template from seed/', () => {
    const result = validateTemplate(JSON.parse(readFileSync(PRM, 'utf8')));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.template.app.id).toBe('prm');
  });

  it('accepts a small complete template, and its own export (hash included)', () => {
    expect(validateTemplate(smallTemplate())).toMatchObject({ ok: true, problems: [] });
    const exported = JSON.parse(exportTemplate(smallTemplate())) as unknown;
    expect(validateTemplate(exported).ok).toBe(true);
  });

  it('reports every problem of a broken bundle together', () => {
    // exported (so it carries a hash), then edited: the hash no longer matches
    const doc = JSON.parse(exportTemplate(smallTemplate())) as unknown;
    expect(getAt(doc, 'rules.0.id')).toBe('bonus');
    setAt(doc, 'rules.0.logic', { dec_mul: [{ var: 'sale' }, 0.1] }); // typo of "sales"
    setAt(doc, 'rules.1.tests.0.expect', 99); // a regression test that fails (the rate is 0)
    setAt(doc, 'flows.0.nodes.1.settings.form', 'partner_form'); // no such form
    pushAt(doc, 'entities', { ...(getAt(doc, 'entities.0') as object) }); // duplicate entity id
    pushAt(doc, 'sampleData.partner', { name: 'Gamma', tier: 'platinum' }); // not in the enum

    const problems = problemsOf(doc);
    const found = codesAt(problems);
    expect(found).toContain('contentHash TEMPLATE_HASH_MISMATCH');
    expect(found).toContain('entities.2 TEMPLATE_DUPLICATE_ID');
    expect(found).toContain('rules.bonus.logic.dec_mul.0.var RULE_UNKNOWN_VAR');
    expect(found).toContain('rules.rebate_rate.tests.0 TEMPLATE_RULE_TEST_FAILED');
    expect(found).toContain('flows.onboarding.nodes.1.settings.form FLOW_UNKNOWN_ENTITY');
    expect(found).toContain('sampleData.partner.2.tier TEMPLATE_SAMPLE_RECORD_INVALID');

    expect(problems.find((p) => p.code === 'RULE_UNKNOWN_VAR')?.details).toMatchObject({ suggestion: 'sales' });
    const failedTest = problems.find((p) => p.path === 'rules.rebate_rate.tests.0');
    expect(failedTest?.details).toMatchObject({ test: 'below 80%', expected: 99, actual: 0 });
    expect(failedTest?.message.en).toBe('Rule test "below 80%" failed: expected 99, got 0');
    for (const p of problems) expect(p.message['zh-CN'].length).toBeGreaterThan(0);
  });

  it('names decision-table problems by rule id and row', () => {
    const doc = smallTemplate();
    pushAt(doc, 'rules.0.table.rows', { when: [{ op: 'between', min: 2, max: 1, minInclusive: true, maxInclusive: true }], then: [0.1] });
    expect(codesAt(problemsOf(doc)).some((f) => f.startsWith('rules.rebate_rate.table.rows.3'))).toBe(true);
  });

  it('reports an expected error that did not happen, and an unexpected one', () => {
    const doc = smallTemplate();
    setAt(doc, 'rules.1.tests.1', { name: 'no error', data: { sales: 5 }, error: true });
    pushAt(doc, 'rules.1.tests', { name: 'fails', data: { sales: [1] }, expect: 1 });
    const failures = problemsOf(doc).filter((p) => p.code === 'TEMPLATE_RULE_TEST_FAILED');
    expect(failures.map((p) => p.path)).toEqual(['rules.bonus.tests.1', 'rules.bonus.tests.2']);
    expect(failures[0]?.details).toMatchObject({ expected: { error: true }, actual: 0.5 });
    expect(failures[1]?.message.en).toContain('evaluation failed with RULE_');
  });

  it('checks rules against their entity, and the entity must exist', () => {
    const doc = smallTemplate();
    setAt(doc, 'rules.0.entity', 'perfomance');
    expect(codesAt(problemsOf(doc))).toContain('rules.rebate_rate.entity TEMPLATE_UNKNOWN_ENTITY');
  });

  it('checks flow structure: nodes of edges, one start, an end, forms, conditions', () => {
    const doc = smallTemplate();
    setAt(doc, 'flows.0.nodes.3', { id: 'start2', type: 'start' }); // the end node is gone
    pushAt(doc, 'flows.0.nodes', { id: 'task', type: 'form_task' });
    setAt(doc, 'flows.0.edges.1.condition', { '==': [{ var: 'teir' }, 'gold'] });
    expect(codesAt(problemsOf(doc))).toEqual(expect.arrayContaining([
      'flows.onboarding.edges.2.target FLOW_UNKNOWN_NODE',
      'flows.onboarding.nodes.3 FLOW_MULTIPLE_STARTS',
      'flows.onboarding.nodes FLOW_NO_END',
      'flows.onboarding.nodes.5.settings.form FLOW_INVALID_SETTINGS',
      'flows.onboarding.edges.1.condition.==.0.var RULE_UNKNOWN_VAR',
    ]));
  });

  it('checks programs: entities, fields, eligibility against the subject, formulas against the values', () => {
    const doc = smallTemplate();
    setAt(doc, 'programs.0.eligibility', { '==': [{ var: '$subject.tierr' }, 'gold'] });
    setAt(doc, 'programs.0.lines.0.rate', { dec_mul: [{ var: 'revenue' }, 0.02] });
    pushAt(doc, 'programs.0.metrics', { ...(getAt(doc, 'programs.0.metrics.0') as object), id: 'other', field: 'actaul', subjectField: 'partnr' });
    pushAt(doc, 'programs.0.lines', { id: 'more', label: { en: 'More', 'zh-CN': '更多' }, base: 'nothing', rate: 0.01 });
    setAt(doc, 'programs.0.metrics.0.entity', 'orders');
    expect(codesAt(problemsOf(doc))).toEqual(expect.arrayContaining([
      'programs.sales_rebate.eligibility.==.0.var RULE_UNKNOWN_VAR',
      'programs.sales_rebate.lines.0.rate.dec_mul.0.var RULE_UNKNOWN_VAR',
      'programs.sales_rebate.metrics.0.entity TEMPLATE_UNKNOWN_ENTITY',
      'programs.sales_rebate.metrics.1.field RULE_UNKNOWN_VAR',
      'programs.sales_rebate.metrics.1.subjectField RULE_UNKNOWN_VAR',
      'programs.sales_rebate.lines.1.base TEMPLATE_PROGRAM_UNKNOWN_BASE',
    ]));
  });

  it('checks that a program is approved by a flow of the template that runs on no entity', () => {
    const doc = smallTemplate();
    setAt(doc, 'programs.0.approvalFlow', 'no_such_flow');
    expect(problemsOf(doc).map((p) => [p.path, p.code, p.message.en])).toEqual([
      ['programs.sales_rebate.approvalFlow', 'TEMPLATE_UNKNOWN_FLOW', 'There is no flow "no_such_flow" in this template'],
    ]);
    setAt(doc, 'programs.0.approvalFlow', getAt(doc, 'flows.0.id'));
    expect(codesAt(problemsOf(doc))).toEqual(['programs.sales_rebate.approvalFlow TEMPLATE_APPROVAL_FLOW_ENTITY']);
  });

  it('checks that every role named in rules and flow settings exists', () => {
    const doc = smallTemplate();
    setAt(doc, 'flows.0.nodes.2.settings', { approverRoles: ['finance', 'auditor'] });
    setAt(doc, 'entities.0.rules.visibility.creditLimit', { in: ['sales_director', { var: '$user.roles' }] });
    const unknown = problemsOf(doc).filter((p) => p.code === 'TEMPLATE_UNKNOWN_ROLE');
    expect(unknown.map((p) => [p.path, p.details?.role])).toEqual([
      ['entities.partner.rules.visibility.creditLimit.in.0', 'sales_director'],
      ['flows.onboarding.nodes.2.settings.approverRoles.1', 'auditor'],
    ]);
  });

  it('lets at most one role be open to self-registration', () => {
    const doc = smallTemplate();
    const open = { organisationId: { prefix: 'P', digits: 6 } };
    setAt(doc, 'roles.0.selfRegistration', open);
    expect(validateTemplate(doc)).toMatchObject({ ok: true });
    setAt(doc, 'roles.1.selfRegistration', open);
    const twice = problemsOf(doc).filter((p) => p.code === 'TEMPLATE_SELF_REGISTRATION_TWICE');
    expect(twice.map((p) => p.path)).toEqual([`roles.${String(getAt(doc, 'roles.1.id'))}.selfRegistration`]);
  });

  it('reports sample data of an unknown entity', () => {
    const doc = smallTemplate();
    doc.sampleData = { partners: [{ name: 'x' }] };
    expect(codesAt(problemsOf(doc))).toEqual(['sampleData.partners TEMPLATE_UNKNOWN_ENTITY']);
  });

  it('still checks the well-formed definitions when another one fails format validation', () => {
    const doc = smallTemplate();
    deleteAt(doc, 'rules.0.label'); // a format problem, named by the rule's id
    setAt(doc, 'flows.0.nodes.1.settings.form', 'nope');
    const found = codesAt(problemsOf(doc));
    expect(found).toContain('rules.rebate_rate.label SCHEMA_REQUIRED');
    expect(found).toContain('flows.onboarding.nodes.1.settings.form FLOW_UNKNOWN_ENTITY');
  });

  it('rejects what is not a template at all', () => {
    expect(validateTemplate(42).ok).toBe(false);
    expect(validateTemplate({ kind: 'app-template' }).problems.length).toBeGreaterThan(0);
  });

  it('loads the format-1 (monolingual) bundle through its migration', () => {
    const v1 = {
      kind: 'app-template',
      formatVersion: 1,
      app: { id: 'old', label: 'Old app', version: '0.1.0' },
      roles: [{ id: 'admin', label: 'Admin' }],
    };
    const result = validateTemplate(v1);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.template.app.label).toEqual({ 'zh-CN': 'Old app', en: 'Old app' });
  });
});
