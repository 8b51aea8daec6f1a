import { problem, type Problem } from '@trellis/errors';
import { HttpProblem } from '../http/http-problem.js';

/** The flow service's own failures; the engine's FLOW_* problems are mapped by `flowHttpError`. */
export const flowServiceProblems = {
  instanceNotFound: (id: string) =>
    problem('FLOW_INSTANCE_NOT_FOUND', 'id', { en: `There is no flow instance "${id}"`, 'zh-CN': `不存在流程实例“${id}”` }, { id }),
  flowNotFound: (id: string) =>
    problem('FLOW_NOT_FOUND', 'flowId', { en: `There is no published flow "${id}"`, 'zh-CN': `不存在已发布的流程“${id}”` }, { id }),
  notManual: (id: string) =>
    problem('FLOW_NOT_MANUAL', 'flowId', {
      en: `The flow "${id}" is not started by hand (its start trigger is not manual)`,
      'zh-CN': `流程“${id}”不能手动发起（其发起方式不是手动）`,
    }, { id }),
  startForbidden: (id: string) =>
    problem('PERM_FLOW_START', 'flowId', { en: `You may not start the flow "${id}"`, 'zh-CN': `您无权发起流程“${id}”` }, { id }),
  recordRequired: () =>
    problem('FLOW_RECORD_REQUIRED', 'recordId', { en: 'Name the record the flow runs on', 'zh-CN': '请指定流程所处理的记录' }),
  keyReused: (key: string) =>
    problem('IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key', {
      en: `The idempotency key "${key}" was already used for a different request`,
      'zh-CN': `幂等键“${key}”已用于另一个不同的请求`,
    }, { key }),
  instanceChanged: (id: string) =>
    problem('FLOW_INSTANCE_CONFLICT', 'revision', {
      en: `The flow instance "${id}" changed meanwhile; reload and try again`,
      'zh-CN': `流程实例“${id}”已被他人处理，请刷新后重试`,
    }, { id }),
  migrationUnmapped: (node: string) =>
    problem('FLOW_MIGRATION_UNMAPPED', `mapping.${node}`, {
      en: `The node "${node}" where the instance stands is not in the target version; map it to a node of that version`,
      'zh-CN': `实例当前所在节点“${node}”在目标版本中不存在，请将其映射到目标版本的节点`,
    }, { node }),
  migrationKindChanged: (node: string) =>
    problem('FLOW_MIGRATION_KIND_CHANGED', `mapping.${node}`, {
      en: `The node "${node}" has another kind in the target version; an instance cannot stand on it`,
      'zh-CN': `节点“${node}”在目标版本中的类型不同，实例无法停留在该节点`,
    }, { node }),
  migrationSameVersion: (version: number) =>
    problem('FLOW_MIGRATION_SAME_VERSION', 'toVersion', {
      en: `The instance already runs version ${version}`,
      'zh-CN': `该实例已在运行第 ${version} 版`,
    }, { version }),
};

/** Engine codes whose status the code's suffix does not tell (see statusForCode). */
const STATUS: Readonly<Record<string, number>> = {
  FLOW_TASK_CLOSED: 409,
  FLOW_INSTANCE_CLOSED: 409,
  FLOW_INSTANCE_CONFLICT: 409,
  FLOW_NOT_ASSIGNEE: 403,
  FLOW_NOT_INITIATOR: 403,
  IDEMPOTENCY_KEY_REUSED: 422,
};

/** The engine refused an action: an HTTP problem with the status its first code means. */
export function flowHttpError(problems: readonly Problem[]): HttpProblem | null {
  const [first, ...rest] = problems;
  if (first === undefined) return null;
  const status = STATUS[first.code];
  return status === undefined ? null : new HttpProblem(status, [first, ...rest]);
}
