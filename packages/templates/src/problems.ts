import { problem, type LocalizedText, type Problem } from '@trellis/errors';

/**
 * Every problem the templates package reports: stable codes, both languages. Paths name the place
 * in the template with definition ids, e.g. `rules.attainment_rebate_rate.table.rows.3`.
 */
export const templateProblems = {
  hashMismatch: (given: string, actual: string) =>
    problem('TEMPLATE_HASH_MISMATCH', 'contentHash', {
      en: `The content hash ${given} does not match the content (${actual}): the file was changed after export`,
      'zh-CN': `内容哈希 ${given} 与内容不符（实际为 ${actual}）：文件在导出后被修改过`,
    }, { expected: given, actual }),
  duplicateId: (path: string, kind: string, id: string, firstPath: string) =>
    problem('TEMPLATE_DUPLICATE_ID', path, {
      en: `The ${kindName(kind).en} id "${id}" is used more than once (first at ${firstPath})`,
      'zh-CN': `${kindName(kind)['zh-CN']} id"${id}"重复使用（首次出现于 ${firstPath}）`,
    }, { kind, id, first: firstPath }),
  unknownEntity: (path: string, id: string) =>
    problem('TEMPLATE_UNKNOWN_ENTITY', path, {
      en: `There is no entity "${id}" in this template`,
      'zh-CN': `此模板中没有实体"${id}"`,
    }, { entity: id }),
  unknownRole: (path: string, id: string) =>
    problem('TEMPLATE_UNKNOWN_ROLE', path, {
      en: `There is no role "${id}" in this template`,
      'zh-CN': `此模板中没有角色"${id}"`,
    }, { role: id }),
  secondSelfRegistration: (path: string, first: string) =>
    problem('TEMPLATE_SELF_REGISTRATION_TWICE', path, {
      en: `Only one role can be open to self-registration; "${first}" already is`,
      'zh-CN': `只能有一个角色开放自助注册，"${first}"已开放`,
    }, { role: first }),
  ruleTestFailed: (path: string, name: string, expected: unknown, actual: unknown) =>
    problem('TEMPLATE_RULE_TEST_FAILED', path, {
      en: `Rule test "${name}" failed: expected ${show(expected)}, got ${show(actual)}`,
      'zh-CN': `规则测试"${name}"未通过：期望 ${show(expected)}，实际为 ${show(actual)}`,
    }, { test: name, expected, actual }),
  ruleTestErrored: (path: string, name: string, expected: unknown, cause: Problem) =>
    problem('TEMPLATE_RULE_TEST_FAILED', path, {
      en: `Rule test "${name}" failed: expected ${show(expected)}, but evaluation failed with ${cause.code}: ${cause.message.en}`,
      'zh-CN': `规则测试"${name}"未通过：期望 ${show(expected)}，但求值失败 ${cause.code}：${cause.message['zh-CN']}`,
    }, { test: name, expected, actual: { error: cause.code } }),
  ruleTestDidNotFail: (path: string, name: string, actual: unknown) =>
    problem('TEMPLATE_RULE_TEST_FAILED', path, {
      en: `Rule test "${name}" failed: evaluation was expected to fail, but returned ${show(actual)}`,
      'zh-CN': `规则测试"${name}"未通过：期望求值失败，实际返回 ${show(actual)}`,
    }, { test: name, expected: { error: true }, actual }),
  sampleRecordInvalid: (path: string, cause: Problem) =>
    problem('TEMPLATE_SAMPLE_RECORD_INVALID', path, {
      en: `Sample record is invalid: ${cause.message.en}`,
      'zh-CN': `示例记录无效：${cause.message['zh-CN']}`,
    }, { cause: cause.code }),
  notAnObject: () =>
    problem('TEMPLATE_NOT_AN_OBJECT', '', {
      en: 'An app template must be a JSON object',
      'zh-CN': '应用模板必须是 JSON 对象',
    }),

  // import plans
  appIdMismatch: (path: string, templateApp: string, existingApp: string) =>
    problem('IMPORT_APP_ID_MISMATCH', path, {
      en: `The template is for app "${templateApp}", but the existing definitions belong to app "${existingApp}"`,
      'zh-CN': `该模板属于应用"${templateApp}"，而现有定义属于应用"${existingApp}"`,
    }, { template: templateApp, existing: existingApp }),
  propertyRemoved: (path: string, field: string) =>
    problem('IMPORT_PROPERTY_REMOVED', path, {
      en: `The field "${field}" is removed, but stored records may hold values for it`,
      'zh-CN': `字段"${field}"被删除，但已存储的记录中可能有该字段的值`,
    }, { field }),
  propertyTypeChanged: (path: string, field: string, before: readonly string[], after: readonly string[]) =>
    problem('IMPORT_PROPERTY_TYPE_CHANGED', path, {
      en: `The type of field "${field}" changes from ${before.join('|')} to ${after.join('|')}, which stored records may not match`,
      'zh-CN': `字段"${field}"的类型由 ${before.join('|')} 改为 ${after.join('|')}，已存储的记录可能不符合`,
    }, { field, before, after }),
  requiredWithoutDefault: (path: string, field: string) =>
    problem('IMPORT_REQUIRED_WITHOUT_DEFAULT', path, {
      en: `The field "${field}" becomes required without a default value, so stored records without it would be invalid`,
      'zh-CN': `字段"${field}"变为必填且没有默认值，缺少该字段的已存储记录将变为无效`,
    }, { field }),
} satisfies Record<string, (...args: never[]) => Problem>;

const KIND_NAMES: Readonly<Record<string, LocalizedText>> = {
  entity: { en: 'entity', 'zh-CN': '实体' },
  rule: { en: 'rule', 'zh-CN': '规则' },
  flow: { en: 'flow', 'zh-CN': '流程' },
  program: { en: 'program', 'zh-CN': '激励方案' },
  permission: { en: 'permission', 'zh-CN': '权限' },
  role: { en: 'role', 'zh-CN': '角色' },
};

function kindName(kind: string): LocalizedText {
  return KIND_NAMES[kind] ?? { en: kind, 'zh-CN': kind };
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
