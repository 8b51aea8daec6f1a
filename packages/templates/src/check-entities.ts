import { problemsUnder, type Problem } from '@trellis/errors';
import { checkFormDefinition } from '@trellis/forms';
import { isError } from './severity.js';
import type { TemplateIndex } from './template-index.js';

export interface EntityCheck {
  readonly problems: Problem[];
  /** entities without errors: only their schemas are safe to compile and run (no hostile patterns) */
  readonly sound: ReadonlySet<string>;
}

/** Each entity as the form runtime will use it: schema safety, field names, its own rules. */
export function checkEntities(index: TemplateIndex): EntityCheck {
  const problems: Problem[] = [];
  const sound = new Set<string>();
  for (const entity of index.entities) {
    const found = problemsUnder(`entities.${entity.id}`, checkFormDefinition(entity));
    problems.push(...found);
    if (!found.some(isError)) sound.add(entity.id);
  }
  return { problems, sound };
}
