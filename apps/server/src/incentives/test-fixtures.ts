/**
 * Test data for incentive runs: the PRM template's programs (as data, imported like any template)
 * and hand-made subject and performance records written straight to storage.
 */
import type { Storage } from '@trellis/storage';
import { loadPrmTemplate } from '@trellis/seed';
import { importTemplate } from '../services/import-template.js';
import { startRun, type StartRun } from './run.js';
import type { IncentiveRun } from './types.js';

export const APP = 'prm';

/** The PRM template, optionally changed first (e.g. a program without its approval flow). */
export async function importPrograms(storage: Storage, change?: (template: ReturnType<typeof loadPrmTemplate>) => void): Promise<void> {
  const template = loadPrmTemplate();
  change?.(template);
  await importTemplate(storage, template, { actor: 'test' });
}

/** Users with the finance role (the PRM approval flow's approvers), by fixed id: finance-1, finance-2, finance-3. */
export const FINANCE = ['00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000f2', '00000000-0000-4000-8000-0000000000f3'] as const;

export async function addFinanceUsers(storage: Storage): Promise<void> {
  await storage.transaction(async (tx) => {
    for (const [i, id] of FINANCE.entries()) {
      await tx.users.create({ id, username: `finance-${i + 1}`, displayName: `Finance ${i + 1}`, passwordHash: 'x', roles: ['finance'] });
    }
  });
}

/** A partner every PRM program admits; `extra` overrides fields. */
export function partner(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    partnerId: id, name: id, status: 'active', tierMetal: 'gold', kind: 'distributor', region: 'east',
    certifications: [{ name: 'basic' }], warnings: [], joinedOn: '2020-01-01', ...extra,
  };
}

export function performance(partnerId: string, period: string, actual: number | string, target: number | string, extra: Record<string, unknown> = {}) {
  return { partnerId, period, actual, target, ...extra };
}

export async function insert(storage: Storage, entity: string, records: readonly Record<string, unknown>[]): Promise<string[]> {
  return storage.transaction(async (tx) => {
    const ids: string[] = [];
    for (const data of records) {
      ids.push((await tx.records.create({ app: APP, entity, definitionVersion: 1, data: data as never, actor: 'test' })).id);
    }
    return ids;
  });
}

/** Starts a run and waits for it to end. */
export async function runToEnd(storage: Storage, request: Omit<StartRun, 'app' | 'actor'> & { actor?: string }): Promise<IncentiveRun> {
  const started = await startRun(storage, { app: APP, actor: 'finance-1', ...request });
  const run = await started.done;
  if (run === null) throw new Error('the run could not finish');
  return run;
}
