/**
 * The API under load, with autocannon on loopback, on PGlite and on PostgreSQL:
 * - submitting the onboarding form through the whole server (session cookie, form validation and
 *   rules, permissions, insert, audit) beside a bare fastify route that validates the same body
 *   with ajv and inserts the same row, in one run;
 * - a filtered, sorted list page over 100,000 records, under load and one request at a time.
 * Each target runs in a process of its own (bench/api/target.ts); bare and full take turns (see
 * compare). Targets: the full submit at least 50% of the bare route's requests/s, p99 under 20 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createTestDatabase } from '@trellis/storage/testing';
import { requirePostgresAdminUrl } from './lib/postgres.js';
import { report, type ResultRow } from './lib/results.js';
import { cpuMeter } from './api/cpu.js';
import { generateOnboardingSubmission } from './api/onboarding.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const CONNECTIONS = 10;
/** bare and full take turns this many times, SECONDS / TURNS each */
const TURNS = 4;

interface Ready {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  readonly cookie?: string;
}

interface Backend {
  readonly name: 'pglite' | 'postgres';
  /** environment for one target process, its PostgreSQL database's name, how to remove it afterwards */
  database(): Promise<{ env: Record<string, string>; name?: string; dispose(): Promise<void> }>;
}

const pglite: Backend = {
  name: 'pglite',
  async database() {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-bench-'));
    return { env: { BENCH_DATA_DIR: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

function postgres(): Backend {
  const adminUrl = requirePostgresAdminUrl('API');
  return {
    name: 'postgres',
    async database() {
      const db = await createTestDatabase(adminUrl);
      return { env: { BENCH_DATABASE_URL: db.url }, name: new URL(db.url).pathname.slice(1), dispose: () => db.drop() };
    },
  };
}

let submission: string | undefined;

/** Starts a target process (node itself, so its pid is the server's) and waits for its READY line. */
async function startTarget(mode: string, env: Record<string, string>): Promise<{ child: ChildProcess; ready: Ready }> {
  submission ??= JSON.stringify(await generateOnboardingSubmission());
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'api/target.ts'), mode], {
    cwd: root, env: { ...process.env, ...env, BENCH_SUBMISSION: submission }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${mode} target exited with ${code} before it was ready`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve({ child, ready: JSON.parse(line.slice(6)) as Ready });
    });
  });
}

function stopTarget(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function load(ready: Ready, seconds: number, strict = true, connections = CONNECTIONS) {
  const result = await autocannon({
    url: `${ready.url}${ready.path}`,
    method: ready.method,
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...(ready.cookie === undefined ? {} : { cookie: ready.cookie }) },
    ...(ready.body === undefined ? {} : { body: ready.body }),
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (strict && failed > 0) throw new Error(`${failed} of ${result.requests.total} requests to ${ready.path} failed (non-2xx ${result.non2xx}, errors ${result.errors})`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
}

/** A target on a fresh database of its own, warmed up (JIT, caches, connection pool). */
async function started(backend: Backend, mode: string) {
  const database = await backend.database();
  const { child, ready } = await startTarget(mode, database.env);
  await load(ready, 3, false);
  const cpu = cpuMeter(child.pid, database.name);
  return { ready, cpu, stop: async () => { await stopTarget(child); await database.dispose(); } };
}

/**
 * One target alone: the measured run after the warm-up, under CONNECTIONS at once, then one
 * request at a time: how long a page takes, without the wait behind the other connections'.
 */
async function measure(backend: Backend, mode: string) {
  const target = await started(backend, mode);
  try {
    const loaded = await load(target.ready, SECONDS);
    const alone = await load(target.ready, Math.max(1, SECONDS / 4), true, 1);
    return { ...loaded, alone };
  } finally {
    await target.stop();
  }
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** A load on a started target, with the CPU its server (and database server) spent on it. */
async function metered(target: Awaited<ReturnType<typeof started>>, seconds: number) {
  const before = target.cpu?.();
  const result = await load(target.ready, seconds);
  const after = target.cpu?.();
  return { ...result, cpuMs: before === undefined || after === undefined ? undefined : after - before };
}

/**
 * The bare route and the full server, both running, loaded in turns (bare, full, bare, …) so
 * that whatever else the machine does falls on both alike; requests/s over all turns, p99 and
 * the ratio as the median over the turns. CPU per request (server process, plus PostgreSQL's
 * backends for its database) is the figure a busy machine does not move.
 */
async function compare(backend: Backend) {
  const bare = await started(backend, 'bare');
  const full = await started(backend, 'full');
  try {
    const turns: { bare: Awaited<ReturnType<typeof metered>>; full: Awaited<ReturnType<typeof metered>> }[] = [];
    for (let turn = 0; turn < TURNS; turn++) {
      turns.push({ bare: await metered(bare, SECONDS / TURNS), full: await metered(full, SECONDS / TURNS) });
    }
    const rps = (side: 'bare' | 'full') => turns.reduce((sum, t) => sum + t[side].rps, 0) / TURNS;
    const cpuPerRequest = (side: 'bare' | 'full') => {
      const spent = turns.map((t) => t[side].cpuMs);
      if (spent.some((ms) => ms === undefined)) return undefined;
      return spent.reduce((sum: number, ms) => sum + (ms ?? 0), 0) / turns.reduce((sum, t) => sum + t[side].total, 0);
    };
    return {
      bare: { rps: rps('bare'), p99: median(turns.map((t) => t.bare.p99)), cpu: cpuPerRequest('bare') },
      full: { rps: rps('full'), p99: median(turns.map((t) => t.full.p99)), cpu: cpuPerRequest('full') },
      ratio: median(turns.map((t) => t.full.rps / t.bare.rps)),
    };
  } finally {
    await bare.stop();
    await full.stop();
  }
}

export async function run(): Promise<void> {
  const rows: ResultRow[] = [];
  for (const backend of [pglite, postgres()]) {
    const submit = `onboarding submit, ${CONNECTIONS} connections (${backend.name})`;
    const { bare, full, ratio } = await compare(backend);
    rows.push(
      { benchmark: submit, subject: 'bare fastify route (ajv + insert)', value: Math.round(bare.rps), unit: 'requests/s' },
      { benchmark: submit, subject: 'bare fastify route p99', value: bare.p99, unit: 'ms' },
      { benchmark: submit, subject: 'full server', value: Math.round(full.rps), unit: 'requests/s' },
      { benchmark: submit, subject: 'full server p99', value: full.p99, unit: 'ms' },
      { benchmark: submit, subject: 'full server vs bare route (median of turns)', value: Math.round(ratio * 100), unit: '% of throughput' },
    );
    if (bare.cpu !== undefined && full.cpu !== undefined) {
      rows.push(
        { benchmark: submit, subject: 'bare fastify route CPU per request', value: Number(bare.cpu.toFixed(3)), unit: 'ms' },
        { benchmark: submit, subject: 'full server CPU per request', value: Number(full.cpu.toFixed(3)), unit: 'ms' },
        { benchmark: submit, subject: 'full server vs bare route at equal CPU', value: Math.round((100 * bare.cpu) / full.cpu), unit: '% of throughput' },
      );
    }
    const list = await measure(backend, 'list');
    const listing = `filtered + sorted list page of 100,000 records (${backend.name})`;
    rows.push(
      { benchmark: listing, subject: 'full server', value: Math.round(list.rps), unit: 'requests/s' },
      { benchmark: listing, subject: 'full server p50', value: list.p50, unit: 'ms' },
      { benchmark: listing, subject: 'full server p99', value: list.p99, unit: 'ms' },
      { benchmark: listing, subject: 'full server p50, one request at a time', value: list.alone.p50, unit: 'ms' },
      { benchmark: listing, subject: 'full server p99, one request at a time', value: list.alone.p99, unit: 'ms' },
    );
  }
  report('api', rows);
}
