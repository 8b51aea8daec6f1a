export { checkRuleSafety } from './safety.js';
export { measureRule, type RuleSize } from './measure.js';
export { checkRuleAgainstSchema, type SchemaCheckOptions } from './schema-check.js';
export type { JsonSchemaObject } from './schema-shape.js';
export { listVarPaths, type VarPathUse } from './var-refs.js';
export { compileDecisionTable } from './decision-table-compile.js';
export { checkDecisionTable } from './decision-table-check.js';
export { quoteLiteral } from './quote.js';
export { staticProblems } from './problems.js';
export type {
  ComparisonOp, DecisionTable, DecisionTableCell, DecisionTableInput, DecisionTableOutput, DecisionTableRow,
} from './decision-table-types.js';
