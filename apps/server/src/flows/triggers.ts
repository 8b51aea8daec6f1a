/**
 * Record writes and flows, in the record write's own transaction: running instances of the record
 * hear `record_changed` (a wait on a date field follows it), then every published flow of the
 * entity (`flows`, from the app model the write was checked with) whose start trigger fires on
 * this write starts. Writes made by flows themselves do not come through here, so a flow's own
 * changes cannot start flows in a loop.
 */
import { TrellisError, type Problem } from '@trellis/errors';
import { SYSTEM_ACTOR, triggerFires } from '@trellis/flow';
import type { JsonObject, StoredRecord } from '@trellis/storage';
import type { VersionedFlow } from './definitions.js';
import { actOnInstance, startFlow } from './run.js';
import type { FlowScope } from './scope.js';

export interface RecordWritten {
  readonly kind: 'created' | 'updated';
  readonly before: JsonObject | null;
  readonly record: StoredRecord;
  readonly actor: string;
}

/** Returns the record as it stands after the flows ran (they may have changed it). */
export async function flowsOnRecordWrite(scope: FlowScope, event: RecordWritten, flows: readonly VersionedFlow[]): Promise<StoredRecord> {
  const { app, id } = event.record;
  let changed = false;
  if (event.kind === 'updated') {
    for (const instanceId of await scope.tx.flowInstances.runningForRecord(id)) {
      const done = await actOnInstance(scope, { instanceId, action: { type: 'record_changed' }, actor: SYSTEM_ACTOR });
      changed ||= done.record !== null && done.record.revision !== event.record.revision;
    }
  }
  let record = changed ? ((await scope.tx.records.get(id)) ?? event.record) : event.record;
  for (const flow of flows) {
    const fires = await scope.withDirectory((directory) => triggerFires(flow.definition, { kind: event.kind, before: event.before, after: event.record.data }, {
      now: scope.now.toISOString(), actor: event.actor, record: event.record.data, directory, calendar: scope.calendar,
    }));
    if (!fires.ok) throw new TrellisError(fires.problems as [Problem, ...Problem[]]);
    if (!fires.value) continue;
    const started = await startFlow(scope, { app, flow, record, actor: event.actor });
    record = started.record ?? record;
  }
  return record;
}
