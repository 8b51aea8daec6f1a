/**
 * Where the decision tables of an app live: a rule's `table`, or a table a program derives a value
 * with (`derived[i].table`). The table editor lists both and writes an edited table back to the
 * place it came from, so an admin changes a program's tiers where the program reads them.
 */
import type { LocalizedText } from '@trellis/errors';
import type { DecisionTable } from '@trellis/rules';

export interface TableSource {
  readonly kind: 'rule' | 'program';
  readonly id: string;
  /** the table's place in the definition body */
  readonly path: readonly (string | number)[];
}

export interface EditableTable {
  /** unique among an app's tables: the source kind, id and path */
  readonly key: string;
  readonly label: LocalizedText;
  readonly table: DecisionTable;
  readonly source: TableSource;
}

type Body = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Body => v !== null && typeof v === 'object' && !Array.isArray(v);
const keyOf = (s: TableSource) => `${s.kind}:${s.id}:${s.path.join('/')}`;
const joined = (a: LocalizedText, b: LocalizedText): LocalizedText => ({ 'zh-CN': `${a['zh-CN']} · ${b['zh-CN']}`, en: `${a.en} · ${b.en}` });

function editable(source: TableSource, label: LocalizedText, table: unknown): EditableTable[] {
  return isRecord(table) ? [{ key: keyOf(source), label, table: table as unknown as DecisionTable, source }] : [];
}

/** The decision tables a rule or program definition body holds (none for other kinds). */
export function tablesOf(kind: string, body: Body): EditableTable[] {
  const id = String(body.id);
  const label = body.label as LocalizedText;
  if (kind === 'rule') return editable({ kind, id, path: ['table'] }, label, body.table);
  if (kind !== 'program' || !Array.isArray(body.derived)) return [];
  return (body.derived as unknown[]).flatMap((item, i) => (isRecord(item)
    ? editable({ kind, id, path: ['derived', i, 'table'] }, joined(label, item.label as LocalizedText), item.table)
    : []));
}

/** The body with the table at `path` replaced; the body itself is left unchanged. */
export function placeTable(body: Body, path: readonly (string | number)[], table: DecisionTable): Record<string, unknown> {
  const place = (node: unknown, rest: readonly (string | number)[]): unknown => {
    const [head, ...tail] = rest;
    if (head === undefined) return table;
    if (Array.isArray(node)) return node.map((x, i) => (i === head ? place(x, tail) : x));
    const record = isRecord(node) ? node : {};
    return { ...record, [head]: place(record[head], tail) };
  };
  return place(body, path) as Record<string, unknown>;
}
