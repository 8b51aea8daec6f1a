import { isTrellisError } from '@trellis/errors';
import type { JsonValue, Rule } from './types.js';
import { ruleError, ruleProblems } from './errors.js';
import { assertJsonResult } from './json-result.js';
import { sharedJsonLogic } from './json-logic-engine.js';
import { customOperators } from './operators/custom.js';
import { isOperator } from './operators/names.js';
import { lookupVar } from './var-lookup.js';

/**
 * The reference evaluator is json-logic-js 2.0.5 itself, turned into the Trellis operator set once
 * at module load: custom operators added, `var` made prototype-safe (`missing` calls it too), `log`
 * removed (it does I/O). Mutating the shared module is deliberate; code that needs the untouched
 * library loads a private copy (testing/pristine-json-logic.ts).
 */
function install(): void {
  for (const [name, fn] of Object.entries(customOperators)) sharedJsonLogic.add_operation(name, fn);
  sharedJsonLogic.add_operation('var', function (this: unknown, path, notFound) {
    return lookupVar(this, path, notFound);
  });
  sharedJsonLogic.rm_operation('log');
  // json-logic-js recurses through `jsonLogic.apply`, so this guard sees every operation it is about to
  // evaluate (lazily, exactly as it does). It turns any name outside our set into RULE_UNKNOWN_OPERATOR,
  // including dotted names, which json-logic-js would otherwise resolve by walking its operation table.
  const apply = sharedJsonLogic.apply;
  sharedJsonLogic.apply = function guardedApply(logic, data) {
    if (sharedJsonLogic.is_logic(logic)) {
      const op = Object.keys(logic as object)[0] as string;
      if (!isOperator(op)) throw ruleError(ruleProblems.unknownOperator('', op));
    }
    return apply.call(this, logic, data);
  };
}
install();

export function evaluateReference(rule: Rule, data?: unknown): JsonValue {
  let value: unknown;
  try {
    value = sharedJsonLogic.apply(rule, data);
  } catch (error) {
    if (isTrellisError(error)) throw error;
    // e.g. {"*": []} (reduce of an empty list) or {"missing_some": [1, null]}: a JS error, not a result.
    throw ruleError(ruleProblems.evaluationFailed(error instanceof Error ? error.message : String(error)));
  }
  return assertJsonResult(value);
}
