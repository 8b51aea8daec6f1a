import { problem, type Problem } from '@trellis/errors';

/**
 * Every problem the flow engine reports: stable FLOW_* codes, both languages. Validation paths are
 * relative to the flow (`nodes.3.settings.approvers`); runtime paths name the action's field.
 */
export const flowProblems = {
  noStart: () =>
    problem('FLOW_NO_START', 'nodes', { en: 'The flow has no start node', 'zh-CN': '流程没有开始节点' }),
  multipleStarts: (path: string) =>
    problem('FLOW_MULTIPLE_STARTS', path, { en: 'A flow has exactly one start node; this is another one', 'zh-CN': '流程只能有一个开始节点；这是多余的一个' }),
  noEnd: () =>
    problem('FLOW_NO_END', 'nodes', { en: 'The flow has no end node', 'zh-CN': '流程没有结束节点' }),
  duplicateId: (path: string, id: string) =>
    problem('FLOW_DUPLICATE_ID', path, { en: `The id "${id}" is used more than once`, 'zh-CN': `id"${id}"重复使用` }, { id }),
  unknownNode: (path: string, id: string) =>
    problem('FLOW_UNKNOWN_NODE', path, { en: `There is no node "${id}" in this flow`, 'zh-CN': `此流程中没有节点"${id}"` }, { node: id }),
  unknownPort: (path: string, port: string, ports: readonly string[]) =>
    problem('FLOW_UNKNOWN_PORT', path, {
      en: `The node has no output "${port}" (it has: ${ports.join(', ') || 'none'})`,
      'zh-CN': `该节点没有输出端口"${port}"（可用：${ports.join('、') || '无'}）`,
    }, { port, ports }),
  portUnconnected: (path: string, port: string) =>
    problem('FLOW_PORT_UNCONNECTED', path, {
      en: `The output "${port}" leads nowhere: connect it to the next step`,
      'zh-CN': `输出端口"${port}"没有连线：请连到下一步`,
    }, { port }),
  portAmbiguous: (path: string, port: string) =>
    problem('FLOW_PORT_AMBIGUOUS', path, {
      en: `The output "${port}" has several edges; only conditions and parallel splits may branch`,
      'zh-CN': `输出端口"${port}"有多条连线；只有条件和并行拆分节点可以分支`,
    }, { port }),
  edgeIntoStart: (path: string) =>
    problem('FLOW_EDGE_INTO_START', path, { en: 'No edge may lead into the start node', 'zh-CN': '连线不能指向开始节点' }),
  unreachable: (path: string, id: string) =>
    problem('FLOW_UNREACHABLE', path, { en: `No path from the start reaches node "${id}"`, 'zh-CN': `从开始节点无法到达节点"${id}"` }, { node: id }),
  approvalNoApprovers: (path: string) =>
    problem('FLOW_APPROVAL_NO_APPROVERS', path, { en: 'An approval needs at least one approver', 'zh-CN': '审批节点至少需要一个审批人' }),
  taskNoAssignees: (path: string) =>
    problem('FLOW_TASK_NO_ASSIGNEES', path, { en: 'A form task needs at least one assignee', 'zh-CN': '表单任务至少需要一个处理人' }),
  ratioMissing: (path: string) =>
    problem('FLOW_RATIO_MISSING', path, { en: 'Mode "ratio" needs a ratio between 0 and 1', 'zh-CN': '"按比例"模式需要 0 到 1 之间的比例' }),
  conditionNoDefault: (path: string) =>
    problem('FLOW_CONDITION_NO_DEFAULT', path, { en: 'A condition needs exactly one default branch (an edge with isDefault)', 'zh-CN': '条件节点需要恰好一个默认分支（isDefault 连线）' }),
  conditionManyDefaults: (path: string) =>
    problem('FLOW_CONDITION_MANY_DEFAULTS', path, { en: 'A condition has only one default branch', 'zh-CN': '条件节点只能有一个默认分支' }),
  branchNoCondition: (path: string) =>
    problem('FLOW_BRANCH_NO_CONDITION', path, { en: 'A branch of a condition needs a condition unless it is the default', 'zh-CN': '条件节点的分支除默认分支外都需要条件' }),
  conditionMisplaced: (path: string) =>
    problem('FLOW_CONDITION_MISPLACED', path, {
      en: 'Only edges leaving a condition or a parallel split may carry a condition or be the default',
      'zh-CN': '只有从条件节点或并行拆分节点出发的连线才能带条件或设为默认',
    }),
  joinUnknownSplit: (path: string, id: string) =>
    problem('FLOW_JOIN_WITHOUT_SPLIT', path, { en: `The join names "${id}", which is not a parallel split of this flow`, 'zh-CN': `汇聚节点引用的"${id}"不是此流程的并行拆分节点` }, { split: id }),
  splitJoins: (path: string, count: number) =>
    problem('FLOW_SPLIT_JOIN_COUNT', path, {
      en: `A parallel split needs exactly one join naming it; it has ${count}`,
      'zh-CN': `并行拆分节点需要恰好一个汇聚节点与之对应；现有 ${count} 个`,
    }, { count }),
  invalidSettings: (path: string, cause: Problem) =>
    problem('FLOW_INVALID_SETTINGS', path, { en: `Invalid setting: ${cause.message.en}`, 'zh-CN': `设置无效：${cause.message['zh-CN']}` }, { cause: cause.code }),
  invalidTarget: (path: string, id: string) =>
    problem('FLOW_INVALID_TARGET', path, {
      en: `"${id}" is not a step that made a record (a form task in create mode or a compute that creates)`,
      'zh-CN': `"${id}"不是创建记录的步骤（创建模式的表单任务或创建记录的计算节点）`,
    }, { node: id }),
  invalidReturnTarget: (path: string, id: string) =>
    problem('FLOW_INVALID_RETURN_TARGET', path, {
      en: `"${id}" cannot be returned to: name the start, a form task or an approval`,
      'zh-CN': `不能退回到"${id}"：只能退回到开始节点、表单任务或审批节点`,
    }, { node: id }),
  formNotFlowEntity: (path: string, form: string, entity: string) =>
    problem('FLOW_FORM_NOT_FLOW_ENTITY', path, {
      en: `A form task in edit mode edits the flow's record, so its form must be "${entity}", not "${form}" (or use mode create)`,
      'zh-CN': `编辑模式的表单任务修改流程记录，表单应为"${entity}"而不是"${form}"（或改用创建模式）`,
    }, { form, entity }),
  invalidCron: (path: string) =>
    problem('FLOW_INVALID_CRON', path, { en: 'Not a valid cron expression (minute hour day-of-month month day-of-week)', 'zh-CN': 'cron 表达式无效（分 时 日 月 周）' }),
  scheduleAmbiguous: (path: string) =>
    problem('FLOW_SCHEDULE_AMBIGUOUS', path, { en: 'A schedule needs exactly one of "every" and "cron"', 'zh-CN': '计划需要且只能设置"every"或"cron"之一' }),
  unknownEntity: (path: string, id: string) =>
    problem('FLOW_UNKNOWN_ENTITY', path, { en: `There is no entity "${id}"`, 'zh-CN': `没有实体"${id}"` }, { entity: id }),
  unknownRole: (path: string, id: string) =>
    problem('FLOW_UNKNOWN_ROLE', path, { en: `There is no role "${id}"`, 'zh-CN': `没有角色"${id}"` }, { role: id }),
  unknownField: (path: string, field: string) =>
    problem('FLOW_UNKNOWN_FIELD', path, { en: `The record has no field "${field}"`, 'zh-CN': `记录中没有字段"${field}"` }, { field }),

  // ---- runtime
  instanceClosed: (status: string) =>
    problem('FLOW_INSTANCE_CLOSED', '', { en: `The instance is ${status}: nothing more can happen in it`, 'zh-CN': `流程实例已${statusZh(status)}，不能再操作` }, { status }),
  taskNotFound: (id: string) =>
    problem('FLOW_TASK_NOT_FOUND', 'taskId', { en: `There is no task "${id}" in this instance`, 'zh-CN': `此流程实例中没有任务"${id}"` }, { taskId: id }),
  taskClosed: (id: string) =>
    problem('FLOW_TASK_CLOSED', 'taskId', { en: 'The task is no longer open: someone else has already acted on it', 'zh-CN': '任务已不再处于待办状态：已有他人处理' }, { taskId: id }),
  notAssignee: (id: string, user: string) =>
    problem('FLOW_NOT_ASSIGNEE', 'taskId', { en: 'You are not one of the people this task is waiting for', 'zh-CN': '您不是此任务当前的处理人' }, { taskId: id, user }),
  notInitiator: () =>
    problem('FLOW_NOT_INITIATOR', '', { en: 'Only who started the instance may withdraw it', 'zh-CN': '只有发起人可以撤回' }),
  withdrawTooLate: () =>
    problem('FLOW_WITHDRAW_TOO_LATE', '', { en: 'Someone has already acted on the instance: it can no longer be withdrawn', 'zh-CN': '已有人处理，不能再撤回' }),
  wrongTaskKind: (id: string, action: string) =>
    problem('FLOW_WRONG_TASK_KIND', 'type', { en: `"${action}" does not apply to this kind of task`, 'zh-CN': `"${action}"操作不适用于此类任务` }, { taskId: id, action }),
  returnTarget: (id: string) =>
    problem('FLOW_RETURN_TARGET', 'to', { en: `Cannot return to "${id}": it is not an earlier step of this path`, 'zh-CN': `不能退回到"${id}"：它不是此路径上之前的步骤` }, { node: id }),
  noReturnTarget: () =>
    problem('FLOW_NO_RETURN_TARGET', 'to', { en: 'There is no earlier step to return to', 'zh-CN': '没有可以退回的前序步骤' }),
  unknownUser: (path: string, id: string) =>
    problem('FLOW_UNKNOWN_USER', path, { en: `There is no user "${id}"`, 'zh-CN': `没有用户"${id}"` }, { user: id }),
  alreadyAssigned: (path: string, id: string) =>
    problem('FLOW_ALREADY_ASSIGNED', path, { en: `"${id}" already has this task`, 'zh-CN': `"${id}"已是此任务的处理人` }, { user: id }),
  initiatorExcluded: (path: string, id: string) =>
    problem('FLOW_INITIATOR_EXCLUDED', path, {
      en: 'Who started the instance may not take part in this approval (it must be decided by someone else)',
      'zh-CN': '发起人不能参与此审批（须由他人审批）',
    }, { user: id }),
  noAssignees: (path: string) =>
    problem('FLOW_NO_ASSIGNEES', path, { en: 'Nobody could be found to take this step', 'zh-CN': '找不到此步骤的处理人' }),
  fieldNotEditable: (path: string, field: string) =>
    problem('FLOW_FIELD_NOT_EDITABLE', path, { en: `The field "${field}" may not be changed in this step`, 'zh-CN': `此步骤不能修改字段"${field}"` }, { field }),
  ruleFailed: (path: string, cause: Problem) =>
    problem('FLOW_RULE_FAILED', path, { en: `A rule of the flow failed: ${cause.message.en}`, 'zh-CN': `流程规则执行失败：${cause.message['zh-CN']}` }, { cause: cause.code }),
  stepLimit: (limit: number) =>
    problem('FLOW_STEP_LIMIT', '', { en: `The flow ran ${limit} automatic steps without reaching a person or an end: it loops`, 'zh-CN': `流程自动执行了 ${limit} 步仍未到达人工步骤或结束：存在循环` }, { limit }),
} as const;

function statusZh(status: string): string {
  return ({ completed: '结束', withdrawn: '撤回' } as Record<string, string>)[status] ?? status;
}
