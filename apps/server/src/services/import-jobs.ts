/**
 * Progress of long record imports. A job lives in the memory of the server process that runs it:
 * progress is only interesting while the import runs, and the result (applied or not) is in the
 * database and its audit trail. Finished jobs are kept for a while so a client polling late still
 * sees the outcome, then dropped so the table does not grow without bound.
 */
import { randomUUID } from 'node:crypto';

export type ImportJobState = 'running' | 'done' | 'failed';

export interface ImportJob<R = unknown> {
  readonly id: string;
  /** who started it: only they may read it */
  readonly owner: string;
  state: ImportJobState;
  /** rows handled so far, of `total` */
  processed: number;
  total: number;
  /** the import report once done, the failure once failed */
  result?: R;
}

export interface ImportJobs<R> {
  start(owner: string, total: number): ImportJob<R>;
  get(id: string): ImportJob<R> | undefined;
  finish(job: ImportJob<R>, state: Exclude<ImportJobState, 'running'>, result: R): void;
}

export function createImportJobs<R>(keepFinished = 100): ImportJobs<R> {
  const jobs = new Map<string, ImportJob<R>>();
  const finished: string[] = [];
  return {
    start(owner, total) {
      const job: ImportJob<R> = { id: randomUUID(), owner, state: 'running', processed: 0, total };
      jobs.set(job.id, job);
      return job;
    },
    get: (id) => jobs.get(id),
    finish(job, state, result) {
      job.state = state;
      job.result = result;
      finished.push(job.id);
      // oldest finished first: running jobs are never dropped
      while (finished.length > keepFinished) jobs.delete(finished.shift() ?? '');
    },
  };
}
