import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import type { RouteProps } from '../../shell/routes.js';
import { hrefOf } from '../../shell/hash-route.js';
import '../workspace.css';
import { TaskPanel } from './TaskPanel.js';
import type { Task } from './types.js';
import { formatTime } from '../format-time.js';

/** `#/inbox[/TASK]`: my open tasks, longest waiting first; a task's actions and its flow's timeline. */
export function InboxScreen({ params }: RouteProps) {
  const { t } = useTranslation();
  const { pick, locale } = useLocale();
  const [selected] = params;
  const [tasks, setTasks] = useState<readonly Task[] | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const load = useCallback(() => {
    api<{ items: Task[] }>('GET', '/tasks?status=open').then((page) => setTasks(page.items), (error: unknown) => setProblems(problemsOf(error)));
  }, []);
  useEffect(load, [load]);
  // the acted-on task leaves the open list but its panel stays, to show the result and the timeline
  const [task, setTask] = useState<Task | undefined>(undefined);
  useEffect(() => {
    const found = tasks?.find((x) => x.id === selected);
    if (found !== undefined || selected === undefined) setTask(found);
  }, [tasks, selected]);
  return (
    <div className="screen inbox workspace">
      <header className="screen-header"><h1>{t('admin.inbox.title')}</h1></header>
      <div role="alert"><ProblemList problems={problems} /></div>
      <div className="columns">
        <section className="panel" aria-labelledby="inbox-tasks">
          <h2 id="inbox-tasks">{t('admin.inbox.open')}</h2>
          {tasks === null ? <p className="muted">{t('admin.common.loading')}</p> : tasks.length === 0 ? <p className="muted">{t('admin.inbox.empty')}</p> : (
            <table className="records-table">
              <thead><tr><th>{t('admin.inbox.task')}</th><th>{t('admin.inbox.flow')}</th><th>{t('admin.inbox.record')}</th><th>{t('admin.inbox.opened')}</th></tr></thead>
              <tbody>
                {tasks.map((x) => (
                  <tr key={x.id} data-task={x.id} aria-selected={x.id === selected} className={x.overdue === true ? 'overdue' : undefined}>
                    <td><a href={hrefOf('inbox', x.id)}>{pick(x.label)}</a>{x.overdue === true && <span className="badge">{t('admin.inbox.overdue')}</span>}</td>
                    <td><code>{x.flowId}</code></td>
                    <td>{x.entity !== undefined && x.recordId != null ? <a href={hrefOf('records', x.app, x.entity, x.recordId)}>{x.entity}</a> : ''}</td>
                    <td><time dateTime={x.openedAt}>{formatTime(x.openedAt, locale)}</time></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {task !== undefined && task.id === selected && <TaskPanel key={task.id} task={task} onDone={load} />}
      </div>
    </div>
  );
}
