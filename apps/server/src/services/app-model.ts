/**
 * What serving an app's records needs from its published definitions: the entities (forms), the
 * compiled permission model and the flows record writes start. Built once per set of published
 * versions and kept: each request asks storage only for the fingerprint of the published versions
 * (a count, no bodies; a signed-in request has it already, read with its session) and rebuilds the
 * model only when a publish changed it — in this process or another on the same database. Cached
 * per storage, since tests run several databases in one process.
 */
import type { EntityDefinition, FlowDefinition, PermissionDefinition } from '@trellis/definitions';
import { TrellisError } from '@trellis/errors';
import { compilePermissions, type PermissionModel } from '@trellis/permissions';
import type { StorageReader } from '@trellis/storage';
import type { VersionedFlow } from '../flows/definitions.js';
import { serviceProblems } from './problems.js';

export interface PublishedEntity {
  readonly app: string;
  readonly version: number;
  readonly definition: EntityDefinition;
}

export interface AppModel {
  readonly app: string;
  readonly permissions: PermissionModel;
  /** the latest published version of the entity; ENTITY_NOT_FOUND (404) when there is none */
  entity(id: string): PublishedEntity;
  /** the latest published version of every flow on the entity (record writes check their triggers) */
  flowsOn(entity: string): readonly VersionedFlow[];
}

type Reader = Pick<StorageReader, 'definitions'>;

const cache = new WeakMap<Reader, Map<string, { key: string; model: AppModel }>>();

async function build(reader: Reader, app: string): Promise<AppModel> {
  const published = await reader.definitions.listPublished(app);
  const bodies = (kind: string) => published.filter((d) => d.kind === kind);
  const entities = new Map(bodies('entity').map((d) => [d.id, { app, version: d.version, definition: d.body as unknown as EntityDefinition }]));
  const permissions = compilePermissions(
    bodies('permission').map((d) => d.body as unknown as PermissionDefinition),
    bodies('role').map((d) => d.id),
    { entities: [...entities.values()].map((e) => e.definition) },
  );
  const flows = bodies('flow').map((d) => ({ definition: d.body as unknown as FlowDefinition, version: d.version }));
  return {
    app,
    permissions,
    entity(id) {
      const found = entities.get(id);
      if (found === undefined) throw new TrellisError([serviceProblems.entityNotFound(id)]);
      return found;
    },
    flowsOn: (entity) => flows.filter((f) => f.definition.entity === entity),
  };
}

/** `fingerprint`: DefinitionReader.publishedFingerprint when the caller has read it already. */
export async function loadAppModel(reader: Reader, app: string, fingerprint?: string): Promise<AppModel> {
  // read before the definitions: a publish in between only makes the next request build again
  const key = fingerprint ?? (await reader.definitions.publishedFingerprint());
  let perApp = cache.get(reader);
  if (perApp === undefined) cache.set(reader, (perApp = new Map()));
  const cached = perApp.get(app);
  if (cached !== undefined && cached.key === key) return cached.model;
  const model = await build(reader, app);
  perApp.set(app, { key, model });
  return model;
}
