import { fail, ok, type LocalizedText, type Problem, type Result } from '@trellis/errors';
import type { Rule } from '@trellis/rules';
import type { RuleCase } from '@trellis/templates';
import { cliProblems } from './problems.js';

/** One case of a rule test file. */
export interface RuleTestCase extends RuleCase {
  readonly name?: string;
  readonly rule: Rule;
}

const KEYS = new Set(['name', 'rule', 'data', 'expect', 'error']);

function caseProblems(item: unknown, at: string): Problem[] {
  const bad = (path: string, detail: LocalizedText) => [cliProblems.badTestFile(path, detail)];
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return bad(at, { en: `case ${at} must be an object`, 'zh-CN': `用例 ${at} 必须是对象` });
  }
  const record = item as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const key of Object.keys(record)) {
    if (!KEYS.has(key)) {
      problems.push(...bad(`${at}.${key}`, {
        en: `case ${at} has an unknown key "${key}" (allowed: name, rule, data, expect, error)`,
        'zh-CN': `用例 ${at} 含有未知的键"${key}"（允许：name、rule、data、expect、error）`,
      }));
    }
  }
  if (!('rule' in record)) problems.push(...bad(`${at}.rule`, { en: `case ${at} has no "rule"`, 'zh-CN': `用例 ${at} 缺少"rule"` }));
  if ('name' in record && typeof record.name !== 'string') {
    problems.push(...bad(`${at}.name`, { en: `the name of case ${at} must be a text`, 'zh-CN': `用例 ${at} 的 name 必须是文本` }));
  }
  if ('error' in record && record.error !== true) {
    problems.push(...bad(`${at}.error`, { en: `"error" of case ${at} can only be true`, 'zh-CN': `用例 ${at} 的"error"只能为 true` }));
  }
  if (('expect' in record) === ('error' in record)) {
    problems.push(...bad(at, {
      en: `case ${at} needs exactly one of "expect" and "error": true`,
      'zh-CN': `用例 ${at} 必须且只能包含"expect"与"error": true 之一`,
    }));
  }
  return problems;
}

/** Reads a rule test file, reporting every malformed case, not only the first. */
export function parseRuleTestFile(doc: unknown): Result<RuleTestCase[]> {
  if (!Array.isArray(doc)) {
    return fail([cliProblems.badTestFile('', {
      en: 'the file must hold a JSON array of test cases',
      'zh-CN': '文件内容必须是由测试用例组成的 JSON 数组',
    })]);
  }
  const problems = doc.flatMap((item, i) => caseProblems(item, String(i)));
  return problems.length > 0 ? fail(problems) : ok(doc as RuleTestCase[]);
}
