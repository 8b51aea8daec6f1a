import type { Problem } from '@trellis/errors';
import type { DecisionTable } from './decision-table-types.js';
import { cellConstraint, inputLabel, type Constraint, type Interval, type Primitive } from './decision-table-cells.js';
import { staticProblems } from './problems.js';

/** What two cells of one input have in common: nothing, an example value, anything, or unknown. */
type Common = { readonly kind: 'none' | 'any' | 'unknown' } | { readonly kind: 'value'; readonly value: Primitive };

const NONE: Common = { kind: 'none' };
const ANY: Common = { kind: 'any' };
const value = (v: Primitive): Common => ({ kind: 'value', value: v });

function contains({ lo, loIncl, hi, hiIncl }: Interval, x: number): boolean {
  return (x > lo || (x === lo && loIncl)) && (x < hi || (x === hi && hiIncl));
}

function intersect(a: Interval, b: Interval): Interval {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return {
    lo, hi,
    loIncl: (a.lo !== lo || a.loIncl) && (b.lo !== lo || b.loIncl),
    hiIncl: (a.hi !== hi || a.hiIncl) && (b.hi !== hi || b.hiIncl),
  };
}

/** The shortest decimal strictly inside (lo, hi), so examples read 0.95 rather than 0.9500000000000001. */
function niceBetween(lo: number, hi: number): number {
  const middle = lo + (hi - lo) / 2;
  for (let digits = 0; digits <= 15; digits += 1) {
    const rounded = Number(middle.toFixed(digits));
    if (rounded > lo && rounded < hi) return rounded;
  }
  return middle;
}

/** Example points of an interval, best first: its bounds (boundaries are where tables go wrong), then inner points. */
function pointsOf(iv: Interval): number[] {
  const { lo, hi } = iv;
  const inner = Number.isFinite(lo) && Number.isFinite(hi) ? [niceBetween(lo, hi)]
    : Number.isFinite(lo) ? [lo + 1, lo + 2] : Number.isFinite(hi) ? [hi - 1, hi - 2] : [0, 1];
  return [lo, hi, ...inner].filter((x) => Number.isFinite(x) && contains(iv, x));
}

function example(c: Constraint): Common {
  switch (c.kind) {
    case 'any':
    case 'except': return ANY;
    case 'unknown': return c;
    case 'set': return c.values.length === 0 ? NONE : value(c.values[0] as Primitive);
    case 'interval': {
      const [point] = pointsOf(c.interval);
      return point === undefined ? NONE : value(point);
    }
  }
}

function inCommon(a: Constraint, b: Constraint): Common {
  if (a.kind === 'unknown' || b.kind === 'unknown') return { kind: 'unknown' };
  if (a.kind === 'any') return example(b);
  if (b.kind === 'any') return example(a);
  if (a.kind === 'interval' && b.kind === 'interval') return example({ kind: 'interval', interval: intersect(a.interval, b.interval) });
  if (b.kind === 'interval') return inCommon(b, a);
  if (a.kind === 'interval') {
    const point = b.kind === 'set'
      ? b.values.find((v) => typeof v === 'number' && contains(a.interval, v))
      : pointsOf(a.interval).find((x) => !b.values.includes(x));
    // an interval has more points than a finite exclusion can remove; only our few examples ran out
    return point !== undefined ? value(point) : b.kind === 'set' ? NONE : { kind: 'unknown' };
  }
  if (a.kind === 'except' && b.kind === 'except') return ANY;
  const [set, other] = a.kind === 'set' ? [a, b] : [b as typeof a, a];
  const found = set.values.find((v) => (other.kind === 'set' ? other.values.includes(v) : !other.values.includes(v)));
  return found === undefined ? NONE : value(found);
}

const show = (v: Primitive): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** Rows are given as indexes into table.rows; only rows whose cells are all usable are passed. */
function overlaps(table: DecisionTable, rows: readonly number[]): Problem[] {
  const constraints = new Map(rows.map((r) => [r, (table.rows[r]?.when ?? []).map(cellConstraint)]));
  const problems: Problem[] = [];
  for (const [k, i] of rows.entries()) {
    for (const j of rows.slice(k + 1)) {
      const a = constraints.get(i) ?? [];
      const b = constraints.get(j) ?? [];
      const common = a.map((c, col) => inCommon(c, b[col] ?? { kind: 'any' }));
      if (common.some((c) => c.kind === 'none' || c.kind === 'unknown')) continue;
      const shown = common.flatMap((c, col) => (c.kind === 'value' ? [{ col, v: c.value }] : []));
      const describe = (lang: 'en' | 'zh-CN', joiner: string, anything: string) => (shown.length === 0 ? anything
        : shown.map(({ col, v }) => `${inputLabel(table.inputs[col], col)[lang]} = ${show(v)}`).join(joiner));
      const text = { en: describe('en', ' and ', 'Any input'), 'zh-CN': describe('zh-CN', ' 且 ', '任意输入') };
      const values = Object.fromEntries(shown.map(({ col, v }) => [table.inputs[col]?.id ?? String(col), v]));
      problems.push(staticProblems.overlap(`/rows/${j}`, [i + 1, j + 1], text, values, table.hitPolicy === 'first'));
    }
  }
  return problems;
}

function rangeText(lo: number, loIncl: boolean, hi: number, hiIncl: boolean): string {
  return `${loIncl ? '[' : '('}${lo}, ${hi}${hiIncl ? ']' : ')'}`;
}

/** Holes in the numeric range one input's rows cover, between the lowest and the highest bound. */
function gaps(table: DecisionTable, rows: readonly number[], col: number): Problem[] {
  const spans: { row: number; iv: Interval }[] = [];
  for (const row of rows) {
    const cell = table.rows[row]?.when[col];
    const c = cell === undefined ? null : cellConstraint(cell);
    if (c === null || c.kind !== 'interval') return [];
    spans.push({ row, iv: c.interval });
  }
  spans.sort((a, b) => a.iv.lo - b.iv.lo || Number(b.iv.loIncl) - Number(a.iv.loIncl));
  const problems: Problem[] = [];
  let end: { hi: number; hiIncl: boolean; row: number } | null = null;
  for (const { row, iv } of spans) {
    if (end !== null && (end.hi < iv.lo || (end.hi === iv.lo && !end.hiIncl && !iv.loIncl))) {
      const [lo, loIncl, hi, hiIncl] = [end.hi, !end.hiIncl, iv.lo, !iv.loIncl];
      const sample = lo === hi ? lo : niceBetween(lo, hi);
      const input = table.inputs[col];
      problems.push(staticProblems.gap(`/rows/${row}/when/${col}`, input?.id ?? String(col), inputLabel(input, col),
        rangeText(lo, loIncl, hi, hiIncl), sample, [end.row + 1, row + 1]));
    }
    if (end === null || iv.hi > end.hi || (iv.hi === end.hi && iv.hiIncl && !end.hiIncl)) end = { hi: iv.hi, hiIncl: iv.hiIncl, row };
  }
  return problems;
}

/** DT_OVERLAP and DT_GAP warnings over the given (well-formed) rows. */
export function coverageWarnings(table: DecisionTable, rows: readonly number[]): Problem[] {
  return [...overlaps(table, rows), ...table.inputs.flatMap((_, col) => gaps(table, rows, col))];
}
