import type { JsonValue } from '@trellis/storage';
import type { JobHandler, JobRegistry } from './types.js';

/** The handlers by kind. Modules register their kinds at start-up; the worker looks them up. */
export function createJobRegistry(): JobRegistry {
  const handlers = new Map<string, JobHandler>();
  return {
    register<P extends JsonValue, R>(kind: string, handler: JobHandler<P, R>) {
      if (handlers.has(kind)) throw new Error(`job kind "${kind}" already has a handler`);
      // The worker hands each handler only jobs of its own kind, whose payload it wrote.
      handlers.set(kind, handler as unknown as JobHandler);
    },
    get: (kind) => handlers.get(kind),
    kinds: () => [...handlers.keys()],
  };
}
