import { describe, expect, it } from 'vitest';
import { lastLine, runCli, tempFiles } from '../testing/capture.js';

const tier = { if: [{ '>=': [{ var: 'a' }, 1] }, 0.05, { '>=': [{ var: 'a' }, 0.8] }, 0.02, 0] };

const passing = [
  { name: 'top', rule: tier, data: { a: 1.2 }, expect: 0.05 },
  { rule: tier, data: { a: 0.8 }, expect: 0.02 },
  { rule: { dec_add: [0.1, 0.2] }, data: {}, expect: 0.3 },
  { name: 'division by zero fails', rule: { '/': [1, 0] }, data: {}, error: true },
  { rule: { nope: [1] }, data: {}, error: true },
];

const failing = [
  ...passing,
  { name: 'wrong boundary', rule: tier, data: { a: 0.9 }, expect: 0.03 },
  { name: 'should fail', rule: { '+': [1, 2] }, data: null, error: true },
  { name: 'fails instead', rule: { '/': [1, { var: 'z' }] }, data: { z: 0 }, expect: 1 },
];

describe('trellis rule test', () => {
  const dir = tempFiles({
    'pass.json': passing,
    'fail.json': failing,
    'broken.json': '[{"rule": ',
    'malformed.json': [{ rule: 1, expect: 1, error: true }, { data: {}, expected: 2 }, 3],
    'object.json': { rule: 1 },
  });

  for (const engine of ['reference', 'compiled']) {
    it(`passes a file of passing cases (${engine})`, async () => {
      const result = await runCli(['rule', 'test', 'pass.json', '--engine', engine], dir);
      expect(result).toEqual({ code: 0, stdout: '5 passed, 0 failed\n', stderr: '' });
    });
  }

  it('prints each failure with rule, data, expected and actual, then the counts, and exits 1', async () => {
    const result = await runCli(['rule', 'test', 'fail.json'], dir);
    expect(result.code).toBe(1);
    expect(lastLine(result.stdout)).toBe('5 passed, 3 failed');
    const blocks = result.stdout.split(/(?=FAIL )/);
    expect(blocks[0]).toBe(
      'FAIL [5] wrong boundary\n' +
        `  rule:     ${JSON.stringify(tier)}\n` +
        '  data:     {"a":0.9}\n' +
        '  expected: 0.03\n' +
        '  actual:   0.02\n',
    );
    expect(blocks[1]).toContain('FAIL [6] should fail\n');
    expect(blocks[1]).toContain('  data:     null\n  expected: an error\n  actual:   3\n');
    expect(blocks[2]).toMatch(/ {2}actual: {3}RULE_NON_JSON_RESULT: The rule produced Infinity/);
  });

  it('speaks Chinese with --lang zh-CN, keeping the closing line as is', async () => {
    const result = await runCli(['rule', 'test', 'fail.json', '--lang', 'zh-CN'], dir);
    expect(result.stdout).toContain('未通过 [5] wrong boundary');
    expect(result.stdout).toContain('  期望：   0.03\n  实际：   0.02\n');
    expect(lastLine(result.stdout)).toBe('5 passed, 3 failed');
  });

  it('exits 2 on a file that is not JSON, not an array, or has malformed cases (all listed)', async () => {
    const broken = await runCli(['rule', 'test', 'broken.json'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^broken\.json {2}CLI_NOT_JSON {2}broken\.json is not valid JSON/);
    const object = await runCli(['rule', 'test', 'object.json'], dir);
    expect(object.code).toBe(2);
    expect(object.stderr).toContain('CLI_BAD_TEST_FILE  Malformed rule test file: the file must hold a JSON array');
    const malformed = await runCli(['rule', 'test', 'malformed.json'], dir);
    expect(malformed.code).toBe(2);
    expect(malformed.stdout).toBe('');
    expect(malformed.stderr.trimEnd().split('\n').map((line) => line.split('  ')[0])).toEqual(['0', '1.expected', '1.rule', '1', '2']);
    const missing = await runCli(['rule', 'test', 'missing.json'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('CLI_FILE_UNREADABLE  Cannot read missing.json: ENOENT');
  });

  it('rejects an unknown engine as bad usage', async () => {
    const result = await runCli(['rule', 'test', 'pass.json', '--engine', 'fast'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'fast' is invalid");
  });
});

describe('trellis rule eval', () => {
  const dir = tempFiles({ 'rule.json': tier, 'data.json': { a: 0.85 } });

  it('evaluates inline JSON and prints the result as JSON', async () => {
    expect(await runCli(['rule', 'eval', '--rule', '{"cat":["a",{"var":"b"}]}', '--data', '{"b":"c"}'])).toEqual({ code: 0, stdout: '"ac"\n', stderr: '' });
    expect((await runCli(['rule', 'eval', '--rule', '{"dec_add":[0.1,0.2]}'])).stdout).toBe('0.3\n');
  });

  it('reads rule and data from files, on either engine', async () => {
    for (const engine of ['reference', 'compiled']) {
      const result = await runCli(['rule', 'eval', '--rule', 'rule.json', '--data', 'data.json', '--engine', engine], dir);
      expect(result).toEqual({ code: 0, stdout: '0.02\n', stderr: '' });
    }
  });

  it('prints {"value", "trace"} with --trace', async () => {
    const result = await runCli(['rule', 'eval', '--rule', '{"+":[{"var":"a"},2]}', '--data', '{"a":1}', '--trace']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { value: unknown; trace: { path: string; op: string; value: unknown; args: { value: unknown }[] } };
    expect(printed.value).toBe(3);
    expect(printed.trace).toMatchObject({ path: '', op: '+', value: 3 });
    expect(printed.trace.args.map((a) => a.value)).toEqual([1, 2]);
  });

  it('refuses an unsafe rule with its code and message, in English or Chinese', async () => {
    const en = await runCli(['rule', 'eval', '--rule', '{"frobnicate":[1]}']);
    expect(en.code).toBe(1);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe('-  RULE_UNKNOWN_OPERATOR  Unknown operator "frobnicate"\n');
    const zh = await runCli(['rule', 'eval', '--rule', '{"frobnicate":[1]}', '--lang', 'zh-CN']);
    expect(zh.stderr).toBe('-  RULE_UNKNOWN_OPERATOR  未知的运算符"frobnicate"\n');
  });

  it('exits 1 with the error when evaluation fails', async () => {
    const result = await runCli(['rule', 'eval', '--rule', '{"/":[1,{"var":"x"}]}', '--data', '{"x":0}']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^- {2}RULE_NON_JSON_RESULT {2}/);
  });

  it('exits 2 on unreadable input, and on bad usage', async () => {
    const badJson = await runCli(['rule', 'eval', '--rule', '{"var":']);
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain('CLI_NOT_JSON');
    const noFile = await runCli(['rule', 'eval', '--rule', 'nowhere.json'], dir);
    expect(noFile.stderr).toContain('CLI_FILE_UNREADABLE');
    expect((await runCli(['rule', 'eval'])).code).toBe(2);
    const both = await runCli(['rule', 'eval', '--rule', '1', '--trace', '--engine', 'compiled']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('cannot be used with');
  });
});
