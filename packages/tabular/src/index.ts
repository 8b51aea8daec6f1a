export { toCsv, parseCsv, decodeText } from './csv.js';
export { toXlsx, parseXlsx, type XlsxOptions } from './xlsx.js';
export { csvStream, xlsxStream, type RowPages } from './stream.js';
export { mapImportRows, type FieldLabels, type ImportMapping, type ImportRow } from './import-map.js';
export { entityColumns, type EntityLike } from './columns.js';
export { neutralize, LIST_SEPARATOR } from './cells.js';
export { TABULAR_LIMITS, type TabularLimits } from './limits.js';
export { tabularProblems } from './problems.js';
export type { Cell, FieldSchema, JsonObject, JsonValue, ParsedTable, TabularColumn } from './types.js';
