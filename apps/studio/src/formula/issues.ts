import type { Locale, Problem } from '@trellis/errors';
import { checkRuleAgainstSchema, checkRuleSafety, type JsonSchemaObject, type Rule } from '@trellis/rules';
import type { FormulaError, SourceMap } from './parse.js';
import type { Span } from './syntax.js';

/** Something wrong with a formula, where it is (null: the whole formula) and what to say, in one language. */
export interface FormulaIssue {
  readonly code: string;
  readonly span: Span | null;
  readonly message: string;
}

/** A rule's static problems: unsafe parts, and fields or types the record (with the context keys today(), now()) does not have. */
export const ruleProblems = (rule: Rule, schema: JsonSchemaObject): Problem[] =>
  [...checkRuleSafety(rule), ...checkRuleAgainstSchema(rule, schema, { context: true })];

/** i18next's t, as far as issues need it. */
export type Translate = (key: string, params: Record<string, string | number>) => string;

/** The part of the formula a problem's position (e.g. /and/0/>=/0/var) is in: its nearest mapped ancestor. */
function locate(path: string, sources: SourceMap): Span | null {
  const segments = path.split('/');
  for (let n = segments.length; n > 0; n -= 1) {
    const span = sources.get(segments.slice(0, n).join('/'));
    if (span !== undefined) return span;
  }
  return null;
}

export function syntaxIssue(error: FormulaError, t: Translate): FormulaIssue {
  return { code: error.code, span: error.span, message: t(`formula.errors.${error.code}`, { ...error.params, column: error.span.start + 1 }) };
}

/** A static problem of the rule (checkRuleSafety, checkRuleAgainstSchema) told at its column. */
export function problemIssue(problem: Problem, sources: SourceMap, locale: Locale, t: Translate): FormulaIssue {
  const span = locate(problem.path, sources);
  const message = problem.message[locale];
  if (span === null) return { code: problem.code, span, message };
  const column = span.start + 1;
  const { path, suggestion } = problem.details ?? {};
  if (problem.code === 'RULE_UNKNOWN_VAR' && typeof path === 'string') {
    return {
      code: problem.code,
      span,
      message: typeof suggestion === 'string'
        ? t('formula.errors.unknownFieldSuggestion', { field: path, suggestion, column })
        : t('formula.errors.unknownField', { field: path, column }),
    };
  }
  return { code: problem.code, span, message: t('formula.errors.atColumn', { message, column }) };
}
