export { canonicalJson, canonicalTemplateText } from './canonical.js';
export { contentHash, definitionHash, exportTemplate, checkContentHash } from './hash.js';
export { validateTemplate, type TemplateValidation } from './validate.js';
export {
  planImport, type ExistingApp, type ImportPlan, type PlanItem, type PlanStatus, type StoredDefinition,
} from './plan.js';
export { templateDefinitions, type DefinitionKind, type TemplateDefinition } from './definitions.js';
export { changedPaths } from './diff.js';
export { attemptRule, evaluateRule, runRuleCase, sameJson, RULE_ENGINES, type RuleEngine, type RuleCase, type RuleCaseOutcome } from './rule-run.js';
export { templateProblems } from './problems.js';
export { isWarning } from './severity.js';
