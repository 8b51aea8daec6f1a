/**
 * Records as a CSV or XLSX file: the columns are the entity's top-level fields the user may export
 * (optionally narrowed to the requested ones), headed by their labels in the requested language;
 * the rows are the records the user may export, with the list's filter and sort. Cells that a
 * spreadsheet would run as formulas are neutralised by @trellis/tabular.
 */
import type { EntityDefinition } from '@trellis/definitions';
import type { Locale } from '@trellis/errors';
import { covers, type FieldSet } from '@trellis/permissions';
import { entityColumns, toCsv, toXlsx, type EntityLike, type TabularColumn } from '@trellis/tabular';
import type { JsonObject } from '@trellis/storage';
import { allow, exportableRecords, type ListRequest, type RecordContext } from './records.js';

export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The entity's top-level fields, in form order (uiSchema `ui:order` first), as export columns. */
export function exportColumns(definition: EntityDefinition, allowed: FieldSet, requested?: readonly string[]): TabularColumn[] {
  const properties = (definition.schema as { properties?: Record<string, unknown> }).properties ?? {};
  const order = (definition.ui?.uiSchema as { 'ui:order'?: unknown } | undefined)?.['ui:order'];
  const inOrder = Array.isArray(order) ? order.filter((f): f is string => typeof f === 'string' && f in properties) : [];
  const fields = [...new Set([...inOrder, ...Object.keys(properties)])]
    .filter((field) => covers(allowed, field) && (requested === undefined || requested.includes(field)));
  return entityColumns(definition as unknown as EntityLike, fields);
}

export interface ExportRequest extends Omit<ListRequest, 'after' | 'limit' | 'columns'> {
  readonly format: ExportFormat;
  readonly locale: Locale;
  readonly columns?: readonly string[];
}

export async function exportRecords(ctx: RecordContext, entityId: string, request: ExportRequest): Promise<Uint8Array> {
  allow(ctx, 'export', entityId);
  const entity = ctx.model.entity(entityId);
  const columns = exportColumns(entity.definition, ctx.model.permissions.fieldsFor(ctx.actor, entityId, 'export'), request.columns);
  const rows: JsonObject[] = [];
  const { format: _format, locale: _locale, columns: _columns, ...list } = request;
  for await (const record of exportableRecords(ctx, entityId, list)) rows.push(record.data);
  const sheetName = entity.definition.label[request.locale];
  return request.format === 'csv' ? toCsv(columns, rows, request.locale) : toXlsx(columns, rows, request.locale, { sheetName });
}
