import type { EntityDefinition, FlowDefinition } from '@trellis/definitions';
import { TrellisError } from '@trellis/errors';
import type { StorageReader } from '@trellis/storage';
import { serviceProblems } from '../services/problems.js';
import { flowServiceProblems } from './problems.js';

export interface VersionedFlow {
  readonly definition: FlowDefinition;
  readonly version: number;
}

type Definitions = Pick<StorageReader, 'definitions'>;

/** A flow at the version an instance runs (versions are immutable). */
export async function flowAt(reader: Definitions, app: string, id: string, version: number): Promise<VersionedFlow> {
  const found = await reader.definitions.getVersion({ app, kind: 'flow', id, version });
  if (found === null) throw new TrellisError([serviceProblems.definitionNotFound('flow', id, version)]);
  return { definition: found.body as unknown as FlowDefinition, version };
}

/** The latest published version of a flow; FLOW_NOT_FOUND when there is none. */
export async function latestFlow(reader: Definitions, app: string, id: string): Promise<VersionedFlow> {
  const found = await reader.definitions.getPublished({ app, kind: 'flow', id });
  if (found === null) throw new TrellisError([flowServiceProblems.flowNotFound(id)]);
  return { definition: found.body as unknown as FlowDefinition, version: found.version };
}

/** The published entity a record is validated with; ENTITY_NOT_FOUND when there is none. */
export async function entityAt(reader: Definitions, app: string, id: string): Promise<{ definition: EntityDefinition; version: number }> {
  const found = await reader.definitions.getPublished({ app, kind: 'entity', id });
  if (found === null) throw new TrellisError([serviceProblems.entityNotFound(id)]);
  return { definition: found.body as unknown as EntityDefinition, version: found.version };
}
