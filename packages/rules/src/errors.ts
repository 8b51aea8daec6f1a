import { TrellisError, problem, type Problem } from '@trellis/errors';

/** Rule problems: stable codes, both languages. Paths are JSON-pointer-like positions in the rule ('' = root). */
export const ruleProblems = {
  unknownOperator: (path: string, op: string) =>
    problem('RULE_UNKNOWN_OPERATOR', path, {
      en: `Unknown operator "${op}"`,
      'zh-CN': `未知的运算符"${op}"`,
    }, { operator: op }),
  nonJsonResult: (what: string) =>
    problem('RULE_NON_JSON_RESULT', '', {
      en: `The rule produced ${what}, which is not a JSON value (for example a division by zero)`,
      'zh-CN': `规则的结果为 ${what}，不是合法的 JSON 值（例如除以零）`,
    }, { value: what }),
  badArgument: (op: string, detail: { en: string; 'zh-CN': string }) =>
    problem('RULE_BAD_ARGUMENT', '', {
      en: `Operator "${op}": ${detail.en}`,
      'zh-CN': `运算符"${op}"：${detail['zh-CN']}`,
    }, { operator: op }),
  budgetExceeded: (limit: string, value: number) =>
    problem('RULE_BUDGET_EXCEEDED', '', {
      en: `Evaluation stopped: the rule exceeded its ${limit} limit of ${value}`,
      'zh-CN': `求值已停止：规则超出了${limit}上限 ${value}`,
    }, { limit, value }),
  evaluationFailed: (detail: string) =>
    problem('RULE_EVALUATION_FAILED', '', {
      en: `The rule could not be evaluated: ${detail}`,
      'zh-CN': `规则无法求值：${detail}`,
    }, { detail }),
} satisfies Record<string, (...args: never[]) => Problem>;

export function ruleError(p: Problem): TrellisError {
  return new TrellisError([p]);
}
