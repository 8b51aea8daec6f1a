/**
 * A stored incentive result and its program definition turned into what the explanation screen
 * shows: labels in the admin's language instead of ids, the decision-table rows that matched, and
 * each payout line's way from formula to amount. The shapes are those of @trellis/incentives'
 * ProgramExplanation and LineResult, read defensively because the API types them as any JSON.
 */
import type { LocalizedText } from '@trellis/errors';

type Json = unknown;
type Pick = (text: LocalizedText) => string;

interface Labelled { readonly id: string; readonly label?: LocalizedText }
interface TableDef { readonly inputs?: readonly Labelled[]; readonly rows?: readonly { readonly note?: LocalizedText }[] }
/** The parts of a program definition whose labels the explanation uses. */
export interface ProgramLabels {
  readonly label?: LocalizedText;
  readonly description?: LocalizedText;
  readonly metrics?: readonly Labelled[];
  readonly derived?: readonly (Labelled & { readonly table?: TableDef })[];
  readonly lines?: readonly Labelled[];
}

export interface NamedValue { readonly id: string; readonly label: string; readonly value: Json }
export interface ExplainedDerived extends NamedValue {
  /** for a decision table: its inputs and the rows that matched (1-based, with their notes); none matched: the default applied */
  readonly table?: { readonly inputs: readonly NamedValue[]; readonly rows: readonly { readonly row: number; readonly note: string | null }[] };
}
export interface ExplainedLine {
  readonly id: string;
  readonly label: string;
  /** base × rate (the base's label and value), or a fixed/computed amount */
  readonly formula: { readonly kind: 'base_rate'; readonly base: string; readonly baseValue: string; readonly rate: Json } | { readonly kind: 'amount'; readonly amount: Json };
  readonly raw: string;
  /** present only when proration changed the raw amount */
  readonly prorated: string | null;
  readonly rounded: string;
  readonly capped: readonly { readonly kind: string; readonly amount: string }[];
  readonly amount: string;
}
export interface Explained {
  readonly eligible: boolean;
  readonly period: { readonly id: string; readonly start: string; readonly end: string } | null;
  readonly metrics: readonly NamedValue[];
  readonly derived: readonly ExplainedDerived[];
  readonly lines: readonly ExplainedLine[];
  readonly proration: { readonly activeDays: number; readonly periodDays: number; readonly from: string | null; readonly to: string | null } | null;
  readonly caps: readonly { readonly kind: string; readonly cap: string; readonly subjectBefore: string; readonly subjectAfter: string }[];
  readonly rounding: { readonly scale: number; readonly mode: string } | null;
  readonly total: string;
}

const obj = (v: Json): Record<string, Json> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, Json> : {});
const arr = (v: Json): readonly Json[] => (Array.isArray(v) ? v : []);
const str = (v: Json): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function labelOf(list: readonly Labelled[] | undefined, id: string, pick: Pick): string {
  const label = list?.find((x) => x.id === id)?.label;
  return label === undefined ? id : pick(label);
}

function tableRows(rows: Json, notes: Json, def: TableDef | undefined, pick: Pick): { row: number; note: string | null }[] {
  const hits = typeof rows === 'number' ? (rows >= 0 ? [rows] : []) : arr(rows).filter((r): r is number => typeof r === 'number');
  return hits.map((row, i) => {
    const stored = obj(arr(notes)[i]);
    const note = def?.rows?.[row]?.note ?? (typeof stored.en === 'string' ? stored as unknown as LocalizedText : undefined);
    return { row: row + 1, note: note === undefined ? null : pick(note) };
  });
}

export function explain(result: { eligible: boolean; amount: string; lines?: Json; explanation?: Json }, program: ProgramLabels, pick: Pick): Explained {
  const e = obj(result.explanation);
  const period = obj(e.period);
  const derived = arr(e.derived).map((d): ExplainedDerived => {
    const item = obj(d);
    const id = str(item.id);
    const def = program.derived?.find((x) => x.id === id);
    const table = item.table === undefined ? undefined : obj(item.table);
    return {
      id, label: labelOf(program.derived, id, pick), value: item.value ?? null,
      ...(table === undefined ? {} : {
        table: {
          inputs: Object.entries(obj(table.inputs)).map(([k, v]) => ({ id: k, label: labelOf(def?.table?.inputs, k, pick), value: v })),
          rows: tableRows(table.rows, table.notes, def?.table, pick),
        },
      }),
    };
  });
  const lines = arr(result.lines).map((l): ExplainedLine => {
    const line = obj(l);
    const x = obj(line.explanation);
    const f = obj(x.formula);
    const raw = str(x.raw);
    const prorated = str(x.prorated);
    return {
      id: str(line.id), label: labelOf(program.lines, str(line.id), pick),
      formula: f.kind === 'base_rate'
        ? { kind: 'base_rate', base: labelOf([...program.metrics ?? [], ...program.derived ?? []], str(f.base), pick), baseValue: str(f.baseValue), rate: f.rate ?? null }
        : { kind: 'amount', amount: f.amount ?? null },
      raw, prorated: prorated !== '' && Number(prorated) !== Number(raw) ? prorated : null, rounded: str(x.rounded),
      capped: arr(x.capped).map((c) => ({ kind: str(obj(c).kind), amount: str(obj(c).amount) })),
      amount: str(line.amount),
    };
  });
  const proration = e.proration === null || e.proration === undefined ? null : obj(e.proration);
  const rounding = e.rounding === undefined ? null : obj(e.rounding);
  return {
    eligible: result.eligible,
    period: period.id === undefined ? null : { id: str(period.id), start: str(period.start), end: str(period.end) },
    metrics: Object.entries(obj(e.metrics)).map(([id, value]) => ({ id, label: labelOf(program.metrics, id, pick), value })),
    derived,
    lines,
    proration: proration === null ? null : {
      activeDays: Number(proration.activeDays), periodDays: Number(proration.periodDays),
      from: typeof proration.from === 'string' ? proration.from : null, to: typeof proration.to === 'string' ? proration.to : null,
    },
    caps: arr(e.caps).map((c) => {
      const cap = obj(c);
      return { kind: str(cap.kind), cap: str(cap.cap), subjectBefore: str(cap.subjectBefore), subjectAfter: str(cap.subjectAfter) };
    }),
    rounding: rounding === null ? null : { scale: Number(rounding.scale), mode: str(rounding.mode) },
    total: result.amount,
  };
}
