import type { Problem } from '@trellis/errors';
import { DEFAULT_LIMITS, type Rule, type RuleLimits } from '../types.js';
import { ruleProblems } from '../errors.js';
import { isOperator } from '../operators/names.js';
import { isForbiddenSegment } from '../var-lookup.js';
import { costProblems } from './cost.js';
import { malformedProblems } from './malformed.js';
import { measureRule } from './measure.js';
import { staticProblems } from './problems.js';
import { MAX_WALK_DEPTH, walkOperations } from './rule-shape.js';
import { varRefs } from './var-refs.js';

/**
 * Save-time safety of a rule: size and depth limits first (a rule over them is reported for that
 * alone, so checking stays cheap and shallow), then unknown operators, malformed arguments, cost
 * explosion and field paths into the object model. Never throws for bad input (maxDepth is capped at
 * MAX_WALK_DEPTH so that no check recurses deeper than that).
 */
export function checkRuleSafety(rule: Rule, limits: Partial<RuleLimits> = {}): Problem[] {
  const { maxNodes, maxIteratorNesting, ...rest } = { ...DEFAULT_LIMITS, ...limits };
  const maxDepth = Math.min(rest.maxDepth, MAX_WALK_DEPTH);
  const size = measureRule(rule, maxDepth);
  const limitProblems: Problem[] = [];
  if (size.firstTooDeep !== null) limitProblems.push(staticProblems.tooDeep(size.firstTooDeep, size.depth, maxDepth));
  if (size.nodes > maxNodes) limitProblems.push(staticProblems.tooLarge(size.nodes, maxNodes));
  if (limitProblems.length > 0) return limitProblems;

  const problems: Problem[] = [];
  walkOperations(rule, (operation, path, context) => {
    if (!isOperator(operation.op)) {
      problems.push(ruleProblems.unknownOperator(path, operation.op));
      return;
    }
    problems.push(...malformedProblems(operation, path), ...costProblems(operation, path, context, maxIteratorNesting));
    for (const ref of varRefs(operation, path)) {
      const segment = ref.kind === 'constant' ? ref.path.split('.').find(isForbiddenSegment) : undefined;
      if (ref.kind === 'constant' && segment !== undefined) problems.push(staticProblems.forbiddenPath(ref.position, ref.path, segment));
    }
  });
  return problems;
}
