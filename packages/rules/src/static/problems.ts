import { problem, type LocalizedText, type Problem } from '@trellis/errors';
import type { ArgKind, Coarse } from './signatures.js';

const TYPE_NAMES: Readonly<Record<Coarse, LocalizedText>> = {
  number: { en: 'a number', 'zh-CN': '数字' },
  string: { en: 'a text', 'zh-CN': '文本' },
  date: { en: 'a date', 'zh-CN': '日期' },
  boolean: { en: 'a true/false value', 'zh-CN': '布尔值' },
  array: { en: 'a list', 'zh-CN': '列表' },
  object: { en: 'an object', 'zh-CN': '对象' },
  null: { en: 'null', 'zh-CN': '空值' },
  any: { en: 'any value', 'zh-CN': '任意值' },
};

const KIND_NAMES: Readonly<Record<Exclude<ArgKind, 'any'>, LocalizedText>> = {
  number: TYPE_NAMES.number,
  date: TYPE_NAMES.date,
  array: TYPE_NAMES.array,
  seq: { en: 'a list or a text', 'zh-CN': '列表或文本' },
};

/** Warnings are problems too; callers tell them from errors by this detail. */
const WARNING = { severity: 'warning' } as const;

/** Save-time problems of rules and decision tables. Paths are JSON-pointer-like positions ('' = root). */
export const staticProblems = {
  tooDeep: (path: string, depth: number, limit: number) =>
    problem('RULE_TOO_DEEP', path, {
      en: `The rule is nested ${depth} levels deep; at most ${limit} are allowed`,
      'zh-CN': `规则嵌套了 ${depth} 层，最多允许 ${limit} 层`,
    }, { depth, limit }),
  tooLarge: (nodes: number, limit: number) =>
    problem('RULE_TOO_LARGE', '', {
      en: `The rule has ${nodes} parts; at most ${limit} are allowed`,
      'zh-CN': `规则包含 ${nodes} 个节点，最多允许 ${limit} 个`,
    }, { nodes, limit }),
  nestedIterators: (path: string, op: string, limit: number) =>
    problem('RULE_COST_EXPLOSION', path, {
      en: `"${op}" runs inside the per-item logic of ${limit} other list operation(s); nested loops multiply the cost, at most ${limit} level(s) are allowed`,
      'zh-CN': `"${op}" 位于另外 ${limit} 个列表运算的逐项逻辑中；嵌套循环会使开销成倍增长，最多允许 ${limit} 层`,
    }, { operator: op, reason: 'nested_iterators', limit }),
  growingAccumulator: (path: string, op: string, reads: number) =>
    problem('RULE_COST_EXPLOSION', path, {
      en: `"${op}" inside "reduce" uses the accumulator ${reads} times, so the result doubles with every item`,
      'zh-CN': `"reduce" 中的 "${op}" 使用了累加值 ${reads} 次，结果会随每一项成倍增长`,
    }, { operator: op, reason: 'growing_accumulator', reads }),
  forbiddenPath: (path: string, varPath: string, segment: string) =>
    problem('RULE_FORBIDDEN_PATH', path, {
      en: `The field path "${varPath}" uses the reserved name "${segment}"`,
      'zh-CN': `字段路径"${varPath}"使用了保留名称"${segment}"`,
    }, { path: varPath, segment }),
  wrongArity: (path: string, op: string, min: number, max: number, actual: number) => {
    const en = min === max ? String(min) : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    const zh = min === max ? String(min) : max === Infinity ? `至少 ${min}` : `${min} 到 ${max}`;
    return problem('RULE_MALFORMED', path, {
      en: `Operator "${op}" expects ${en} argument(s), got ${actual}`,
      'zh-CN': `运算符"${op}"需要 ${zh} 个参数，实际为 ${actual} 个`,
    }, { operator: op, min, max: max === Infinity ? null : max, actual });
  },
  malformed: (path: string, op: string, detail: LocalizedText) =>
    problem('RULE_MALFORMED', path, {
      en: `Operator "${op}": ${detail.en}`,
      'zh-CN': `运算符"${op}"：${detail['zh-CN']}`,
    }, { operator: op }),
  unknownVar: (path: string, varPath: string, suggestion: string | null) =>
    problem('RULE_UNKNOWN_VAR', path, suggestion === null
      ? { en: `Unknown field "${varPath}"`, 'zh-CN': `未知字段"${varPath}"` }
      : {
        en: `Unknown field "${varPath}" — did you mean "${suggestion}"?`,
        'zh-CN': `未知字段"${varPath}"，您是否指"${suggestion}"？`,
      }, { path: varPath, suggestion }),
  dynamicVar: (path: string, op: string) =>
    problem('RULE_DYNAMIC_VAR', path, {
      en: `The field path of "${op}" is computed while the rule runs, so it cannot be checked; write it as a literal text`,
      'zh-CN': `"${op}"的字段路径在规则运行时才计算，无法检查；请直接写成文本`,
    }, { operator: op }),
  incomparable: (path: string, op: string, left: Coarse, right: Coarse) =>
    problem('RULE_TYPE_MISMATCH', path, {
      en: `"${op}" compares ${TYPE_NAMES[left].en} with ${TYPE_NAMES[right].en}`,
      'zh-CN': `"${op}"将${TYPE_NAMES[left]['zh-CN']}与${TYPE_NAMES[right]['zh-CN']}进行比较`,
    }, { operator: op, left, right }),
  wrongArgType: (path: string, op: string, expected: Exclude<ArgKind, 'any'>, actual: Coarse) =>
    problem('RULE_TYPE_MISMATCH', path, {
      en: `Operator "${op}" expects ${KIND_NAMES[expected].en} here, but gets ${TYPE_NAMES[actual].en}`,
      'zh-CN': `运算符"${op}"此处需要${KIND_NAMES[expected]['zh-CN']}，但得到的是${TYPE_NAMES[actual]['zh-CN']}`,
    }, { operator: op, expected, actual }),

  tableArity: (path: string, row: number, part: 'when' | 'then', actual: number, expected: number) =>
    problem('DT_ARITY', path, part === 'when'
      ? {
        en: `Row ${row} has ${actual} condition(s) but the table has ${expected} input(s)`,
        'zh-CN': `第 ${row} 行有 ${actual} 个条件，但决策表有 ${expected} 个输入`,
      }
      : {
        en: `Row ${row} has ${actual} output value(s) but the table has ${expected} output(s)`,
        'zh-CN': `第 ${row} 行有 ${actual} 个输出值，但决策表有 ${expected} 个输出`,
      }, { row, part, actual, expected }),
  tableDefaultArity: (actual: number, expected: number) =>
    problem('DT_ARITY', '/default', {
      en: `The default has ${actual} value(s) but the table has ${expected} output(s)`,
      'zh-CN': `默认值有 ${actual} 个，但决策表有 ${expected} 个输出`,
    }, { part: 'default', actual, expected }),
  duplicateId: (path: string, id: string) =>
    problem('DT_DUPLICATE_ID', path, {
      en: `The id "${id}" is used twice`,
      'zh-CN': `标识"${id}"重复使用`,
    }, { id }),
  badCell: (path: string, row: number, input: LocalizedText, reason: LocalizedText) =>
    problem('DT_BAD_CELL', path, {
      en: `Row ${row}, ${input.en}: ${reason.en}`,
      'zh-CN': `第 ${row} 行，${input['zh-CN']}：${reason['zh-CN']}`,
    }, { row }),
  overlap: (path: string, rows: readonly [number, number], example: LocalizedText, values: Record<string, unknown>, firstWins: boolean) =>
    problem('DT_OVERLAP', path, {
      en: `${example.en} matches rows ${rows[0]} and ${rows[1]}`
        + (firstWins ? ` (hit policy "first": row ${rows[0]} wins)` : ' (hit policy "collect": both are collected)'),
      'zh-CN': `${example['zh-CN']}同时匹配第 ${rows[0]} 行和第 ${rows[1]} 行`
        + (firstWins ? `（命中策略 "first"：取第 ${rows[0]} 行）` : '（命中策略 "collect"：两行都会收集）'),
    }, { ...WARNING, rows, values }),
  gap: (path: string, input: string, label: LocalizedText, range: string, example: number, rows: readonly [number, number]) =>
    problem('DT_GAP', path, {
      en: `No row matches ${label.en} in ${range} (for example ${example}), between rows ${rows[0]} and ${rows[1]}`,
      'zh-CN': `没有任何行匹配${label['zh-CN']}在 ${range} 内的值（例如 ${example}），位于第 ${rows[0]} 行与第 ${rows[1]} 行之间`,
    }, { ...WARNING, input, range, example, rows }),
} satisfies Record<string, (...args: never[]) => Problem>;
