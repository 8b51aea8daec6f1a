/**
 * Incentive runs: start (checks, the run row, then the computation in the background), the
 * streaming computation, and cancel. A run reads its subjects and their period records one keyset
 * page at a time and writes each page's results in one statement, so memory stays flat as the
 * number of subjects grows; progress is persisted per page, and a cancel asked for (by any
 * process) is seen at the next page. Rerunning a period replaces its draft: when the new run has
 * computed, the previous draft becomes `superseded` (kept as the base of the diff until the next
 * rerun) and older drafts are removed. A run of a period that already has a final run corrects
 * it: its differences become adjustment lines.
 */
import { isTrellisError, TrellisError } from '@trellis/errors';
import { periodRange, type ProgramResult } from '@trellis/incentives';
import type { JsonValue, Storage } from '@trellis/storage';
import { PageMetrics } from './metrics-sql.js';
import { applyProgramCapStored } from './program-cap.js';
import { programsForRun, type RunProgram } from './programs.js';
import { runProblems } from './problems.js';
import { runStore } from './store.js';
import { countSubjects, subjectPages } from './subjects.js';
import { evaluatePage, storedResult } from './evaluate-page.js';
import type { IncentiveRun, StoredResult } from './types.js';

export interface StartRun {
  readonly app: string;
  readonly period: string;
  /** program ids; absent: every program in force for the period */
  readonly programs?: readonly string[];
  readonly context?: Readonly<Record<string, JsonValue>>;
  readonly actor: string;
  readonly requestId?: string | null;
  /** subjects per page (default 500) */
  readonly pageSize?: number;
  /** after each page, with the persisted progress (the CLI's progress bar) */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void | Promise<void>;
  /** checks the caller may run these programs (throws to refuse) before anything is written */
  readonly authorize?: (programs: readonly RunProgram[]) => Promise<void>;
  /** told of an unexpected failure (the run is marked failed with a generic problem) */
  readonly log?: (error: unknown) => void;
}

export interface StartedRun {
  readonly run: IncentiveRun;
  /** settles when the computation has ended (computed, cancelled or failed); null if the run could not be updated (storage closed) */
  readonly done: Promise<IncentiveRun | null>;
}

const BUSY = ['running', 'submitted', 'approved'] as const;
/** A page takes seconds; a run silent for this long is no longer computed by anyone. */
const ABANDONED_AFTER_MS = 15 * 60_000;
const REPLACEABLE = ['draft', 'cancelled', 'failed', 'superseded'] as const;

/** Groups programs reading the same subjects, so each subject page is read once for all of them. */
function bySubjects(programs: readonly RunProgram[]): RunProgram[][] {
  const groups = new Map<string, RunProgram[]>();
  for (const p of programs) {
    const key = `${p.definition.subjectEntity}\u0000${p.definition.subjectKey}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()];
}

async function ensureIndexes(storage: Storage, app: string, programs: readonly RunProgram[]): Promise<void> {
  const byEntity = new Map<string, Set<string>>();
  const want = (entity: string, path: string) => byEntity.set(entity, (byEntity.get(entity) ?? new Set()).add(path));
  for (const { definition } of programs) {
    want(definition.subjectEntity, definition.subjectKey);
    for (const m of definition.metrics) want(m.entity, m.subjectField);
  }
  for (const [entity, paths] of byEntity) {
    await storage.ensureFieldIndexes(app, entity, [...paths].map((path) => ({ path, type: 'string' as const })));
  }
}

class Cancelled extends Error {}

/**
 * A run's pages are garbage as soon as they are written, yet V8 lets its heap grow to several times
 * what is live before a full collection: with node's --expose-gc (how `pnpm trellis` starts node), a
 * full collection every few pages keeps a long run's memory near what it holds (at 100,000 partners
 * on PGlite: see the incentives benchmark). Without the flag, V8 decides alone.
 */
const collectGarbage = (globalThis as { gc?: () => void }).gc;
const PAGES_PER_COLLECTION = 4;

async function compute(storage: Storage, run: IncentiveRun, programs: readonly RunProgram[], request: StartRun): Promise<void> {
  const pageSize = request.pageSize ?? 500;
  const store = runStore(storage.sql);
  const groups = bySubjects(programs);
  let total = 0;
  for (const group of groups) {
    const first = (group[0] as RunProgram).definition;
    total += (await countSubjects(storage.sql, run.app, first.subjectEntity, first.subjectKey)) * group.length;
  }
  await store.setTotal(run.id, total, storage.now());
  let done = 0;
  let cancelled = false;
  // The write of a page overlaps the reads and evaluation of the next (on PostgreSQL they run on
  // other connections); at most one page waits to be written, so memory stays one page deep.
  let writing: Promise<void> = Promise.resolve();
  const input = { period: run.period, context: run.context };
  let pages = 0;
  try {
    for (const group of groups) {
      const first = (group[0] as RunProgram).definition;
      for await (const subjects of subjectPages(storage.sql, run.app, first.subjectEntity, first.subjectKey, pageSize)) {
        const metrics = new PageMetrics(storage.sql, run.app, run.period, subjects.map((s) => s.key), group.map((p) => p.definition));
        // the programs' metric queries go out together (on PostgreSQL, over several connections)
        const evaluated = await Promise.all(group.map((program) => evaluatePage(program, subjects, metrics, input)));
        const rows: StoredResult[] = group.flatMap((program, p) =>
          (evaluated[p] as ProgramResult[]).map((result, i) => storedResult(program, subjects[i] as (typeof subjects)[number], result)));
        await writing;
        if (cancelled) throw new Cancelled();
        writing = (async () => {
          await store.insertResults(run.id, rows);
          done += subjects.length * group.length;
          cancelled = await store.advance(run.id, subjects.length * group.length, storage.now());
          await request.onProgress?.({ done, total });
        })();
        writing.catch(() => undefined); // awaited before the next page or at the end; not unhandled meanwhile
        // (other requests, progress and cancel get their turn between statements: see the PGlite driver)
        pages += 1;
        if (collectGarbage !== undefined && pages % PAGES_PER_COLLECTION === 0) collectGarbage();
      }
    }
  } catch (error) {
    await writing.catch(() => undefined); // no write may land after the failed run's results are removed
    throw error;
  }
  await writing;
  if (cancelled) throw new Cancelled();
  for (const program of programs) await applyProgramCapStored(store, run.id, run.period, program, pageSize);
  if (run.correctsRun !== null) await store.writeAdjustments(run.id, run.correctsRun);
}

async function finish(storage: Storage, run: IncentiveRun, outcome: unknown, request: StartRun): Promise<void> {
  const actor = request.actor;
  const store = runStore(storage.sql);
  const now = storage.now().toISOString();
  if (outcome === null) {
    await storage.sql.transaction(async (tx) => {
      await store.transition(tx, run.id, ['running'], 'computed', { finished_at: now });
      if (run.previousRun !== null && run.previousRun !== run.correctsRun) {
        await store.transition(tx, run.previousRun, ['computed'], 'superseded');
      }
    });
    await storage.transaction((tx) => tx.audit.append({ action: 'incentive.run.computed', app: run.app, actor, after: { runId: run.id, period: run.period } }));
    return;
  }
  await store.deleteResults(run.id);
  if (outcome instanceof Cancelled) {
    await store.transition(storage.sql, run.id, ['running'], 'cancelled', { finished_at: now });
    return;
  }
  if (!isTrellisError(outcome)) request.log?.(outcome);
  const error = isTrellisError(outcome) ? { problems: outcome.problems } : { problems: [{ code: 'INTERNAL_ERROR', path: '', message: { en: 'The run failed', 'zh-CN': '核算失败' } }] };
  await store.transition(storage.sql, run.id, ['running'], 'failed', { finished_at: now, error: JSON.stringify(error) });
}

/** Checks the request, creates the run (status running) and computes it in the background. */
export async function startRun(storage: Storage, request: StartRun): Promise<StartedRun> {
  periodRange(request.period); // INCENTIVE_BAD_PERIOD_ID before anything else
  const programs = await programsForRun(storage.read, request.app, request.period, request.programs ?? null);
  await request.authorize?.(programs);
  await ensureIndexes(storage, request.app, programs);
  const store = runStore(storage.sql);
  const id = await storage.sql.transaction(async (tx) => {
    // a run that has not reported for so long lost its process (a restart): it is replaced like a failed one
    await store.abandon(tx, request.app, request.period, new Date(storage.now().getTime() - ABANDONED_AFTER_MS));
    const existing = await store.ofPeriod(tx, request.app, request.period);
    const busy = existing.find((r) => (BUSY as readonly string[]).includes(r.status));
    if (busy !== undefined) throw new TrellisError([runProblems.periodBusy(request.period, busy.id, busy.status)]);
    const final = existing.find((r) => r.status === 'final') ?? null;
    const previous = existing.find((r) => r.status === 'computed' || r.status === 'final') ?? null;
    for (const old of existing) {
      if ((REPLACEABLE as readonly string[]).includes(old.status)) await store.deleteRun(tx, old.id);
    }
    return store.create(tx, {
      app: request.app, period: request.period, requestedPrograms: request.programs ?? null,
      programs: programs.map((p) => ({ id: p.id, version: p.version, subjectEntity: p.definition.subjectEntity, subjectKey: p.definition.subjectKey })),
      context: request.context ?? {}, previousRun: previous?.id ?? null, correctsRun: final?.id ?? null, actor: request.actor, now: storage.now(),
    });
  });
  await storage.transaction((tx) => tx.audit.append({
    action: 'incentive.run.start', app: request.app, actor: request.actor, requestId: request.requestId ?? null,
    after: { runId: id, period: request.period, programs: programs.map((p) => `${p.id}@${p.version}`) },
  }));
  const run = await store.get(id) as IncentiveRun;
  const done = compute(storage, run, programs, request)
    .then(() => null, (error: unknown) => error)
    .then((outcome) => finish(storage, run, outcome, request))
    .then(() => store.get(id))
    .catch((error: unknown) => {
      request.log?.(error);
      return null;
    });
  return { run, done };
}

/** Asks a running run to stop; it stops at its next page and its partial results are removed. */
export async function cancelRun(storage: Storage, id: string, actor: string): Promise<IncentiveRun> {
  const store = runStore(storage.sql);
  const run = await store.get(id);
  if (run === null) throw new TrellisError([runProblems.runNotFound(id)]);
  if (!(await store.requestCancel(id))) throw new TrellisError([runProblems.badStatus(id, run.status, 'cancel')]);
  await storage.transaction((tx) => tx.audit.append({ action: 'incentive.run.cancel', app: run.app, actor, after: { runId: id } }));
  return await store.get(id) as IncentiveRun;
}
