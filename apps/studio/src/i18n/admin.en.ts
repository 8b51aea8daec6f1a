/** English texts of the admin workspace (records, templates, inbox, incentives, users); admin.zh-CN.ts mirrors them. */
export const adminEn = {
  nav: { records: 'Records', templates: 'Templates' },
  common: { loading: 'Loading…', none: 'Nothing here yet.', pickApp: 'Choose an app', entities: 'Entities' },
  records: {
    title: 'Records: {{entity}}', entities: 'Records of {{app}}',
    filter: 'Filter', apply: 'Apply filter', clear: 'Clear filter',
    columns: 'Columns', sortBy: 'Sort by {{column}}', sortedAsc: 'ascending', sortedDesc: 'descending',
    loadMore: 'Load more', count: '{{count}} shown', more: '(more available)', empty: 'No records match.',
    open: 'Open', views: 'Saved views', viewName: 'View name', saveView: 'Save view', applyView: 'Apply view {{name}}',
    deleteView: 'Delete view {{name}}', noViews: 'No saved views.',
    exportCsv: 'Export CSV', exportXlsx: 'Export Excel',
  },
  import: {
    title: 'Import', file: 'CSV or Excel file', check: 'Check (dry run)', run: 'Import',
    progress: 'Progress', processed: '{{processed}} of {{total}} rows processed',
    summary: '{{total}} rows: {{valid}} valid, {{invalid}} with errors, {{created}} created.',
    dryRun: 'Dry run: nothing was saved.', applied: 'Imported.', notApplied: 'Nothing was imported: fix the rows below and try again.',
    row: 'Row', field: 'Field', error: 'Error',
  },
  record: {
    title: 'Record {{id}}', data: 'Data', history: 'History', noHistory: 'No history.', flows: 'Flows',
    noFlows: 'In no flow.', changed: 'changed: {{fields}}',
    meta: 'Revision {{revision}}, updated {{at}} by {{by}}',
    action: { create: 'Created', update: 'Updated', delete: 'Deleted', import: 'Imported' },
  },
  templates: {
    title: 'Templates', export: 'Export template', exportHint: 'Download the app with all its definitions as a template file.',
    import: 'Import template', file: 'Template file (JSON)', dryRun: 'Check (dry run)', apply: 'Apply import',
    badJson: 'The file is not JSON: {{message}}', plan: 'Dry-run report for app {{app}}',
    counts: '{{new}} new, {{changed}} changed, {{unchanged}} unchanged, {{conflicting}} conflicting',
    kind: 'Kind', id: 'Id', status: 'Status', changes: 'Changes', records: 'Sample records: {{list}}',
    ready: 'The import can be applied.', blocked: 'The import cannot be applied until the problems are solved.',
    applied: 'Applied: app {{app}} is imported.',
    statuses: { new: 'new', changed: 'changed', unchanged: 'unchanged', conflicting: 'conflicting' },
  },
};
