import { problem, type Problem } from '@trellis/errors';

/** An import sheet and an attachment are refused alike when too large; only the code tells which. */
const fileTooLarge = (code: string) => (limit: number): Problem =>
  problem(code, 'file', { en: `The file is larger than ${limit} bytes`, 'zh-CN': `文件超过 ${limit} 字节` }, { limit });

/**
 * The failures of the data services (definitions, records, imports, attachments). Codes follow the
 * HTTP layer's convention (http/http-problem.ts statusForCode): `*_NOT_FOUND` → 404,
 * `*_STALE_REVISION`/`*_CONFLICT` → 409, `PERM_*` → 403, `*_TOO_LARGE` → 413, others 422.
 */
export const serviceProblems = {
  appNotFound: (app: string) =>
    problem('APP_NOT_FOUND', 'app', {
      en: `There is no app "${app}"`,
      'zh-CN': `不存在应用“${app}”`,
    }, { app }),
  entityNotFound: (entity: string) =>
    problem('ENTITY_NOT_FOUND', 'entity', {
      en: `There is no published entity "${entity}"`,
      'zh-CN': `不存在已发布的实体“${entity}”`,
    }, { entity }),
  definitionNotFound: (kind: string, id: string, version?: number) =>
    problem('DEFINITION_NOT_FOUND', version === undefined ? 'id' : 'version', {
      en: version === undefined ? `There is no ${kind} definition "${id}"` : `The ${kind} definition "${id}" has no version ${version}`,
      'zh-CN': version === undefined ? `不存在 ${kind} 定义“${id}”` : `${kind} 定义“${id}”没有第 ${version} 版`,
    }, { kind, id, ...(version === undefined ? {} : { version }) }),
  definitionIdMismatch: (id: string, given: unknown) =>
    problem('DEFINITION_ID_MISMATCH', 'id', {
      en: `The document's id "${String(given)}" differs from the id in the address "${id}"`,
      'zh-CN': `文档中的 id“${String(given)}”与地址中的 id“${id}”不一致`,
    }, { id, given }),
  grantsInvalid: (count: number) =>
    // leads the permission package's PERM_* problems, which would otherwise read as 403
    problem('DEFINITION_INVALID_GRANTS', 'permissions', {
      en: `The permission definitions have ${count} problem(s)`,
      'zh-CN': `权限定义存在 ${count} 个问题`,
    }, { count }),
  noDraft: (kind: string, id: string) =>
    problem('DEFINITION_DRAFT_NOT_FOUND', 'id', {
      en: `The ${kind} definition "${id}" has no draft to publish`,
      'zh-CN': `${kind} 定义“${id}”没有可发布的草稿`,
    }, { kind, id }),
  recordNotFound: (id: string) =>
    // Also what a record outside the caller's scope answers, so ids of other orgs do not leak.
    problem('RECORD_NOT_FOUND', 'id', {
      en: `There is no record "${id}"`,
      'zh-CN': `不存在记录“${id}”`,
    }, { id }),
  revisionRequired: () =>
    problem('RECORD_REVISION_REQUIRED', 'revision', {
      en: 'An update must name the revision it was made from (If-Match header or "revision" in the body)',
      'zh-CN': '更新必须注明所基于的版本号（If-Match 请求头或请求体中的 "revision"）',
    }),
  staleRevision: (given: number, current: number) =>
    problem('RECORD_STALE_REVISION', 'revision', {
      en: `The record changed since revision ${given} (it is now at ${current}); reload it and apply the change again`,
      'zh-CN': `记录在版本 ${given} 之后已被修改（当前为 ${current}），请重新加载后再修改`,
    }, { given, current }),
  forbidden: (action: string, entity: string) =>
    problem('PERM_DENIED', '', {
      en: `You may not ${action} "${entity}" records`,
      'zh-CN': `你无权对“${entity}”记录执行 ${action} 操作`,
    }, { action, entity }),
  fieldNotWritable: (path: string) =>
    problem('PERM_FIELD_NOT_WRITABLE', path, {
      en: `You may not set the field "${path}"`,
      'zh-CN': `你无权设置字段“${path}”`,
    }, { field: path }),
  badFilter: (path: string, reason: string) =>
    problem('RECORD_BAD_FILTER', path, {
      en: `The filter is not valid: ${reason}`,
      'zh-CN': `筛选条件无效：${reason}`,
    }, { reason }),
  badCursor: () =>
    problem('RECORD_BAD_CURSOR', 'cursor', {
      en: 'The cursor is not one this list handed out',
      'zh-CN': '分页游标无效',
    }),
  importRejected: (errors: number) =>
    problem('RECORD_IMPORT_REJECTED', 'rows', {
      en: `${errors} row(s) have errors: nothing was imported`,
      'zh-CN': `有 ${errors} 行存在错误：未导入任何数据`,
    }, { errors }),
  importJobNotFound: (id: string) =>
    problem('IMPORT_JOB_NOT_FOUND', 'id', {
      en: `There is no import job "${id}"`,
      'zh-CN': `不存在导入任务“${id}”`,
    }, { id }),
  uploadTooLarge: fileTooLarge('UPLOAD_TOO_LARGE'),
  importJobFailed: () =>
    problem('RECORD_IMPORT_FAILED', '', {
      en: 'The import failed unexpectedly; nothing was imported',
      'zh-CN': '导入意外失败，未导入任何数据',
    }),
  fileMissing: (field: string) =>
    problem('UPLOAD_FILE_MISSING', field, {
      en: `The upload has no file in the field "${field}"`,
      'zh-CN': `上传内容中缺少字段“${field}”的文件`,
    }, { field }),
  unsupportedSheet: (name: string) =>
    problem('RECORD_IMPORT_UNSUPPORTED_FORMAT', 'file', {
      en: `"${name}" is neither CSV nor XLSX`,
      'zh-CN': `“${name}”既不是 CSV 也不是 XLSX 文件`,
    }, { name }),
  templateConflicts: (count: number) =>
    problem('TEMPLATE_IMPORT_CONFLICT', '', {
      en: `The template conflicts with what is stored in ${count} place(s); see the plan`,
      'zh-CN': `模板与已存储的内容有 ${count} 处冲突，详见导入计划`,
    }, { count }),
  attachmentTooLarge: fileTooLarge('ATTACHMENT_TOO_LARGE'),
  attachmentUnrecognised: () =>
    problem('ATTACHMENT_TYPE_UNKNOWN', 'file', {
      en: 'The file content is of no recognised type',
      'zh-CN': '无法识别文件内容的类型',
    }),
  attachmentTypeNotAllowed: (type: string, allowed: readonly string[]) =>
    problem('ATTACHMENT_TYPE_NOT_ALLOWED', 'file', {
      en: `Files of type ${type} are not accepted (accepted: ${allowed.join(', ')})`,
      'zh-CN': `不接受 ${type} 类型的文件（可接受：${allowed.join('、')}）`,
    }, { type, allowed }),
  attachmentTypeMismatch: (declared: string, sniffed: string) =>
    problem('ATTACHMENT_TYPE_MISMATCH', 'file', {
      en: `The file is declared as ${declared} but its content is ${sniffed}`,
      'zh-CN': `文件声明的类型为 ${declared}，但内容实际为 ${sniffed}`,
    }, { declared, sniffed }),
  attachmentNotFound: (id: string) =>
    problem('ATTACHMENT_NOT_FOUND', 'id', {
      en: `There is no attachment "${id}"`,
      'zh-CN': `不存在附件“${id}”`,
    }, { id }),
} satisfies Record<string, (...args: never[]) => Problem>;
