/**
 * Metric values for a page of subjects, as the engine defines them (computeMetrics). Per record
 * source (entity and subject field) the page reads the records once:
 * - when no metric of that source has a `filter`, the database aggregates: one query per metric,
 *   grouped by subject (and group), over the records whose time lies in the metric's window;
 * - when one has (JSON Logic filters keep the engine's semantics exactly), the database selects
 *   the page's records lying in any of the source's windows, once, and computeMetrics aggregates
 *   every metric of that source from them: a second pass for the SQL aggregates would cost more
 *   than it saves.
 * Identical metrics of several programs are computed once per page.
 */
import type { ProgramDefinition, ProgramMetric } from '@trellis/definitions';
import { averageOf, computeMetrics, windowDates, type MetricValue } from '@trellis/incentives';
import { lookupVar } from '@trellis/rules';
import type { Sql } from '@trellis/storage';
import { pathLiteral } from './sql-paths.js';

type Params = unknown[];
const add = (params: Params, value: unknown, cast: string) => `$${params.push(value)}::${cast}`;

/** The records of the metric's entity (and subject field) for these subjects. */
function sourceWhere(app: string, metric: ProgramMetric, at: string, keys: readonly string[], params: Params): string {
  const subject = `(r.data #>> ${pathLiteral(metric.subjectField, `${at}.subjectField`)})`;
  return `r.app = ${add(params, app, 'text')} AND r.entity = ${add(params, metric.entity, 'text')} AND ${subject} = ANY(${add(params, keys, 'text[]')})`;
}

/** Records whose time lies in [from, to] (from null: open): a day inside, or a period entirely inside. */
function timeWhere(metric: ProgramMetric, at: string, window: { from: string | null; to: string }, params: Params): string {
  const time = `(r.data #>> ${pathLiteral(metric.time.field, `${at}.time.field`)})`;
  const conditions: string[] = [];
  if (metric.time.kind === 'date') {
    const day = `(NULLIF(${time}, '')::timestamptz)::date`;
    if (window.from !== null) conditions.push(`${day} >= ${add(params, window.from, 'date')}`);
    conditions.push(`${day} <= ${add(params, window.to, 'date')}`);
  } else {
    if (window.from !== null) conditions.push(`incentive_period_first(${time}) >= ${add(params, window.from, 'date')}`);
    conditions.push(`incentive_period_last(${time}) <= ${add(params, window.to, 'date')}`);
  }
  return `(${conditions.join(' AND ')})`;
}

function windowWhere(metric: ProgramMetric, at: string, period: string, params: Params): string {
  return timeWhere(metric, at, windowDates(period, metric.window), params);
}

function aggregateSql(metric: ProgramMetric, row: string, at: string): string {
  if (metric.field === undefined) return `count(*)::text AS v, NULL::text AS n`;
  const text = `(${row} #>> ${pathLiteral(metric.field, `${at}.field`)})`;
  switch (metric.aggregate) {
    case 'count': return `count(${text})::text AS v, NULL::text AS n`;
    case 'sum': return `trim_scale(COALESCE(sum(${text}::numeric), 0))::text AS v, NULL::text AS n`;
    case 'avg': return `trim_scale(COALESCE(sum(${text}::numeric), 0))::text AS v, count(${text})::text AS n`;
    case 'min': return `trim_scale(min(${text}::numeric))::text AS v, NULL::text AS n`;
    default: return `trim_scale(max(${text}::numeric))::text AS v, NULL::text AS n`;
  }
}

/** The group key as the engine writes it: text as is, other JSON as JSON, missing or null as "". */
function groupSql(metric: ProgramMetric, row: string, at: string): string {
  if (metric.groupBy === undefined) return `''`;
  const json = `(${row} #> ${pathLiteral(metric.groupBy, `${at}.groupBy`)})`;
  return `COALESCE(CASE jsonb_typeof(${json}) WHEN 'string' THEN ${json} #>> '{}' WHEN 'null' THEN '' ELSE ${json}::text END, '')`;
}

function emptyValue(metric: ProgramMetric): MetricValue {
  if (metric.groupBy !== undefined) return {};
  return metric.aggregate === 'sum' || metric.aggregate === 'count' || metric.field === undefined ? '0' : null;
}

async function aggregated(sql: Sql, app: string, metric: ProgramMetric, at: string, period: string, keys: readonly string[]) {
  const params: Params = [];
  const row = metric.items === undefined ? 'r.data' : 'x.v';
  const items = metric.items === undefined ? ''
    : ` CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(r.data #> ${pathLiteral(metric.items, `${at}.items`)}) = 'array'`
      + ` THEN r.data #> ${pathLiteral(metric.items, `${at}.items`)} ELSE '[]'::jsonb END) AS x(v)`;
  const where = `${sourceWhere(app, metric, at, keys, params)} AND ${windowWhere(metric, at, period, params)}`;
  const subject = `(r.data #>> ${pathLiteral(metric.subjectField, `${at}.subjectField`)})`;
  const rows = await sql.query<{ s: string; g: string; v: string | null; n: string | null }>(
    `SELECT ${subject} AS s, ${groupSql(metric, row, at)} AS g, ${aggregateSql(metric, row, at)}
     FROM records r${items} WHERE ${where} GROUP BY 1, 2`, params);
  const values = new Map<string, MetricValue>();
  for (const r of rows) {
    const value = metric.aggregate === 'avg' && metric.field !== undefined ? averageOf(r.v ?? '0', Number(r.n)) : r.v;
    if (metric.groupBy === undefined) values.set(r.s, value);
    else values.set(r.s, { ...(values.get(r.s) as Record<string, MetricValue> | undefined), [r.g]: value } as MetricValue);
  }
  return (key: string) => values.get(key) ?? emptyValue(metric);
}

/** The records of a source for the page, lying in the window of any of its metrics, by subject. */
async function sourceRows(sql: Sql, app: string, metrics: readonly ProgramMetric[], period: string, keys: readonly string[]) {
  const params: Params = [];
  const first = metrics[0] as ProgramMetric;
  const where = sourceWhere(app, first, 'metrics', keys, params);
  // One range around every window of every time field (computeMetrics then keeps each metric's own
  // window), so the database tests each record once per time field.
  const byField = new Map<string, { metric: ProgramMetric; from: string | null; to: string }>();
  for (const m of metrics) {
    const { from, to } = windowDates(period, m.window);
    const key = `${m.time.kind}\u0000${m.time.field}`;
    const seen = byField.get(key);
    byField.set(key, seen === undefined ? { metric: m, from, to } : {
      metric: m, from: seen.from === null || from === null ? null : (from < seen.from ? from : seen.from), to: to > seen.to ? to : seen.to,
    });
  }
  const windows = [...byField.values()].map((w) => timeWhere(w.metric, 'metrics', w, params));
  const rows = await sql.query<{ data: Record<string, unknown> }>(`SELECT r.data FROM records r WHERE ${where} AND (${windows.join(' OR ')})`, params);
  const bySubject = new Map<string, unknown[]>();
  for (const { data } of rows) {
    const key = String(lookupVar(data, first.subjectField, null));
    const list = bySubject.get(key);
    if (list === undefined) bySubject.set(key, [data]);
    else list.push(data);
  }
  return bySubject;
}

/** What makes two metrics compute the same value (ids and labels aside). */
function metricKey(metric: ProgramMetric): string {
  const { id: _id, label: _label, ...rest } = metric;
  return JSON.stringify(rest);
}

/** Where a metric's records come from: entity and subject field. */
const sourceOf = (metric: ProgramMetric) => `${metric.entity}\u0000${metric.subjectField}`;

/** Metric values for one page of subjects, shared by the programs evaluated on that page. */
export class PageMetrics {
  private readonly cache = new Map<string, Promise<(key: string) => MetricValue>>();
  private readonly rows = new Map<string, Promise<Map<string, unknown[]>>>();
  /** sources with a filtered metric: their metrics, all read from one selection */
  private readonly rowSources = new Map<string, ProgramMetric[]>();

  /** `programs`: every program the page will be asked for, so each source is read once for all. */
  constructor(private readonly sql: Sql, private readonly app: string, private readonly period: string,
    private readonly keys: readonly string[], programs: readonly ProgramDefinition[]) {
    const metrics = programs.flatMap((p) => p.metrics);
    const filtered = new Set(metrics.filter((m) => m.filter !== undefined).map(sourceOf));
    for (const m of metrics) {
      if (filtered.has(sourceOf(m))) this.rowSources.set(sourceOf(m), [...(this.rowSources.get(sourceOf(m)) ?? []), m]);
    }
  }

  private fromRows(program: ProgramDefinition, metric: ProgramMetric, source: readonly ProgramMetric[]) {
    let rows = this.rows.get(sourceOf(metric));
    if (rows === undefined) this.rows.set(sourceOf(metric), (rows = sourceRows(this.sql, this.app, source, this.period, this.keys)));
    const single = { ...program, metrics: [metric] };
    return rows.then((bySubject) => (key: string) =>
      computeMetrics(single, this.period, { [metric.entity]: bySubject.get(key) ?? [] })[metric.id] ?? null);
  }

  /** subject key → {metricId: value} for the program (every subject of the page gets every metric). */
  async forProgram(program: ProgramDefinition): Promise<(key: string) => Record<string, MetricValue>> {
    const lookups = await Promise.all(program.metrics.map(async (metric, i) => {
      const cacheKey = metricKey(metric);
      let lookup = this.cache.get(cacheKey);
      if (lookup === undefined) {
        const source = this.rowSources.get(sourceOf(metric));
        lookup = source === undefined
          ? aggregated(this.sql, this.app, metric, `metrics.${i}`, this.period, this.keys)
          : this.fromRows(program, metric, source);
        this.cache.set(cacheKey, lookup);
      }
      return [metric.id, await lookup] as const;
    }));
    return (key) => Object.fromEntries(lookups.map(([id, lookup]) => [id, lookup(key)]));
  }
}
