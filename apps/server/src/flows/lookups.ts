import type { FlowDefinition } from '@trellis/definitions';
import { getPath, type JsonRecord } from '@trellis/flow';
import type { JsonObject, Rule, StorageTx } from '@trellis/storage';

/**
 * The flow's lookups for one transition: for each, the records of its entity whose fields equal
 * the flow record's (`match`), ordered and limited as declared. Read inside the transaction, so
 * rules see the data as of the transition.
 */
export async function readLookups(tx: StorageTx, app: string, flow: FlowDefinition, record: JsonObject): Promise<Record<string, JsonRecord[]>> {
  const result: Record<string, JsonRecord[]> = {};
  for (const lookup of flow.lookups ?? []) {
    const conditions = Object.entries(lookup.match).map(([theirs, ours]) => ({ '==': [{ var: theirs }, getPath(record, ours)] }));
    const page = await tx.records.list({
      app,
      entity: lookup.entity,
      filter: { and: conditions } as Rule,
      ...(lookup.orderBy === undefined ? {} : { sort: [{ field: lookup.orderBy.field, direction: lookup.orderBy.direction }] }),
      limit: lookup.limit,
    });
    result[lookup.id] = page.items.map((r) => r.data);
  }
  return result;
}
