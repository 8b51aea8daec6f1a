import { problem } from '@trellis/errors';

/**
 * Failures of incentive runs. Codes follow the HTTP convention (`*_NOT_FOUND` 404, `*_CONFLICT`
 * 409, `PERM_*` 403, others 422).
 */
export const runProblems = {
  runNotFound: (id: string) =>
    problem('INCENTIVE_RUN_NOT_FOUND', 'runId', {
      en: `There is no incentive run "${id}"`,
      'zh-CN': `不存在激励核算批次“${id}”`,
    }, { id }),
  resultNotFound: (subject: string) =>
    problem('INCENTIVE_RESULT_NOT_FOUND', 'subject', {
      en: `The run has no result for "${subject}"`,
      'zh-CN': `该批次没有“${subject}”的结果`,
    }, { subject }),
  subjectNotFound: (subject: string) =>
    problem('INCENTIVE_SUBJECT_NOT_FOUND', 'subject', {
      en: `There is no subject "${subject}" you may see`,
      'zh-CN': `不存在您可查看的对象“${subject}”`,
    }, { subject }),
  noFinalRun: (period: string) =>
    problem('INCENTIVE_RUN_NOT_FOUND', 'period', {
      en: `No run of ${period} is final yet`,
      'zh-CN': `${period} 尚无已定稿的核算批次`,
    }, { period }),
  programNotFound: (id: string, path = 'programs') =>
    problem('INCENTIVE_PROGRAM_NOT_FOUND', path, {
      en: `There is no published program "${id}"`,
      'zh-CN': `不存在已发布的激励方案“${id}”`,
    }, { id }),
  notInForce: (id: string, period: string, path = 'programs') =>
    problem('INCENTIVE_PROGRAM_NOT_IN_FORCE', path, {
      en: `No version of program "${id}" is in force for ${period}, or it is not paid per period of that kind`,
      'zh-CN': `激励方案“${id}”在 ${period} 没有生效的版本，或不按该类考核期计算`,
    }, { id, period }),
  noPrograms: (period: string) =>
    problem('INCENTIVE_NO_PROGRAMS', 'programs', {
      en: `No program is in force for ${period}`,
      'zh-CN': `${period} 没有生效的激励方案`,
    }, { period }),
  badStatus: (id: string, status: string, action: string) =>
    problem('INCENTIVE_RUN_CONFLICT', 'status', {
      en: `The run is ${status}: it cannot be ${action}`,
      'zh-CN': `该批次状态为 ${status}，不能执行“${action}”`,
    }, { id, status, action }),
  periodBusy: (period: string, runId: string, status: string) =>
    problem('INCENTIVE_RUN_CONFLICT', 'period', {
      en: `Run ${runId} of ${period} is ${status}: finish or cancel it first`,
      'zh-CN': `${period} 的批次 ${runId} 状态为 ${status}，请先完成或取消`,
    }, { period, runId, status }),
  locked: (id: string, status: string) =>
    problem('INCENTIVE_RUN_LOCKED_CONFLICT', 'runId', {
      en: `The run is ${status}: its results cannot change (corrections go into a later run as adjustments)`,
      'zh-CN': `该批次状态为 ${status}，结果不可修改（更正请在后续批次中以调整行记录）`,
    }, { id, status }),
  sameApprover: () =>
    problem('PERM_SAME_APPROVER', 'approvedBy', {
      en: 'The run must be approved by someone other than who submitted it',
      'zh-CN': '批次须由提交人以外的人审批',
    }),
  notApprover: () =>
    problem('PERM_NOT_APPROVER', '', {
      en: 'The run\'s approval is not waiting for you',
      'zh-CN': '该批次的审批当前不由您处理',
    }),
  noApprovalFlow: (program: string) =>
    problem('INCENTIVE_NO_APPROVAL_FLOW', 'programs', {
      en: `Program "${program}" names no approval flow (approvalFlow), so its runs cannot be submitted`,
      'zh-CN': `激励方案“${program}”未指定审批流程（approvalFlow），其核算批次无法提交`,
    }, { program }),
  approvalFlowsDiffer: (flows: readonly string[]) =>
    problem('INCENTIVE_APPROVAL_FLOW_CONFLICT', 'programs', {
      en: `The run's programs name different approval flows (${flows.join(', ')}): run them separately`,
      'zh-CN': `该批次的激励方案指定了不同的审批流程（${flows.join('、')}），请分开核算`,
    }, { flows: [...flows] }),
  approvalFlowOnEntity: (flow: string, entity: string) =>
    problem('INCENTIVE_APPROVAL_FLOW_CONFLICT', 'programs', {
      en: `The approval flow "${flow}" runs on records of "${entity}": a flow that approves runs has no entity`,
      'zh-CN': `审批流程“${flow}”处理“${entity}”的记录：审批核算批次的流程不能指定实体`,
    }, { flow, entity }),
  forbidden: (action: string) =>
    problem('PERM_FORBIDDEN', '', {
      en: `You may not ${action} incentive runs`,
      'zh-CN': `您无权${action === 'manage' ? '管理' : action === 'approve' ? '审批' : '查看'}激励核算`,
    }, { action }),
};
