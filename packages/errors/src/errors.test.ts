import { describe, expect, it } from 'vitest';
import { TrellisError, fail, isTrellisError, localize, ok, problem } from './index.js';

describe('errors', () => {
  const p = problem('RULE_X', 'a.b', { en: 'Bad', 'zh-CN': '错误' }, { limit: 3 });

  it('builds problems with both languages and optional details', () => {
    expect(p).toEqual({ code: 'RULE_X', path: 'a.b', message: { en: 'Bad', 'zh-CN': '错误' }, details: { limit: 3 } });
    expect(problem('C', '', { en: 'x', 'zh-CN': 'y' })).not.toHaveProperty('details');
    expect(localize(p.message, 'zh-CN')).toBe('错误');
  });

  it('wraps problems in a typed error whose code is the first problem', () => {
    const e = new TrellisError([p]);
    expect(isTrellisError(e)).toBe(true);
    expect(isTrellisError(new Error('x'))).toBe(false);
    expect(e.code).toBe('RULE_X');
    expect(e.message).toBe('RULE_X: Bad');
  });

  it('expresses results as values', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(fail([p])).toEqual({ ok: false, problems: [p] });
  });
});
