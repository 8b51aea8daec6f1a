import { problem, type Problem } from '@trellis/errors';

/**
 * Every problem the tabular package reports. Row numbers are spreadsheet row numbers (the header
 * is row 1), so a user finds the row in the file as Excel shows it.
 */
export const tabularProblems = {
  malformed: (format: string, reason: string) =>
    problem('TAB_MALFORMED', '', {
      en: `The file cannot be read as ${format}: ${reason}`,
      'zh-CN': `无法按 ${format} 读取该文件：${reason}`,
    }, { format, reason }),
  empty: () =>
    problem('TAB_EMPTY', '', {
      en: 'The file has no header row',
      'zh-CN': '文件没有表头行',
    }),
  tooLarge: (what: 'bytes' | 'rows' | 'columns' | 'cell', limit: number, path = '') =>
    problem('TAB_TOO_LARGE', path, {
      en: `The file is too large: at most ${limit} ${WHAT[what].en}`,
      'zh-CN': `文件过大：${WHAT[what]['zh-CN']}最多 ${limit}`,
    }, { what, limit }),
  duplicateColumn: (index: number, header: string) =>
    problem('TAB_DUPLICATE_COLUMN', `columns.${index}`, {
      en: `The column "${header}" appears more than once`,
      'zh-CN': `列"${header}"出现了多次`,
    }, { column: header }),
  unknownColumn: (index: number, header: string) =>
    problem('TAB_UNKNOWN_COLUMN', `columns.${index}`, {
      en: `The column "${header}" matches no field (by id or by label in either language)`,
      'zh-CN': `列"${header}"不对应任何字段（按字段 id 或中英文名称匹配）`,
    }, { column: header }),
  badValue: (row: number, header: string, field: string, value: unknown, expected: string) =>
    problem('TAB_BAD_VALUE', `rows.${row}.${field}`, {
      en: `Row ${row}, column "${header}": ${JSON.stringify(value)} is not ${EXPECTED[expected]?.en ?? expected}`,
      'zh-CN': `第 ${row} 行"${header}"列：${JSON.stringify(value)} 不是${EXPECTED[expected]?.['zh-CN'] ?? expected}`,
    }, { row, column: header, field, value, expected }),
} satisfies Record<string, (...args: never[]) => Problem>;

const WHAT = {
  bytes: { en: 'bytes', 'zh-CN': '字节数' },
  rows: { en: 'rows', 'zh-CN': '行数' },
  columns: { en: 'columns', 'zh-CN': '列数' },
  cell: { en: 'characters per cell', 'zh-CN': '单元格字符数' },
} as const;

const EXPECTED: Readonly<Record<string, { en: string; 'zh-CN': string }>> = {
  number: { en: 'a number', 'zh-CN': '数字' },
  integer: { en: 'a whole number', 'zh-CN': '整数' },
  boolean: { en: 'yes/no (true, false, 是, 否)', 'zh-CN': '是/否（true、false、是、否）' },
  date: { en: 'a date (YYYY-MM-DD)', 'zh-CN': '日期（YYYY-MM-DD）' },
  'date-time': { en: 'a date and time (ISO 8601)', 'zh-CN': '日期时间（ISO 8601）' },
  object: { en: 'a JSON object', 'zh-CN': 'JSON 对象' },
  string: { en: 'text', 'zh-CN': '文本' },
};
