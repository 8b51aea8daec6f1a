import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { flows, type Task } from '../api/flows.js';
import { NotReady } from '../common/Status.js';
import { useFormats } from '../common/useFormats.js';
import { useLoad } from '../common/useLoad.js';
import { PORTAL } from '../config.js';
import { useLocale } from '../i18n/i18n.js';

/** Where a task is done: a correction in the application wizard, anything else on the task page. */
export function taskLink(task: Task): string {
  if (task.kind === 'resubmit' && task.entity === PORTAL.application.entity && task.recordId !== null) return `/applications/${task.recordId}/edit`;
  return `/tasks/${task.id}`;
}

/** My open tasks: what the flows wait for me to do (sign, claim, correct), oldest first. */
export function TasksPage() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const format = useFormats();
  const [loaded] = useLoad(() => flows.myTasks('open'), []);
  if (loaded.state !== 'ready') return <NotReady loaded={loaded} />;
  const { items } = loaded.value;
  return (
    <>
      <header className="page-header"><h1>{t('tasks.title')}</h1></header>
      {items.length === 0 ? <p className="card">{t('tasks.none')}</p> : (
        <ul className="task-list">
          {items.map((task) => (
            <li key={task.id} className="card">
              <Link to={taskLink(task)}>{task.kind === 'resubmit' ? t('tasks.correct', { step: pick(task.label) }) : pick(task.label)}</Link>
              <p className="muted">
                {t('tasks.since', { date: format.dateTime(task.openedAt) })}
                {task.dueAt ? ` · ${t('tasks.due', { date: format.dateTime(task.dueAt) })}` : ''}
                {task.overdue === true ? <strong className="overdue"> · {t('tasks.overdue')}</strong> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
