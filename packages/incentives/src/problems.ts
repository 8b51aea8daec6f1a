import { TrellisError, problem, type Problem } from '@trellis/errors';

/** Incentive-engine problems: stable INCENTIVE_* codes, both languages, a path into the program (or the input). */
export const incentiveProblems = {
  badPeriodId: (path: string, value: unknown) =>
    problem('INCENTIVE_BAD_PERIOD_ID', path, {
      en: `"${String(value)}" is not a period id (2026-03, 2026-Q1, 2026-H1 or 2026)`,
      'zh-CN': `"${String(value)}" 不是有效的期间编号（2026-03、2026-Q1、2026-H1 或 2026）`,
    }, { value }),
  periodKindMismatch: (periodId: string, expected: string) =>
    problem('INCENTIVE_PERIOD_KIND_MISMATCH', 'period', {
      en: `Period ${periodId} is not a ${expected}, the period kind of this program`,
      'zh-CN': `期间 ${periodId} 不是本方案的期间类型（${expected}）`,
    }, { periodId, expected }),
  ambiguousVersion: (periodId: string, effectiveFrom: string) =>
    problem('INCENTIVE_AMBIGUOUS_VERSION', 'effectiveFrom', {
      en: `Two versions in force for ${periodId} both start on ${effectiveFrom}`,
      'zh-CN': `${periodId} 有两个生效版本，且都从 ${effectiveFrom} 开始`,
    }, { periodId, effectiveFrom }),
  missingMetric: (path: string, id: string) =>
    problem('INCENTIVE_MISSING_METRIC', path, {
      en: `No value was given for metric "${id}"`,
      'zh-CN': `未提供指标"${id}"的值`,
    }, { metric: id }),
  notNumber: (path: string, value: unknown) =>
    problem('INCENTIVE_NOT_A_NUMBER', path, {
      en: `Expected a number or numeric string, got ${JSON.stringify(value) ?? String(value)}`,
      'zh-CN': `需要数字或数字字符串，实际为 ${JSON.stringify(value) ?? String(value)}`,
    }, { value: value === undefined ? null : value }),
  negativeAmount: (path: string, amount: string) =>
    problem('INCENTIVE_NEGATIVE_AMOUNT', path, {
      en: `A payout line cannot be negative (got ${amount})`,
      'zh-CN': `支付行金额不能为负数（实际为 ${amount}）`,
    }, { amount }),
  unknownValue: (path: string, id: string) =>
    problem('INCENTIVE_UNKNOWN_VALUE', path, {
      en: `"${id}" is not a metric or derived value of this program`,
      'zh-CN': `"${id}" 不是本方案的指标或派生值`,
    }, { id }),
  badDate: (path: string, value: unknown) =>
    problem('INCENTIVE_BAD_DATE', path, {
      en: `${JSON.stringify(value) ?? String(value)} is not an ISO date`,
      'zh-CN': `${JSON.stringify(value) ?? String(value)} 不是 ISO 日期`,
    }, { value: value === undefined ? null : value }),
  capOrder: (path: string) =>
    problem('INCENTIVE_CAP_ORDER', path, {
      en: 'The program cap needs every result before any is scaled: the total was not taken first',
      'zh-CN': '方案总额封顶需要先汇总全部结果，再逐个缩减：尚未计算总额',
    }),
} satisfies Record<string, (...args: never[]) => Problem>;

export function incentiveError(p: Problem): TrellisError {
  return new TrellisError([p]);
}

function joinPath(at: string, inner: string): string {
  if (inner === '') return at;
  return at === '' ? inner : `${at}.${inner}`;
}

/** Runs `fn`; a TrellisError from inside (a rule failing) gets its problems placed under `at`. */
export function under<T>(at: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof TrellisError)) throw error;
    const [first, ...rest] = error.problems.map((p) => ({ ...p, path: joinPath(at, p.path) }));
    throw new TrellisError([first as Problem, ...rest]);
  }
}
