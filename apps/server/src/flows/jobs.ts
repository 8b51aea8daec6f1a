/**
 * The flow runtime's job kinds. `flow.timer`: an SLA reminder or escalation, or a wait, fires as
 * `timer_fired` by the system in the job's transaction (a timer the state no longer holds changes
 * nothing). `flow.schedule`: a schedule trigger's run starts the flow on every record its filter
 * matches, then plants the next run. Both write inside the job's completing transaction, so a
 * crash before commit leaves the job to be claimed again and nothing half done.
 */
import { isTrellisError } from '@trellis/errors';
import { nextScheduledRun, SYSTEM_ACTOR, type WorkCalendar } from '@trellis/flow';
import type { FlowTrigger } from '@trellis/definitions';
import type { Rule, StorageTx } from '@trellis/storage';
import { enqueueJob } from '../jobs/enqueue.js';
import type { JobRegistry } from '../jobs/types.js';
import { latestFlow, type VersionedFlow } from './definitions.js';
import { FLOW_TIMER_JOB, type TimerPayload } from './effects.js';
import { applyToLocked, startFlow } from './run.js';
import { flowScope } from './scope.js';

export const FLOW_SCHEDULE_JOB = 'flow.schedule';

type SchedulePayload = { readonly app: string; readonly flowId: string };
type ScheduleTrigger = Extract<FlowTrigger, { on: 'schedule' }>;

/** Refusals that mean "nothing to do" (the instance ended meanwhile), not "try again". */
const SETTLED = new Set(['FLOW_INSTANCE_CLOSED', 'FLOW_TASK_CLOSED', 'FLOW_TASK_NOT_FOUND']);

function scheduleTrigger(flow: VersionedFlow): ScheduleTrigger | null {
  const start = flow.definition.nodes.find((n) => n.type === 'start');
  const trigger = (start?.settings as { trigger?: FlowTrigger } | undefined)?.trigger;
  return trigger?.on === 'schedule' ? trigger : null;
}

/** Queues the next run of a schedule after `after` (one job per run time, so planting twice is harmless). */
async function planNext(tx: StorageTx, app: string, flow: VersionedFlow, after: Date, calendar: WorkCalendar): Promise<void> {
  const trigger = scheduleTrigger(flow);
  const next = trigger === null ? null : nextScheduledRun(trigger, after.toISOString(), calendar);
  if (next === null) return;
  const payload: SchedulePayload = { app, flowId: flow.definition.id };
  await enqueueJob(tx, { kind: FLOW_SCHEDULE_JOB, runAt: next, payload, dedupeKey: `${FLOW_SCHEDULE_JOB}:${app}:${flow.definition.id}:${next}` });
}

/** Plants the next run of every scheduled flow of an app (after an import or a publish). */
export async function plantSchedules(tx: StorageTx, app: string, now: Date, calendar: WorkCalendar): Promise<void> {
  for (const version of await tx.definitions.listPublished(app, 'flow')) {
    await planNext(tx, app, { definition: version.body as never, version: version.version }, now, calendar);
  }
}

const PAGE = 500;

export function registerFlowJobs(registry: JobRegistry, calendar: WorkCalendar): void {
  registry.register<TimerPayload, void>(FLOW_TIMER_JOB, {
    async complete(tx, job, _performed, context) {
      const scope = flowScope(tx, { now: context.now, calendar });
      const instance = await tx.flowInstances.lock(job.payload.instanceId);
      if (instance === null || instance.status !== 'running') return;
      try {
        await applyToLocked(scope, instance, { type: 'timer_fired', timerId: job.payload.timerId }, SYSTEM_ACTOR);
      } catch (error) {
        const code = isTrellisError(error) ? error.problems[0]?.code : (error as { code?: string }).code;
        if (code === undefined || !SETTLED.has(code)) throw error;
      }
    },
  });

  registry.register<SchedulePayload, void>(FLOW_SCHEDULE_JOB, {
    async complete(tx, job, _performed, context) {
      const { app, flowId } = job.payload;
      const flow = await latestFlow(tx, app, flowId);
      const trigger = scheduleTrigger(flow);
      const entity = flow.definition.entity;
      if (trigger === null || entity === undefined) return;
      const scope = flowScope(tx, { now: context.now, calendar });
      let after: string | null = null;
      do {
        const page = await tx.records.list({
          app, entity, limit: PAGE, sort: [{ field: '$createdAt', direction: 'asc' }],
          ...(trigger.filter === undefined ? {} : { filter: trigger.filter as Rule }), ...(after === null ? {} : { after }),
        });
        for (const record of page.items) await startFlow(scope, { app, flow, record, actor: SYSTEM_ACTOR });
        after = page.nextCursor;
      } while (after !== null);
      await planNext(tx, app, flow, new Date(job.runAt), calendar);
    },
  });
}
