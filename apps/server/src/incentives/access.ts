/**
 * Who may do what with incentive runs, from the app's permission grants (no role names in code):
 * managing runs (start, cancel, results, diff, export, submit, approve) needs an unscoped `export`
 * grant on the subject entity of every program of the run, i.e. seeing every subject it pays;
 * admins always may. One subject's result (explanation, statement, calculator) is also readable by
 * whoever may read that subject's record (row scope: a partner user sees its own organisation).
 */
import { TrellisError } from '@trellis/errors';
import type { Storage } from '@trellis/storage';
import { ADMIN_ROLE } from '../identity/session-user.js';
import type { Actor } from '../services/actor.js';
import { loadAppModel } from '../services/app-model.js';
import { runProblems } from './problems.js';

export async function mayManage(storage: Storage, actor: Actor, app: string, subjectEntities: readonly string[]): Promise<boolean> {
  if (actor.roles.includes(ADMIN_ROLE)) return true;
  const model = await loadAppModel(storage.read, app);
  return subjectEntities.length > 0 && subjectEntities.every((entity) => model.permissions.scopeFor(actor, entity, 'export') === true);
}

export async function requireManage(storage: Storage, actor: Actor, app: string, subjectEntities: readonly string[]): Promise<void> {
  if (!(await mayManage(storage, actor, app, subjectEntities))) throw new TrellisError([runProblems.forbidden('manage')]);
}

/** Whether the actor may read the subject's record (its read grants' row scope). */
export async function mayReadSubject(storage: Storage, actor: Actor, app: string, entity: string, record: string | null): Promise<boolean> {
  if (record === null) return false;
  const model = await loadAppModel(storage.read, app);
  const scope = model.permissions.scopeFor(actor, entity, 'read');
  if (scope === false) return false;
  const found = await storage.read.records.get(record, {
    app, entity, ...(scope === true ? {} : { scope }),
  });
  return found !== null;
}
