/** What every incentive route needs: the caller as an actor, the run (of this app), the access checks. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TrellisError, problem } from '@trellis/errors';
import { requireManage } from '../../incentives/access.js';
import { runProblems } from '../../incentives/problems.js';
import { runStore } from '../../incentives/store.js';
import type { IncentiveRun } from '../../incentives/types.js';
import { requireUser } from '../../plugins/auth.js';
import type { Actor } from '../../services/actor.js';

export function actorOf(request: FastifyRequest): Actor {
  const user = requireUser(request);
  return { id: user.id, roles: user.roles, partnerOrg: user.partnerOrg, regions: user.regions };
}

/** The run when it exists in this app; INCENTIVE_RUN_NOT_FOUND otherwise. */
export async function runOf(app: FastifyInstance, appId: string, id: string): Promise<IncentiveRun> {
  const run = await runStore(app.storage.sql).get(id);
  if (run === null || run.app !== appId) throw new TrellisError([runProblems.runNotFound(id)]);
  return run;
}

/** The run, when the caller may manage it. */
export async function managedRun(app: FastifyInstance, request: FastifyRequest, appId: string, id: string): Promise<IncentiveRun> {
  const run = await runOf(app, appId, id);
  await requireManage(app.storage, actorOf(request), appId, run.programs.map((p) => p.subjectEntity));
  return run;
}

/** Keyset cursors: the last (program, subject) of a page, opaque to clients. */
export function encodeCursor(last: { program: string; subject: string } | undefined, full: boolean): string | null {
  return last === undefined || !full ? null : Buffer.from(JSON.stringify([last.program, last.subject])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { program: string; subject: string } | null {
  if (cursor === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [program, subject] = value as unknown[];
      if (typeof program === 'string' && typeof subject === 'string') return { program, subject };
    }
  } catch {
    // a damaged cursor is refused below
  }
  throw new TrellisError([problem('INCENTIVE_BAD_CURSOR', 'after', { en: 'The cursor is damaged', 'zh-CN': '游标已损坏' })]);
}
