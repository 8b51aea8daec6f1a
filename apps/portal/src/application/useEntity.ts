import type { EntityDefinition } from '@trellis/definitions';
import { publishedDefinition } from '../api/records.js';
import { PORTAL } from '../config.js';

const cache = new Map<string, Promise<EntityDefinition>>();

/** The published definition of one of the app's entities, fetched once per page load. */
export function loadEntity(entity: string): Promise<EntityDefinition> {
  let pending = cache.get(entity);
  if (pending === undefined) {
    pending = publishedDefinition<EntityDefinition>(PORTAL.app, 'entity', entity).then((d) => d.body);
    pending.catch(() => cache.delete(entity));
    cache.set(entity, pending);
  }
  return pending;
}
