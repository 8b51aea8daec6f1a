import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { latestInstance, myOpenTaskOn, type Task } from '../api/flows.js';
import { records, type RecordView } from '../api/records.js';
import { FieldList, FieldValue } from '../common/FieldValue.js';
import { NotReady } from '../common/Status.js';
import { useLoad } from '../common/useLoad.js';
import { PORTAL } from '../config.js';
import { useLocale } from '../i18n/i18n.js';
import { FlowProgress } from './FlowProgress.js';
import { loadEntity } from './useEntity.js';

export interface RecordInFlowProps {
  readonly entity: string;
  readonly id: string;
  /** the kinds of my open task on the record that the page offers */
  readonly taskKinds: readonly Task['kind'][];
  readonly statusField: string;
  /** names the status badge for tests and assistive links */
  readonly statusTestId: string;
  readonly title: (record: RecordView) => string;
  /** what to do next, given my open task on the record (if any) */
  readonly action: (record: RecordView, task: Task | null) => ReactNode;
  readonly summaryTitle: string;
  readonly summaryFields: readonly string[];
}

/**
 * One of my records as its flow carries it: the status, the next thing to do, where the flow is
 * and who has it, and a summary. The application and MDF request pages are this with other data.
 */
export function RecordInFlow(props: RecordInFlowProps) {
  const { t } = useTranslation();
  const { entity, id, taskKinds } = props;
  const [loaded] = useLoad(async () => ({
    definition: await loadEntity(entity),
    record: await records.get(PORTAL.app, entity, id),
    instance: await latestInstance(PORTAL.app, id),
    task: await myOpenTaskOn(id, taskKinds),
  }), [entity, id]);
  if (loaded.state !== 'ready') return <NotReady loaded={loaded} />;
  const { definition, record, instance, task } = loaded.value;
  const summaryId = `${props.statusTestId}-summary`;
  return (
    <>
      <header className="page-header">
        <h1>{props.title(record)}</h1>
        <p>
          {t('home.status')}: <strong className="badge" data-testid={props.statusTestId}>
            <FieldValue field={props.statusField} value={record.data[props.statusField]} />
          </strong>
        </p>
      </header>
      {props.action(record, task)}
      {instance !== null ? <FlowProgress instance={instance} /> : null}
      <section className="card" aria-labelledby={summaryId}>
        <h2 id={summaryId}>{props.summaryTitle}</h2>
        <FieldList definition={definition} data={record.data} fields={props.summaryFields} />
      </section>
    </>
  );
}

/** The button that opens my task on the record, named by the task. */
export function OpenTask({ task }: { readonly task: Task }) {
  const { pick } = useLocale();
  return <p><Link className="button primary" to={`/tasks/${task.id}`}>{pick(task.label)}</Link></p>;
}
