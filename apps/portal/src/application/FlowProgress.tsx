import { useTranslation } from 'react-i18next';
import type { FlowInstance } from '../api/flows.js';
import { useFormats } from '../common/useFormats.js';
import { useLocale } from '../i18n/i18n.js';

/** Timeline steps a partner cares about: not the machinery (timers, task openings). */
const SHOWN = new Set(['started', 'approved', 'auto_approved', 'rejected', 'returned', 'submitted', 'completed', 'withdrawn', 'commented']);

/**
 * Where a record stands in its flow: the steps waiting now (whose turn it is), what was sent back
 * and why, and the history of who did what when. Reviewers are named by their step, not by person.
 */
export function FlowProgress({ instance }: { instance: FlowInstance }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const format = useFormats();
  const open = instance.tasks.filter((task) => task.status === 'open');
  // steps are named in the timeline (instance tasks carry only their node)
  const steps = new Map((instance.timeline ?? []).flatMap((e) => (e.node !== undefined && e.step !== undefined ? [[e.node, e.step] as const] : [])));
  const timeline = (instance.timeline ?? []).filter((e) => SHOWN.has(e.action));
  const returned = [...timeline].reverse().find((e) => e.action === 'returned');
  const all = [...(instance.timeline ?? [])].reverse();
  // a flow resting at a wait (until a date) has no task open: name the wait instead of "processing"
  const rest = all.find((e) => e.action === 'waiting' || e.action === 'resumed');
  const waitingAt = rest?.action === 'waiting' ? rest.step : undefined;
  const endedAt = all.find((e) => e.action === 'completed')?.step;
  return (
    <section className="card" aria-labelledby="flow-title">
      <h2 id="flow-title">{t('flow.title')}</h2>
      {instance.status === 'running' ? (
        <p data-testid="flow-current">
          {open.some((task) => task.kind === 'resubmit') ? t('flow.yourTurn')
            : open.length === 0 ? (waitingAt !== undefined ? t('flow.waiting', { steps: pick(waitingAt) }) : t('flow.processing'))
              : t('flow.waiting', { steps: [...new Set(open.map((task) => pick(steps.get(task.node), task.node)))].join(t('flow.and')) })}
        </p>
      ) : (
        <p data-testid="flow-current">
          {instance.status === 'completed' && endedAt !== undefined ? t('flow.completedAs', { outcome: pick(endedAt) }) : t(`flow.${instance.status}`)}
        </p>
      )}
      {returned !== undefined && open.some((task) => task.kind === 'resubmit') ? (
        <div className="notice info" role="note" data-testid="flow-returned">
          <strong>{t('flow.returned', { date: format.dateTime(returned.at), step: returned.step === undefined ? '' : pick(returned.step) })}</strong>
          {returned.comment !== undefined ? <p className="quote">{returned.comment}</p> : null}
        </div>
      ) : null}
      <ol className="timeline" aria-label={t('flow.history')}>
        {timeline.map((e) => (
          <li key={e.seq}>
            <time dateTime={e.at}>{format.dateTime(e.at)}</time>
            <span>{e.step === undefined ? pick(e.what) : `${pick(e.step)} · ${pick(e.what)}`}</span>
            {e.comment !== undefined ? <span className="quote">{e.comment}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
