import { problem, type Problem } from '@trellis/errors';

/** Every problem the permissions package reports: stable codes, both languages. */
export const permissionProblems = {
  forbidden: (entity: string, action: string) =>
    problem('PERM_FORBIDDEN', '', {
      en: `You may not ${action} this ${entity} record`,
      'zh-CN': `您无权对此 ${entity} 记录执行 ${ACTION_NAMES[action] ?? action} 操作`,
    }, { entity, action }),
  fieldNotWritable: (path: string, entity: string) =>
    problem('PERM_FIELD_NOT_WRITABLE', path, {
      en: `You may not change the field "${path}" of ${entity} records`,
      'zh-CN': `您无权修改 ${entity} 记录的字段"${path}"`,
    }, { entity, field: path }),
  unknownRole: (path: string, role: string) =>
    problem('PERM_UNKNOWN_ROLE', path, {
      en: `The permission names the role "${role}", which the app does not have`,
      'zh-CN': `权限引用了角色"${role}"，但应用中没有此角色`,
    }, { role }),
} satisfies Record<string, (...args: never[]) => Problem>;

const ACTION_NAMES: Readonly<Record<string, string>> = {
  read: '查看', create: '新建', update: '修改', delete: '删除', export: '导出', import: '导入',
};
