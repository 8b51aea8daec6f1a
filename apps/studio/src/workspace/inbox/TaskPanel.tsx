import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import { actionBody, earlierSteps, type Task, type TaskAction, type TimelineEntry, type UserSummary } from './types.js';
import { formatTime } from '../format-time.js';

const ACTIONS: readonly TaskAction[] = ['approve', 'reject', 'return', 'reassign'];

/** One task: act on it (with a comment; return to a step, reassign to a user) and read its flow's timeline. */
export function TaskPanel({ task, onDone }: { task: Task; onDone: () => void }) {
  const { t } = useTranslation();
  const { pick, locale } = useLocale();
  const [timeline, setTimeline] = useState<readonly TimelineEntry[]>([]);
  const [users, setUsers] = useState<readonly UserSummary[]>([]);
  const [comment, setComment] = useState('');
  const [reassignTo, setReassignTo] = useState('');
  const [returnTo, setReturnTo] = useState('');
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [done, setDone] = useState<TaskAction | null>(null);
  const loadTimeline = () => api<{ items: TimelineEntry[] }>('GET', `/flow-instances/${task.instanceId}/timeline`).then((x) => setTimeline(x.items), (error: unknown) => setProblems(problemsOf(error)));
  useEffect(() => {
    void loadTimeline();
    // only admins may list users; others type nothing and cannot reassign by name
    api<UserSummary[]>('GET', '/users').then(setUsers, () => setUsers([]));
  }, []);
  const nameOf = (id: string | null) => (id === null ? t('admin.inbox.system') : users.find((u) => u.id === id)?.displayName ?? id);

  const act = (type: TaskAction) => {
    setProblems([]);
    api('POST', `/tasks/${task.id}/actions`, actionBody(type, comment, { reassignTo, returnTo })).then(() => {
      setDone(type);
      void loadTimeline();
      onDone();
    }, (error: unknown) => setProblems(problemsOf(error)));
  };

  return (
    <div className="column">
      <section className="panel" aria-labelledby="task-title">
        <h2 id="task-title">{pick(task.label)}</h2>
        <p className="muted">{t('admin.inbox.assignees', { list: task.assignees.map(nameOf).join(', ') })}</p>
        {done !== null ? <p className="ok" role="status">{t('admin.inbox.done', { action: t(`admin.inbox.actions.${done}`) })}</p> : (
          <>
            <label className="field">
              <span>{t('admin.inbox.comment')}</span>
              <textarea aria-label={t('admin.inbox.comment')} value={comment} onChange={(e) => setComment(e.target.value)} rows={3} />
            </label>
            <label className="field">
              <span>{t('admin.inbox.returnTo')}</span>
              <select aria-label={t('admin.inbox.returnTo')} value={returnTo} onChange={(e) => setReturnTo(e.target.value)}>
                <option value="">{t('admin.inbox.previousStep')}</option>
                {earlierSteps(timeline, task.node).map((s) => <option key={s.node} value={s.node}>{pick(s.step)}</option>)}
              </select>
            </label>
            <label className="field">
              <span>{t('admin.inbox.reassignTo')}</span>
              {users.length > 0 ? (
                <select aria-label={t('admin.inbox.reassignTo')} value={reassignTo} onChange={(e) => setReassignTo(e.target.value)}>
                  <option value="">—</option>
                  {users.map((u) => <option key={u.id} value={u.id}>{u.displayName}</option>)}
                </select>
              ) : <input aria-label={t('admin.inbox.reassignTo')} value={reassignTo} onChange={(e) => setReassignTo(e.target.value)} />}
            </label>
            <div className="toolbar">
              {ACTIONS.map((a) => <button key={a} type="button" onClick={() => act(a)}>{t(`admin.inbox.actions.${a}`)}</button>)}
            </div>
          </>
        )}
        <div role="alert"><ProblemList problems={problems} showPaths /></div>
      </section>
      <section className="panel" aria-labelledby="task-timeline">
        <h2 id="task-timeline">{t('admin.inbox.timeline')}</h2>
        <ol className="timeline">
          {timeline.map((e) => (
            <li key={e.seq} data-action={e.action}>
              <strong>{nameOf(e.actor)}</strong> {pick(e.what)}{e.step !== undefined && <> · {pick(e.step)}</>} <time dateTime={e.at} className="muted">{formatTime(e.at, locale)}</time>
              {e.comment !== undefined && <p className="muted">“{e.comment}”</p>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
