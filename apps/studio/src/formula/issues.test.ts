import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '@trellis/errors';
import { checkRuleAgainstSchema, checkRuleSafety, type JsonSchemaObject } from '@trellis/rules';
import { en } from '../i18n/en.js';
import { zhCN } from '../i18n/zh-CN.js';
import { problemIssue, syntaxIssue, type Translate } from './issues.js';
import { parseFormula } from './parse.js';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
});
const translate = (locale: Locale): Translate => (key, params) => i18n.t(key, { ...params, lng: locale });

const schema: JsonSchemaObject = {
  type: 'object',
  properties: { qty: { type: 'number' }, price: { type: 'number' }, name: { type: 'string' }, joinedOn: { type: 'string', format: 'date' } },
};

/** What the admin reads for a formula: its syntax error, or its static problems at their columns. */
function messages(text: string, locale: Locale): string[] {
  const parsed = parseFormula(text);
  if (!parsed.ok) return [syntaxIssue(parsed.error, translate(locale)).message];
  const problems = [...checkRuleSafety(parsed.rule), ...checkRuleAgainstSchema(parsed.rule, schema, { context: true })];
  return problems.map((p) => problemIssue(p, parsed.sources, locale, translate(locale)).message);
}

describe('formula problems, told at their column in both languages', () => {
  it('names an unknown field and where it is', () => {
    expect(messages('qty * price + foo', 'en')).toEqual(['Unknown field `foo` at column 15']);
    expect(messages('qty * price + foo', 'zh-CN')).toEqual(['第 15 列：未知字段 `foo`']);
    expect(messages('round(qty * prise, 2)', 'en')).toEqual(['Unknown field `prise` at column 13; did you mean `price`?']);
    expect(messages('round(qty * prise, 2)', 'zh-CN')).toEqual(['第 13 列：未知字段 `prise`，您是否指 `price`？']);
  });

  it('tells syntax errors', () => {
    expect(messages('qty *', 'en')).toEqual(['A value is missing at column 6']);
    expect(messages('qty *', 'zh-CN')).toEqual(['第 6 列缺少一个值']);
    expect(messages('qty * rounds(price)', 'en')).toEqual(['Unknown function `rounds` at column 7']);
    expect(messages('qty * rounds(price)', 'zh-CN')).toEqual(['第 7 列：未知函数 `rounds`']);
    expect(messages('qty price', 'en')).toEqual(['Unexpected "p" at column 5']);
  });

  it('places the checker\'s other problems at the part they concern', () => {
    expect(messages('qty + date_diff(joinedOn, today(), "years") > name and round(qty)', 'en')).toEqual([
      '">" compares a number with a text (column 1)',
    ]);
    expect(messages('year(qty)', 'zh-CN')).toEqual(['第 6 列：运算符"year"此处需要日期，但得到的是数字']);
    expect(messages('date_add(joinedOn, 1)', 'en')).toEqual(['Operator "date_add" expects 3 argument(s), got 2 (column 1)']);
  });
});
