import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lastLine, runCli, tempFiles } from '../testing/capture.js';

const PRM_PATH = fileURLToPath(new URL('../../../../seed/prm/template.json', import.meta.url));
const prm = () => JSON.parse(readFileSync(PRM_PATH, 'utf8')) as {
  app: { id: string; version: string };
  rules: { id: string; logic?: unknown; tests?: { expect?: unknown }[] }[];
  entities: { id: string; schema: { properties: Record<string, unknown> } }[];
  roles: { id: string }[];
};

/** Every definition a plan lists: one line per entity, rule, flow, program, role and grant. */
function definitionCount(doc: Record<string, unknown>): number {
  return ['entities', 'rules', 'flows', 'programs', 'roles', 'permissions']
    .map((key) => (Array.isArray(doc[key]) ? doc[key].length : 0))
    .reduce((a, b) => a + b, 0);
}

function broken() {
  const doc = prm();
  const amount = doc.rules.find((r) => r.id === 'attainment_rebate_amount');
  if (amount?.tests?.[0] !== undefined) amount.tests[0].expect = -1;
  doc.roles.push({ ...(doc.roles[0] as { id: string }) });
  return doc;
}

describe('trellis template validate', () => {
  it('prints OK, the app id, the hash and the counts', async () => {
    const result = await runCli(['template', 'validate', PRM_PATH]);
    expect(result.code).toBe(0);
    const [ok, counts] = result.stdout.trimEnd().split('\n');
    expect(ok).toMatch(/^OK prm sha256:[0-9a-f]{64}$/);
    expect(counts).toMatch(/^entities 5, rules 9, flows \d+, programs \d+, roles 6, sample records \d+$/);
  });

  it('lists every problem as "path  CODE  message" and exits 1', async () => {
    const dir = tempFiles({ 'bad.json': broken() });
    const result = await runCli(['template', 'validate', 'bad.json'], dir);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toContain(`roles.6  TEMPLATE_DUPLICATE_ID  The role id "${prm().roles[0]?.id}" is used more than once (first at roles.0)`);
    expect(lines.some((l) => l.startsWith('rules.attainment_rebate_amount.tests.0  TEMPLATE_RULE_TEST_FAILED  '))).toBe(true);
    expect(lastLine(result.stdout)).toBe(`${lines.length - 1} problem(s)`);
    const zh = await runCli(['template', 'validate', 'bad.json', '--lang', 'zh-CN'], dir);
    expect(lastLine(zh.stdout)).toBe(`共 ${lines.length - 1} 个问题`);
  });

  it('exits 2 when the file cannot be read as JSON', async () => {
    const dir = tempFiles({ 'x.json': 'nope' });
    expect((await runCli(['template', 'validate', 'x.json'], dir)).code).toBe(2);
  });
});

describe('trellis template export', () => {
  it('writes canonical text with its hash: stable, and valid', async () => {
    const shuffled = prm();
    shuffled.rules.reverse();
    const dir = tempFiles({ 'prm.json': prm(), 'shuffled.json': shuffled });
    const toStdout = await runCli(['template', 'export', 'prm.json'], dir);
    expect(toStdout.code).toBe(0);
    const written = await runCli(['template', 'export', 'shuffled.json', '--out', 'out.json'], dir);
    expect(written.code).toBe(0);
    const file = readFileSync(join(dir, 'out.json'), 'utf8');
    expect(file).toBe(toStdout.stdout);
    const { contentHash } = JSON.parse(file) as { contentHash: string };
    expect(written.stdout).toBe(`Wrote out.json (${contentHash})\n`);
    const again = await runCli(['template', 'export', 'out.json'], dir);
    expect(again.stdout).toBe(file);
    expect((await runCli(['template', 'validate', 'out.json'], dir)).stdout).toContain(`OK prm ${contentHash}`);
  });

  it('refreshes the hash of a hand-edited export, but refuses a malformed template', async () => {
    const dir = tempFiles({ 'prm.json': prm() });
    await runCli(['template', 'export', 'prm.json', '--out', 'a.json'], dir);
    const edited = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as { app: { version: string } };
    edited.app.version = '1.0.1';
    const dir2 = tempFiles({ 'edited.json': edited, 'malformed.json': { kind: 'app-template', formatVersion: 2 } });
    expect((await runCli(['template', 'validate', 'edited.json'], dir2)).stdout).toContain('TEMPLATE_HASH_MISMATCH');
    await runCli(['template', 'export', 'edited.json', '--out', 'edited.json'], dir2);
    expect((await runCli(['template', 'validate', 'edited.json'], dir2)).code).toBe(0);
    const malformed = await runCli(['template', 'export', 'malformed.json'], dir2);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('SCHEMA_REQUIRED');
  });
});

describe('trellis template plan', () => {
  it('reports everything unchanged against its own export', async () => {
    const dir = tempFiles({ 'prm.json': prm() });
    await runCli(['template', 'export', 'prm.json', '--out', 'current.json'], dir);
    const result = await runCli(['template', 'plan', 'prm.json', '--against', 'current.json'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^Import plan for prm \(sha256:[0-9a-f]{64}\) against current\.json$/);
    expect(result.stdout).toMatch(/^ {2}unchanged {2}entity +partner$/m);
    expect(lastLine(result.stdout)).toBe(`0 new, 0 changed, ${definitionCount(prm())} unchanged, 0 conflicting`);
  });

  it('reports new, changed and conflicting definitions and exits 1 on conflicts', async () => {
    const next = prm();
    next.roles.push({ id: 'auditor', label: { en: 'Auditor', 'zh-CN': '审计' } } as { id: string });
    const performance = next.entities.find((e) => e.id === 'performance');
    if (performance !== undefined) performance.schema.properties.remarks = { type: 'integer' };
    const dir = tempFiles({ 'next.json': next, 'current.json': prm() });
    const result = await runCli(['template', 'plan', 'next.json', '--against', 'current.json'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ {2}new +role +auditor$/m);
    expect(result.stdout).toMatch(/^ {2}conflicting +entity +performance +\/schema\/properties\/remarks\/maxLength, \/schema\/properties\/remarks\/type$/m);
    expect(result.stdout).toContain('      entities.performance.schema.properties.remarks  IMPORT_PROPERTY_TYPE_CHANGED  The type of field "remarks" changes from string to integer');
    expect(lastLine(result.stdout)).toBe(`1 new, 0 changed, ${definitionCount(prm()) - 1} unchanged, 1 conflicting`);
  });

  it('refuses to plan a broken template: its problems instead', async () => {
    const dir = tempFiles({ 'bad.json': broken(), 'current.json': prm() });
    const result = await runCli(['template', 'plan', 'bad.json', '--against', 'current.json'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('TEMPLATE_DUPLICATE_ID');
    expect(result.stdout).not.toContain('Import plan');
  });
});

describe('trellis', () => {
  it('exits 2 on an unknown command and 0 for help', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('rule');
    expect(help.stdout).toContain('template');
    const zh = await runCli(['template', '--help', '--lang', 'zh-CN']);
    expect(zh.stdout).toContain('无需数据库，完整检查模板');
  });
});
