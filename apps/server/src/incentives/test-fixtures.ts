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

export async function importPrograms(storage: Storage): Promise<void> {
  await importTemplate(storage, loadPrmTemplate(), { actor: 'test' });
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
