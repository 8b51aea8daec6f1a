import type { Problem } from '@trellis/errors';
import type { Rule } from '../types.js';
import { isOperator } from '../operators/names.js';
import { MAX_ROUND_PLACES, ROUNDING_MODES } from '../operators/decimal.js';
import { asOperation, childPath, type Operation } from './rule-shape.js';
import { AGGREGATES, DATE_ADD_UNITS, DATE_DIFF_UNITS, SIGNATURES } from './signatures.js';
import { staticProblems } from './problems.js';

const ROUND_MODES = Object.keys(ROUNDING_MODES);

/** A value json-logic-js passes through unevaluated: anything but an operation or an array holding one. */
function isLiteral(node: Rule): boolean {
  if (Array.isArray(node)) return node.every(isLiteral);
  return asOperation(node, '') === null;
}

const show = (value: Rule | undefined): string => JSON.stringify(value) ?? 'nothing';

function mustBeOneOf(op: string, path: string, value: Rule | undefined, allowed: readonly string[], what: 'unit' | 'mode'): Problem[] {
  if (typeof value === 'string' && allowed.includes(value)) return [];
  const names = allowed.join(', ');
  const zhWhat = what === 'unit' ? '单位' : '舍入方式';
  return [staticProblems.malformed(path, op, {
    en: `the ${what} must be written as one of ${names}, got ${show(value)}`,
    'zh-CN': `${zhWhat}必须直接写为 ${names} 之一，实际为 ${show(value)}`,
  })];
}

function integerLiteral(op: string, path: string, value: Rule | undefined, min: number, max: number): Problem[] {
  if (!isLiteral(value ?? null) || (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)) return [];
  return [staticProblems.malformed(path, op, {
    en: `expected an integer from ${min} to ${max}, got ${show(value)}`,
    'zh-CN': `需要 ${min} 到 ${max} 的整数，实际为 ${show(value)}`,
  })];
}

/** tier rows: a literal list of [threshold, "ge" | "gt", output], ascending as operators/tier.ts requires. */
function tierRows(path: string, rows: Rule | undefined): Problem[] {
  const bad = (at: string, en: string, zh: string) => [staticProblems.malformed(at, 'tier', { en, 'zh-CN': zh })];
  if (!Array.isArray(rows)) {
    return bad(path, 'the rows must be written as a list of [threshold, "ge" | "gt", output]', '行必须直接写为 [阈值, "ge" | "gt", 结果] 的列表');
  }
  let previous: { threshold: number; comparison: string } | null = null;
  for (const [i, row] of rows.entries()) {
    const at = childPath(path, i);
    if (!Array.isArray(row) || row.length !== 3 || typeof row[0] !== 'number' || (row[1] !== 'ge' && row[1] !== 'gt')) {
      return bad(at, `row ${i + 1} must be [number, "ge" | "gt", output], got ${show(row)}`,
        `第 ${i + 1} 行必须是 [数字, "ge" | "gt", 结果]，实际为 ${show(row)}`);
    }
    const current = { threshold: row[0], comparison: row[1] };
    if (previous !== null && !(current.threshold > previous.threshold
      || (current.threshold === previous.threshold && previous.comparison === 'ge' && current.comparison === 'gt'))) {
      return bad(at, `rows must ascend by threshold ("ge" before "gt" on equal thresholds); row ${i + 1} does not`,
        `行必须按阈值升序排列（阈值相同时 "ge" 在 "gt" 之前）；第 ${i + 1} 行不满足`);
    }
    previous = current;
  }
  return [];
}

/** Arguments whose shape is fixed: arity, literal units and modes, tier rows, aggregate fields. */
export function malformedProblems(operation: Operation, path: string): Problem[] {
  const { op, args, argPaths } = operation;
  if (!isOperator(op)) return [];
  const { min, max } = SIGNATURES[op];
  if (args.length < min || args.length > max) return [staticProblems.wrongArity(path, op, min, max, args.length)];
  const at = (i: number) => argPaths[i] as string;
  switch (op) {
    case 'date_add':
      return [...integerLiteral(op, at(1), args[1], Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
        ...mustBeOneOf(op, at(2), args[2], DATE_ADD_UNITS, 'unit')];
    case 'date_diff':
      return mustBeOneOf(op, at(2), args[2], DATE_DIFF_UNITS, 'unit');
    case 'round':
      return [...(args.length > 1 ? integerLiteral(op, at(1), args[1], 0, MAX_ROUND_PLACES) : []),
        ...(args.length > 2 ? mustBeOneOf(op, at(2), args[2], ROUND_MODES, 'mode') : [])];
    case 'tier':
      return tierRows(at(1), args[1]);
    default: {
      const field = args[1];
      if (!AGGREGATES.has(op) || field === undefined || field === null || typeof field === 'string') return [];
      return [staticProblems.malformed(at(1), op, {
        en: `the field must be written as a text path, got ${show(field)}`,
        'zh-CN': `字段必须直接写为文本路径，实际为 ${show(field)}`,
      })];
    }
  }
}
