import type { FlowNodeType } from '@trellis/definitions';
import type { LocalizedText } from '@trellis/errors';
import flowSchema from '../../../schemas/flow.schema.json';

/** A connection point of a node. `branching` ports may have several edges (conditions, splits). */
export interface NodePort {
  readonly id: string;
  readonly label: LocalizedText;
  readonly branching?: boolean;
}

export type NodeCategory = 'trigger' | 'human' | 'logic' | 'automation' | 'end';

/**
 * A node kind as data: the studio builds its palette and property panels from these. The
 * `settingsSchema` is the kind's `$defs` entry of the published flow schema; its `$ref`s are
 * absolute `https://trellis.dev/schemas/...` ids, resolved against PUBLISHED_SCHEMAS.
 */
export interface NodeKindDescription {
  readonly type: FlowNodeType;
  readonly label: LocalizedText;
  readonly description: LocalizedText;
  readonly category: NodeCategory;
  /** a person acts on it (it opens a task, may carry an SLA, may be returned to) */
  readonly human: boolean;
  readonly settingsSchema: Readonly<Record<string, unknown>>;
  readonly inputs: readonly NodePort[];
  readonly outputs: readonly NodePort[];
}

export const FLOW_SCHEMA_ID = flowSchema.$id;

const defs = flowSchema.$defs as unknown as Record<string, Record<string, unknown>>;

function settingsOf(def: string): Readonly<Record<string, unknown>> {
  const schema = defs[def];
  if (schema === undefined) throw new Error(`flow schema has no $defs.${def}`);
  return schema;
}

const IN: readonly NodePort[] = [{ id: 'in', label: { 'zh-CN': '输入', en: 'In' } }];
const OUT: readonly NodePort[] = [{ id: 'out', label: { 'zh-CN': '下一步', en: 'Next' } }];

export const NODE_KINDS: { readonly [T in FlowNodeType]: NodeKindDescription } = {
  start: {
    type: 'start', category: 'trigger', human: false, settingsSchema: settingsOf('startSettings'), inputs: [], outputs: OUT,
    label: { 'zh-CN': '开始', en: 'Start' },
    description: { 'zh-CN': '流程从这里开始：新建记录、字段变化满足规则、手动发起或按计划。', en: 'Where the flow starts: a record is created, a field changes matching a rule, someone starts it, or a schedule.' },
  },
  form_task: {
    type: 'form_task', category: 'human', human: true, settingsSchema: settingsOf('formTaskSettings'), inputs: IN, outputs: OUT,
    label: { 'zh-CN': '填写表单', en: 'Form task' },
    description: { 'zh-CN': '指定的人（伙伴、角色、用户、记录负责人）填写或修改表单。', en: 'Someone (the partner, a role, a user, the record owner) fills in or corrects a form.' },
  },
  approval: {
    type: 'approval', category: 'human', human: true, settingsSchema: settingsOf('approvalSettings'), inputs: IN,
    outputs: [
      { id: 'approved', label: { 'zh-CN': '通过', en: 'Approved' } },
      { id: 'rejected', label: { 'zh-CN': '驳回', en: 'Rejected' } },
    ],
    label: { 'zh-CN': '审批', en: 'Approval' },
    description: { 'zh-CN': '审批人通过或驳回；支持或签、会签、按比例，依次或同时审批，以及时限、提醒和升级。', en: 'Approvers approve or reject: any one, all, or a ratio; one after another or at once; with time limits, reminders and escalation.' },
  },
  condition: {
    type: 'condition', category: 'logic', human: false, settingsSchema: settingsOf('conditionSettings'), inputs: IN,
    outputs: [{ id: 'out', label: { 'zh-CN': '分支', en: 'Branches' }, branching: true }],
    label: { 'zh-CN': '条件分支', en: 'Condition' },
    description: { 'zh-CN': '按连线上的规则选择第一条成立的分支，否则走默认分支。', en: 'Takes the first branch whose rule holds, else the default branch.' },
  },
  compute: {
    type: 'compute', category: 'automation', human: false, settingsSchema: settingsOf('computeSettings'), inputs: IN, outputs: OUT,
    label: { 'zh-CN': '计算字段', en: 'Compute' },
    description: { 'zh-CN': '按公式设置记录字段，或新建一条记录。', en: 'Sets record fields by formulas, or creates a record.' },
  },
  notify: {
    type: 'notify', category: 'automation', human: false, settingsSchema: settingsOf('notifySettings'), inputs: IN, outputs: OUT,
    label: { 'zh-CN': '通知', en: 'Notify' },
    description: { 'zh-CN': '发送站内消息、邮件或 Webhook（提交后发送，带投递 id 去重）。', en: 'Sends an inbox message, an e-mail or a webhook (after commit, with a delivery id for deduplication).' },
  },
  wait: {
    type: 'wait', category: 'logic', human: false, settingsSchema: settingsOf('waitSettings'), inputs: IN, outputs: OUT,
    label: { 'zh-CN': '等待', en: 'Wait' },
    description: { 'zh-CN': '等待一段时间，或等到记录中的某个日期。', en: 'Waits for a span of time, or until a date in the record.' },
  },
  parallel_split: {
    type: 'parallel_split', category: 'logic', human: false, settingsSchema: settingsOf('parallelSplitSettings'), inputs: IN,
    outputs: [{ id: 'out', label: { 'zh-CN': '并行分支', en: 'Branches' }, branching: true }],
    label: { 'zh-CN': '并行拆分', en: 'Parallel split' },
    description: { 'zh-CN': '同时开始所有分支。', en: 'Starts all branches at once.' },
  },
  parallel_join: {
    type: 'parallel_join', category: 'logic', human: false, settingsSchema: settingsOf('parallelJoinSettings'), inputs: IN, outputs: OUT,
    label: { 'zh-CN': '并行汇聚', en: 'Parallel join' },
    description: { 'zh-CN': '等待对应拆分开始的所有分支完成后继续。', en: 'Continues once every branch its split started has arrived.' },
  },
  end: {
    type: 'end', category: 'end', human: false, settingsSchema: settingsOf('endSettings'), inputs: IN, outputs: [],
    label: { 'zh-CN': '结束', en: 'End' },
    description: { 'zh-CN': '以一个结果（如通过、驳回）结束流程。', en: 'Ends the flow with an outcome (approved, rejected, …).' },
  },
};
