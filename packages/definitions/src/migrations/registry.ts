import type { DefinitionKind } from '../kinds.js';
import { appTemplate1To2 } from './app-template-1-to-2.js';
import { program1To2 } from './program-1-to-2.js';
import type { JsonObject, Migration } from './migration.js';

/** Every migration step, for every kind. Add a step here when a format version changes. */
export const MIGRATIONS: readonly Migration[] = [appTemplate1To2, program1To2];

/** The steps leading from one version to another, in order, or undefined when there is no way. */
export function migrationPath(
  kind: DefinitionKind,
  from: number,
  to: number,
  migrations: readonly Migration[] = MIGRATIONS,
): Migration[] | undefined {
  const steps: Migration[] = [];
  let version = from;
  while (version !== to) {
    const step = migrations.find((m) => m.kind === kind && m.from === version && m.to > version);
    if (step === undefined) return undefined;
    steps.push(step);
    version = step.to;
  }
  return steps;
}

export function applyMigrations(doc: Readonly<JsonObject>, steps: readonly Migration[]): JsonObject {
  return steps.reduce<JsonObject>((current, step) => step.migrate(current), doc);
}
