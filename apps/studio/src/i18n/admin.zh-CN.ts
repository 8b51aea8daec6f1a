import type { adminEn } from './admin.en.js';

/** 管理工作台（记录、模板、待办、激励、用户）的中文文本；键与 admin.en.ts 相同。 */
export const adminZhCN: typeof adminEn = {
  nav: { records: '记录', templates: '模板' },
  common: { loading: '加载中…', none: '暂无内容。', pickApp: '选择应用', entities: '实体' },
  records: {
    title: '记录：{{entity}}', entities: '{{app}} 的记录',
    filter: '筛选', apply: '应用筛选', clear: '清除筛选',
    columns: '列', sortBy: '按{{column}}排序', sortedAsc: '升序', sortedDesc: '降序',
    loadMore: '加载更多', count: '已显示 {{count}} 条', more: '（还有更多）', empty: '没有符合条件的记录。',
    open: '打开', views: '已保存视图', viewName: '视图名称', saveView: '保存视图', applyView: '应用视图 {{name}}',
    deleteView: '删除视图 {{name}}', noViews: '暂无保存的视图。',
    exportCsv: '导出 CSV', exportXlsx: '导出 Excel',
  },
  import: {
    title: '导入', file: 'CSV 或 Excel 文件', check: '检查（试运行）', run: '导入',
    progress: '进度', processed: '已处理 {{processed}} / {{total}} 行',
    summary: '共 {{total}} 行：{{valid}} 行有效，{{invalid}} 行有错误，已创建 {{created}} 条。',
    dryRun: '试运行：未保存任何数据。', applied: '已导入。', notApplied: '未导入任何数据：请修正以下行后重试。',
    row: '行', field: '字段', error: '错误',
  },
  record: {
    title: '记录 {{id}}', data: '数据', history: '历史', noHistory: '暂无历史。', flows: '流程',
    noFlows: '不在任何流程中。', changed: '变更：{{fields}}',
    meta: '版本 {{revision}}，{{at}} 由 {{by}} 更新',
    action: { create: '创建', update: '更新', delete: '删除', import: '导入' },
  },
  templates: {
    title: '模板', export: '导出模板', exportHint: '将应用及其全部定义下载为模板文件。',
    import: '导入模板', file: '模板文件（JSON）', dryRun: '检查（试运行）', apply: '执行导入',
    badJson: '文件不是 JSON：{{message}}', plan: '应用 {{app}} 的试运行报告',
    counts: '新增 {{new}}，变更 {{changed}}，未变 {{unchanged}}，冲突 {{conflicting}}',
    kind: '类型', id: '标识', status: '状态', changes: '变更', records: '示例记录：{{list}}',
    ready: '可以执行导入。', blocked: '问题解决之前无法执行导入。',
    applied: '已执行：应用 {{app}} 已导入。',
    statuses: { new: '新增', changed: '变更', unchanged: '未变', conflicting: '冲突' },
  },
};
