import type { LocalizedText } from '@trellis/errors';
import type { FieldChange, HistoryAction, HistoryEntry, InstanceState } from './types.js';
import { SYSTEM_ACTOR } from './types.js';

/** One readable line of an instance's history: who did what, when, with which comment and data changes. */
export interface TimelineEntry {
  readonly seq: number;
  readonly at: string;
  /** user id, or null for the system (timers, automatic steps) */
  readonly actor: string | null;
  readonly action: HistoryAction;
  readonly what: LocalizedText;
  readonly step?: LocalizedText;
  readonly node?: string;
  readonly task?: string;
  readonly comment?: string;
  readonly changes: readonly FieldChange[];
}

const WHAT: { readonly [A in HistoryAction]: LocalizedText } = {
  started: { 'zh-CN': '发起流程', en: 'started the flow' },
  task_opened: { 'zh-CN': '生成待办', en: 'opened a task' },
  approved: { 'zh-CN': '同意', en: 'approved' },
  rejected: { 'zh-CN': '驳回', en: 'rejected' },
  returned: { 'zh-CN': '退回', en: 'returned it to an earlier step' },
  reassigned: { 'zh-CN': '转交', en: 'reassigned' },
  approver_added: { 'zh-CN': '加签', en: 'added an approver' },
  commented: { 'zh-CN': '评论', en: 'commented' },
  submitted: { 'zh-CN': '提交表单', en: 'submitted the form' },
  withdrawn: { 'zh-CN': '撤回', en: 'withdrew the instance' },
  reminded: { 'zh-CN': '催办提醒', en: 'sent a reminder' },
  escalated: { 'zh-CN': '超时升级', en: 'escalated (overdue)' },
  auto_approved: { 'zh-CN': '超时自动同意', en: 'approved automatically (overdue)' },
  computed: { 'zh-CN': '计算字段', en: 'computed fields' },
  branched: { 'zh-CN': '条件分支', en: 'chose a branch' },
  notified: { 'zh-CN': '发送通知', en: 'sent a notification' },
  waiting: { 'zh-CN': '开始等待', en: 'started waiting' },
  resumed: { 'zh-CN': '等待结束', en: 'finished waiting' },
  record_changed: { 'zh-CN': '记录变更，重新计算等待', en: 'record changed; wait rescheduled' },
  completed: { 'zh-CN': '流程结束', en: 'the flow ended' },
};

function entryOf(entry: HistoryEntry): TimelineEntry {
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor === SYSTEM_ACTOR ? null : entry.actor,
    action: entry.action,
    what: WHAT[entry.action],
    ...(entry.nodeLabel === undefined ? {} : { step: entry.nodeLabel }),
    ...(entry.node === undefined ? {} : { node: entry.node }),
    ...(entry.task === undefined ? {} : { task: entry.task }),
    ...(entry.comment === undefined ? {} : { comment: entry.comment }),
    changes: entry.changes ?? [],
  };
}

/**
 * An instance's history as people read it, oldest first. Automatic routing (branches) is left out
 * unless `detail` is true; everything a person did, every data change and every SLA event stays.
 */
export function timeline(state: InstanceState, options: { readonly detail?: boolean } = {}): TimelineEntry[] {
  const quiet: ReadonlySet<HistoryAction> = new Set(options.detail === true ? [] : ['branched']);
  return state.history.filter((e) => !quiet.has(e.action)).map(entryOf);
}
