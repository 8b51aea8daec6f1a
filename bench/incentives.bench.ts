/**
 * An incentive run of the PRM template's quarterly programs for 2026-Q2 (four in force) over
 * generated partners, on PGlite and on PostgreSQL, beside the raw cost on the same database of
 * reading the same inputs (the partners page by page and their performance and co-op claim
 * records) and bulk-writing the same number of result rows. Peak memory is the peak RSS of the
 * process that runs the run (PGlite runs inside the process, so its memory is in it; PostgreSQL's
 * server is not), beside the peak RSS of the process that does the raw work alone.
 *
 * The data is loaded by one process; the run and the rerun are measured in another, the raw cost
 * in a third (see run()).
 *
 * Data: the seed generator's partners (through the template's forms, as `trellis start` makes
 * them). Generating 100,000 that way takes tens of minutes on this machine, so BENCH_SOURCE
 * (default 2,000) distinct partners are generated and copied under new partner ids up to
 * BENCH_PARTNERS (default 100,000), then inserted with bulk SQL.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePartnerBundles, loadPrmTemplate } from '@trellis/seed';
import { importTemplate, runStore, startRun } from '@trellis/server';
import { createStorage, type Storage } from '@trellis/storage';
import { createTestDatabase } from '@trellis/storage/testing';
import { requirePostgresAdminUrl } from './lib/postgres.js';
import { report, type ResultRow } from './lib/results.js';

const PERIOD = '2026-Q2';
/** subjects per page, for the run and the raw reads alike (BENCH_PAGE, default the run's own 500) */
const PAGE = Number(process.env.BENCH_PAGE ?? 500);
const ENTITIES = ['partner', 'performance', 'mdf_claim'] as const;
type Source = Record<(typeof ENTITIES)[number], Record<string, unknown>[][]>;

function generate(count: number): Source {
  const source: Source = { partner: [], performance: [], mdf_claim: [] };
  for (const bundle of generatePartnerBundles({ partners: count, referenceDate: '2026-09-30' }, [...ENTITIES])) {
    for (const entity of ENTITIES) source[entity].push(bundle[entity] as Record<string, unknown>[]);
  }
  return source;
}

/**
 * The source partners go in with bulk inserts; the copies are made by the database itself
 * (partner n of copy c becomes partner c × source + n), so no more JSON crosses the wire.
 */
async function load(storage: Storage, source: Source, partners: number): Promise<number> {
  const now = new Date('2026-09-30T00:00:00Z').toISOString();
  const count = source.partner.length;
  for (const entity of ENTITIES) {
    const records = source[entity].flat();
    for (let i = 0; i < records.length; i += 2000) {
      await storage.sql.query(
        `INSERT INTO records (id, app, entity, definition_version, owner, partner_org, created_by, created_at, updated_by, updated_at, revision, data)
         SELECT gen_random_uuid(), 'prm', $1, 1, NULL, NULL, 'bench', $2, 'bench', $2, 1, x FROM jsonb_array_elements($3::jsonb) AS x`,
        [entity, now, JSON.stringify(records.slice(i, i + 2000))]);
    }
    await storage.sql.query(
      `INSERT INTO records (id, app, entity, definition_version, owner, partner_org, created_by, created_at, updated_by, updated_at, revision, data)
       SELECT gen_random_uuid(), app, entity, 1, NULL, NULL, 'bench', created_at, 'bench', updated_at, 1,
         jsonb_set(data, '{partnerId}', to_jsonb('P' || lpad((substr(data ->> 'partnerId', 2)::int + c * $3)::text, 6, '0')))
       FROM records CROSS JOIN generate_series(1, $2::int - 1) AS c
       WHERE app = 'prm' AND entity = $1 AND substr(data ->> 'partnerId', 2)::int + c * $3 <= $4`,
      [entity, Math.ceil(partners / count), count, partners]);
  }
  await storage.sql.exec('ANALYZE records');
  const rows = await storage.sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM records WHERE app = 'prm'`);
  return Number(rows[0]?.n);
}

/** Runs fn; returns the time it took. */
async function measured(fn: () => Promise<void>): Promise<{ seconds: number }> {
  const start = performance.now();
  await fn();
  return { seconds: (performance.now() - start) / 1000 };
}

/**
 * The process's peak RSS so far (getrusage), in MiB. Sampling with a timer would miss it on
 * PGlite: its queries run on this thread, so timers fire only between a run's pages.
 */
const peakRss = () => process.resourceUsage().maxRSS / 1024;

async function incentiveRun(storage: Storage): Promise<string> {
  // BENCH_TRACE=1 prints the memory after every page (where it goes: JS heap, or buffers outside it such as PGlite's WASM memory)
  const trace = process.env.BENCH_TRACE === '1'
    ? ({ done, total }: { done: number; total: number }) => {
      const m = process.memoryUsage();
      const mb = (n: number) => (n / 2 ** 20).toFixed(0);
      console.error(`${done}/${total} rss ${mb(m.rss)} heap ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)} MiB`);
    }
    : undefined;
  const started = await startRun(storage, { app: 'prm', period: PERIOD, actor: 'bench', pageSize: PAGE, onProgress: trace });
  const run = await started.done;
  if (run?.status !== 'computed') throw new Error(`the run ended ${run?.status ?? 'without a status'}: ${JSON.stringify(run?.error)}`);
  return run.id;
}

/** The same inputs read the same way, and as many result rows (copies of real ones) written in pages. */
async function rawCost(storage: Storage, runId: string, programs: number): Promise<void> {
  const sample = await runStore(storage.sql).results(runId, { limit: programs * 50 });
  const scratch = randomUUID();
  await storage.sql.query(
    `INSERT INTO incentive_runs (id, app, period, program_versions, context, status, created_by, created_at)
     VALUES ($1::uuid, 'prm', 'raw', '[]', '{}', 'running', 'bench', now())`, [scratch]);
  let after: string | null = null;
  for (;;) {
    // the page's keys from the key's index, then their records: asked in one query, the planner
    // may sort every remaining partner on each page, which is not what raw reading costs
    const partners: { key: string }[] = await storage.sql.query(
      `SELECT data #>> '{partnerId}' AS key, data FROM records WHERE app = 'prm' AND entity = 'partner'
       AND (data #>> '{partnerId}') = ANY(ARRAY(SELECT data #>> '{partnerId}' FROM records WHERE app = 'prm' AND entity = 'partner'
         AND ${after === null ? `(data #>> '{partnerId}') IS NOT NULL` : `(data #>> '{partnerId}') > $2`}
         ORDER BY 1 LIMIT $1))
       ORDER BY 1`, after === null ? [PAGE] : [PAGE, after]);
    if (partners.length === 0) break;
    const keys = partners.map((p) => p.key);
    for (const entity of ['performance', 'mdf_claim']) {
      await storage.sql.query(`SELECT data FROM records WHERE app = 'prm' AND entity = $1 AND (data #>> '{partnerId}') = ANY($2::text[])`, [entity, keys]);
    }
    const rows = keys.flatMap((key, i) => Array.from({ length: programs }, (_, p) => {
      const model = sample[(i * programs + p) % sample.length] as (typeof sample)[number];
      return { ...model, program: `p${p}`, subject: key };
    }));
    await runStore(storage.sql).insertResults(scratch, rows);
    after = keys[keys.length - 1] as string;
  }
  await storage.sql.query('DELETE FROM incentive_runs WHERE id = $1::uuid', [scratch]);
}

/** Loads the template and the generated partners into a fresh database (its own process: see run()). */
async function loadStep(storage: Storage, partners: number): Promise<void> {
  const sourceCount = Math.min(partners, Number(process.env.BENCH_SOURCE ?? 2_000));
  const start = performance.now();
  const source = generate(sourceCount);
  console.error(`generated ${sourceCount} partners in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  await storage.migrate();
  await importTemplate(storage, loadPrmTemplate(), { actor: 'bench' });
  const loadStart = performance.now();
  const records = await load(storage, source, partners);
  console.error(`${records} records loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
}

/**
 * PostgreSQL's autovacuum vacuums and analyses a table after many rows were written to it: the
 * records after the load, the results after a run (400,000 rows: ~10 s of this machine's two
 * cores). Left to itself it runs during whatever the bench times next; so, untimed, both tables
 * are vacuumed before each phase, and no phase pays for the writes of the one before. PGlite has
 * no autovacuum.
 */
async function settle(storage: Storage): Promise<void> {
  if (storage.kind === 'postgres') await storage.sql.exec('VACUUM ANALYZE records, incentive_results');
}

/** The run and the rerun, in a process that only opened the loaded database. */
async function measureStep(kind: string, storage: Storage, partners: number): Promise<ResultRow[]> {
  const before = process.memoryUsage().rss / 2 ** 20;
  let runId = '';
  await settle(storage);
  const run = await measured(async () => { runId = await incentiveRun(storage); });
  await settle(storage);
  const run2 = await measured(async () => { runId = await incentiveRun(storage); });   // the rerun (replaces the draft)
  const programs = (await runStore(storage.sql).get(runId))?.programs.length ?? 0;
  const results = Number((await storage.sql.query<{ n: string }>('SELECT count(*)::text AS n FROM incentive_results WHERE run_id = $1::uuid', [runId]))[0]?.n);
  const b = `incentive run ${PERIOD} (${kind})`;
  return [
    { benchmark: b, subject: `run: ${partners} partners × ${programs} programs, pages of ${PAGE}`, value: run.seconds, unit: 's' },
    { benchmark: b, subject: 'rerun (replaces the draft)', value: run2.seconds, unit: 's' },
    { benchmark: b, subject: 'results per second (rerun)', value: results / run2.seconds, unit: 'results/s' },
    { benchmark: b, subject: 'peak RSS of the process through the run and the rerun (target < 500)', value: peakRss(), unit: 'MiB' },
    { benchmark: b, subject: 'RSS before the run (storage opened)', value: before, unit: 'MiB' },
  ];
}

/** The raw cost, in a process of its own that only opened the database (its peak RSS is the baseline of the run's). */
async function rawStep(kind: string, storage: Storage): Promise<ResultRow[]> {
  const [last] = await storage.sql.query<{ id: string; programs: number; results: string }>(
    `SELECT r.id::text AS id, jsonb_array_length(r.program_versions) AS programs,
       (SELECT count(*) FROM incentive_results WHERE run_id = r.id)::text AS results
     FROM incentive_runs r WHERE r.status = 'computed' ORDER BY r.created_at DESC LIMIT 1`);
  if (last === undefined) throw new Error('no computed run to copy result rows from');
  await settle(storage);
  const raw = await measured(() => rawCost(storage, last.id, last.programs));
  const b = `incentive run ${PERIOD} (${kind})`;
  return [
    { benchmark: b, subject: `raw: read the same inputs + write ${last.results} rows`, value: raw.seconds, unit: 's' },
    { benchmark: b, subject: 'peak RSS of a process doing only the raw work', value: peakRss(), unit: 'MiB' },
  ];
}

/** The ratios of the run and the rerun to the raw cost, from the steps' rows. */
function ratios(kind: string, rows: readonly ResultRow[]): ResultRow[] {
  const b = `incentive run ${PERIOD} (${kind})`;
  const seconds = (prefix: string) => rows.find((r) => r.benchmark === b && r.subject.startsWith(prefix))?.value ?? NaN;
  const raw = seconds('raw:');
  return [
    { benchmark: b, subject: 'run ÷ raw (target ≤ 1.5; the first run also builds the subject-key indexes)', value: seconds('run:') / raw, unit: '×' },
    { benchmark: b, subject: 'rerun ÷ raw (target ≤ 1.5)', value: seconds('rerun') / raw, unit: '×' },
  ];
}

const STEP = 'BENCH_INCENTIVES_STEP';
const BACKEND = 'BENCH_INCENTIVES_BACKEND';
const TARGET = 'BENCH_INCENTIVES_TARGET';

type Step = 'load' | 'measure' | 'raw';
const label = (kind: string) => (kind === 'pglite' ? 'PGlite' : 'PostgreSQL');

/** One step on one backend, in this process; `target` is PGlite's folder or PostgreSQL's URL. */
async function child(step: Step, kind: 'pglite' | 'postgres', target: string): Promise<ResultRow[]> {
  const partners = Number(process.env.BENCH_PARTNERS ?? 100_000);
  const storage = await createStorage(kind === 'pglite' ? { dataDir: target } : { databaseUrl: target });
  try {
    if (step === 'load') {
      await loadStep(storage, partners);
      return [];
    }
    return step === 'measure' ? await measureStep(label(kind), storage, partners) : await rawStep(label(kind), storage);
  } finally {
    await storage.close();
  }
}

function spawnStep(step: Step, kind: string, target: string): ResultRow[] {
  // --expose-gc as `pnpm trellis` starts node: the run then bounds its heap (see incentives/run.ts)
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, [STEP]: step, [BACKEND]: kind, [TARGET]: target }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '[]') as ResultRow[];
}

/**
 * Per backend, the data is loaded by one process and measured by others that only open it, as
 * a server restarted on its data would: the peak RSS is then the run's, not the loader's (PGlite's
 * WASM memory never shrinks, and creating a database alone takes it to ~800 MiB). The raw cost has
 * a process of its own too, so its peak RSS is the baseline of the run's, and both start from a
 * freshly opened database.
 * BENCH_BACKENDS (default "pglite,postgres") picks the backends.
 */
function measureAll(kind: string, target: string): ResultRow[] {
  spawnStep('load', kind, target);
  const rows = [...spawnStep('measure', kind, target), ...spawnStep('raw', kind, target)];
  return [...rows, ...ratios(label(kind), rows)];
}

export async function run(): Promise<void> {
  const rows: ResultRow[] = [];
  for (const kind of (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',')) {
    if (kind === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'trellis-bench-incentives-'));
      try {
        rows.push(...measureAll(kind, dir));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      const db = await createTestDatabase(requirePostgresAdminUrl('incentives'));
      try {
        rows.push(...measureAll(kind, db.url));
      } finally {
        await db.drop();
      }
    }
  }
  report('incentives', rows);
}

const step = process.env[STEP];
const backend = process.env[BACKEND];
const target = process.env[TARGET];
if ((step === 'load' || step === 'measure' || step === 'raw') && (backend === 'pglite' || backend === 'postgres') && target !== undefined) {
  process.stdout.write(`${JSON.stringify(await child(step, backend, target))}\n`);
}
