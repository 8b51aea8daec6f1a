import { describe, expect, it } from 'vitest';
import type { Result } from '@trellis/errors';
import { entityColumns } from './columns.js';
import { parseCsv, toCsv } from './csv.js';
import { LABELS, RECORDS, SCHEMA } from './fixtures.js';
import { mapImportRows } from './import-map.js';
import type { ParsedTable } from './types.js';
import { parseXlsx, toXlsx } from './xlsx.js';

const columns = entityColumns({ schema: SCHEMA, fields: LABELS });

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** Records as an import yields them: blank values left out. */
const withoutEmpty = (record: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(record, (_k, v: unknown) => (v === null || (Array.isArray(v) && v.length === 0) ? undefined : v))) as unknown;

describe('columns', () => {
  it('are the leaf fields in schema order, labelled in both languages', () => {
    expect(columns.map((c) => c.field)).toEqual(['name', 'count', 'amount', 'active', 'since', 'tags', 'scores', 'address.city', 'address.zip', 'note', 'level']);
    expect(columns[0]?.label).toEqual({ 'zh-CN': '名称', en: 'Name' });
    expect(columns[8]?.label).toEqual({ 'zh-CN': 'address.zip', en: 'address.zip' });
  });
});

describe.each([
  ['CSV', (locale: 'zh-CN' | 'en') => Promise.resolve(toCsv(columns, RECORDS, locale)), (b: Uint8Array) => Promise.resolve(parseCsv(b))],
  ['XLSX', (locale: 'zh-CN' | 'en') => toXlsx(columns, RECORDS, locale, { sheetName: '伙伴/导出' }), (b: Uint8Array) => parseXlsx(b)],
] as const)('%s', (_name, write, read) => {
  it('round-trips Chinese text, numbers, booleans, dates, lists and nested fields', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const parsed = value(await read(await write(locale)));
      expect(parsed.headers[0]).toBe(locale === 'zh-CN' ? '名称' : 'Name');
      const mapped = mapImportRows(SCHEMA, LABELS, parsed);
      expect(mapped.problems).toEqual([]);
      expect(mapped.rows.map((r) => r.row)).toEqual([2, 3, 4]);
      expect(mapped.rows.map((r) => r.data)).toEqual(RECORDS.map(withoutEmpty));
    }
  });

  it('neutralizes every text cell that a spreadsheet would run as a formula', async () => {
    const parsed = value(await read(await write('en')));
    const [first, second, third] = parsed.rows;
    expect(first?.note).toBe('\'=HYPERLINK("http://127.0.0.1/x","点我")');
    expect(second?.Name).toBe("'+86 销售");
    expect(second?.City).toBe("'@北京");
    expect(third?.Name).toBe("'-减号开头");
    expect(third?.note).toBe("'\tTab 开头");
    // numbers are numbers, not text: a negative amount is no formula
    expect(String(first?.Amount)).toBe('-1234.5');
  });
});

describe('CSV files', () => {
  const csv = (text: string) => new TextEncoder().encode(text);

  it('start with a UTF-8 byte-order mark so Excel reads Chinese', () => {
    expect([...toCsv(columns, [], 'zh-CN').slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('are read from GBK (as Chinese Excel saves them), UTF-16 and UTF-8 without BOM', () => {
    const gbk = Uint8Array.from(Buffer.from('c3fbb3c62ccafdc1bf0d0abbaab6abb5e7d7d32c31320d0a', 'hex'));
    const expected: ParsedTable = { headers: ['名称', '数量'], rows: [{ 名称: '华东电子', 数量: '12' }] };
    expect(value(parseCsv(gbk))).toEqual(expected);
    expect(value(parseCsv(csv('名称,数量\n华东电子,12\n')))).toEqual(expected);
    const utf16 = Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Buffer.from('名称\t数量\r\n华东电子\t12\r\n', 'utf16le'))]);
    expect(value(parseCsv(utf16))).toEqual(expected);
  });

  it('skip blank lines and columns, and read blank cells as null', () => {
    expect(value(parseCsv(csv('a,b,,\n\n1,,,\n,,,\n')))).toEqual({ headers: ['a', 'b'], rows: [{ a: '1', b: null }] });
  });

  it('give problems, not exceptions, for malformed or oversized files', () => {
    const codes = (r: Result<unknown>) => (r.ok ? [] : r.problems.map((p) => `${p.code} ${p.path}`));
    expect(codes(parseCsv(csv('a,b\n"unclosed,1\n')))).toEqual(['TAB_MALFORMED ']);
    expect(codes(parseCsv(csv('')))).toEqual(['TAB_EMPTY ']);
    expect(codes(parseCsv(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff])))).toEqual(['TAB_MALFORMED ']);
    expect(codes(parseCsv(csv('a,a\n1,2\n')))).toEqual(['TAB_DUPLICATE_COLUMN columns.1']);
    const limits = { maxBytes: 1000, maxRows: 2, maxColumns: 3, maxCellLength: 5 };
    expect(codes(parseCsv(csv('a\n1\n2\n3\n'), limits))).toEqual(['TAB_TOO_LARGE ']);
    expect(codes(parseCsv(csv('a,b,c,d\n1,2,3,4\n'), limits))).toEqual(['TAB_TOO_LARGE ']);
    expect(codes(parseCsv(csv('a\n123456\n'), limits))).toEqual(['TAB_TOO_LARGE rows.2.a']);
    expect(codes(parseCsv(csv('x'.repeat(1001)), limits))).toEqual(['TAB_TOO_LARGE ']);
  });
});

describe('XLSX files', () => {
  it('give problems, not exceptions, for files that are not workbooks', async () => {
    for (const bytes of [new TextEncoder().encode('name,count\n'), Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), new Uint8Array()]) {
      const result = await parseXlsx(bytes);
      expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['TAB_MALFORMED']);
    }
  });

  it('refuse more rows or columns than the limits', async () => {
    const many = await toXlsx([{ field: 'n', label: { 'zh-CN': '数', en: 'N' } }], [{ n: 1 }, { n: 2 }, { n: 3 }], 'en');
    const result = await parseXlsx(many, { maxBytes: 1e6, maxRows: 2, maxColumns: 5, maxCellLength: 100 });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['TAB_TOO_LARGE']);
    const wide = await parseXlsx(await toXlsx(columns, RECORDS, 'en'), { maxBytes: 1e6, maxRows: 10, maxColumns: 3, maxCellLength: 100 });
    expect(wide.ok ? [] : wide.problems.map((p) => p.code)).toEqual(['TAB_TOO_LARGE']);
  });
});

describe('mapImportRows', () => {
  const table = (headers: string[], ...rows: (string | number | boolean | null)[][]): ParsedTable => ({
    headers, rows: rows.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? null]))),
  });

  it('matches headers by field id or by label in either language, ignoring case and width', () => {
    const mapped = mapImportRows(SCHEMA, LABELS, table(['NAME', '数量', 'Ａｍｏｕｎｔ', 'address.zip', '城市'], ['x', '1,200', '３.5', '0100', '杭州']));
    expect(mapped).toEqual({ rows: [{ row: 2, data: { name: 'x', count: 1200, amount: 3.5, address: { zip: '0100', city: '杭州' } } }], problems: [] });
  });

  it('reads the ways spreadsheets write yes/no, dates and lists', () => {
    const mapped = mapImportRows(SCHEMA, LABELS, table(['active', 'since', 'tags', 'scores'],
      ['是', '2026/3/1', '甲；乙; 丙', '1;2'], ['FALSE', '2026年12月31日', '单个', 7]));
    expect(mapped.problems).toEqual([]);
    expect(mapped.rows.map((r) => r.data)).toEqual([
      { active: true, since: '2026-03-01', tags: ['甲', '乙', '丙'], scores: [1, 2] },
      { active: false, since: '2026-12-31', tags: ['单个'], scores: [7] },
    ]);
  });

  it('reports unknown columns and each bad value with its row, column and field', () => {
    const mapped = mapImportRows(SCHEMA, LABELS, table(['名称', '数量', 'colour', '启用', 'since'],
      ['ok', '3', 'red', 'yes', '2026-01-01'], ['bad', '2.5', 'blue', 'maybe', 'soon'], ['ok2', '', '', '', '']));
    expect(mapped.problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'TAB_UNKNOWN_COLUMN columns.2',
      'TAB_BAD_VALUE rows.3.count',
      'TAB_BAD_VALUE rows.3.active',
      'TAB_BAD_VALUE rows.3.since',
    ]);
    expect(mapped.problems[1]?.details).toMatchObject({ row: 3, column: '数量', field: 'count', value: '2.5', expected: 'integer' });
    expect(mapped.problems[1]?.message['zh-CN']).toBe('第 3 行"数量"列："2.5" 不是整数');
    expect(mapped.problems[3]?.message.en).toBe('Row 3, column "since": "soon" is not a date (YYYY-MM-DD)');
    expect(mapped.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('keeps a quote the user typed, and strips only the one that neutralized a formula', () => {
    const mapped = mapImportRows(SCHEMA, LABELS, table(['name', 'note'], ["'=1+1", "'quoted"]));
    expect(mapped.rows[0]?.data).toEqual({ name: '=1+1', note: "'quoted" });
  });
});
