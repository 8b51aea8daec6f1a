export type { JsonValue, Rule, RuleLimits } from './types.js';
export { DEFAULT_LIMITS } from './types.js';
export type { CoreOperator, CustomOperator, Operator } from './operators/names.js';
export { CORE_OPERATORS, CUSTOM_OPERATORS, ITERATORS, isOperator } from './operators/names.js';
export { ruleProblems, ruleError } from './errors.js';
export { assertJsonResult } from './json-result.js';
export { lookupVar, isForbiddenSegment } from './var-lookup.js';
export { customOperators } from './operators/custom.js';
export { ROUNDING_MODES, type RoundingMode } from './operators/decimal.js';
export { evaluateReference } from './reference.js';
export { traceRule, type TraceNode } from './trace.js';
export {
  OPERATOR_CATALOG, OPERATOR_CATEGORIES, type OperatorCategory, type OperatorDoc, type OperatorExample,
} from './operators/catalog.js';
export { renderRulesDoc } from './docs/rules-doc.js';
export * from './static/index.js';
export { compileRule, evaluateCompiled, clearCompiledCache, type CompiledRule } from './compiled/compile.js';
