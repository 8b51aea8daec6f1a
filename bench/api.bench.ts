/**
 * The API under load, with autocannon on loopback, on PGlite and on PostgreSQL:
 * - submitting the onboarding form through the whole server (session cookie, form validation and
 *   rules, permissions, insert, audit) beside a bare fastify route that validates the same body
 *   with ajv and inserts the same row, in one run;
 * - a filtered, sorted list page over 100,000 records.
 * Each target runs in a process of its own (bench/api/target.ts); targets: the full submit at least
 * 50% of the bare route's requests/s, p99 under 20 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createTestDatabase } from '@trellis/storage/testing';
import { postgresAdminUrl } from './lib/postgres.js';
import { report, type ResultRow } from './lib/results.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const CONNECTIONS = 10;

interface Ready {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  readonly cookie?: string;
}

interface Backend {
  readonly name: 'pglite' | 'postgres';
  /** environment for one target process, and how to remove its database afterwards */
  database(): Promise<{ env: Record<string, string>; dispose(): Promise<void> }>;
}

const pglite: Backend = {
  name: 'pglite',
  async database() {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-bench-'));
    return { env: { BENCH_DATA_DIR: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

function postgres(): Backend {
  const adminUrl = postgresAdminUrl();
  if (adminUrl === undefined) throw new Error('the API benchmark needs PostgreSQL (scripts/test-postgres.sh found none)');
  return {
    name: 'postgres',
    async database() {
      const db = await createTestDatabase(adminUrl);
      return { env: { BENCH_DATABASE_URL: db.url }, dispose: () => db.drop() };
    },
  };
}

/** Starts a target process and waits for its READY line. */
function startTarget(mode: string, env: Record<string, string>): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(here, 'api/target.ts'), mode], {
    cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'],
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

async function load(ready: Ready, seconds: number, strict = true) {
  const result = await autocannon({
    url: `${ready.url}${ready.path}`,
    method: ready.method,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...(ready.cookie === undefined ? {} : { cookie: ready.cookie }) },
    ...(ready.body === undefined ? {} : { body: ready.body }),
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (strict && failed > 0) throw new Error(`${failed} of ${result.requests.total} requests to ${ready.path} failed (non-2xx ${result.non2xx}, errors ${result.errors})`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** One target on one backend: a fresh database, a warm-up, then the measured run. */
async function measure(backend: Backend, mode: string) {
  const database = await backend.database();
  const { child, ready } = await startTarget(mode, database.env);
  try {
    await load(ready, 3, false); // warm-up: JIT, caches, connection pool
    return await load(ready, SECONDS);
  } finally {
    await stopTarget(child);
    await database.dispose();
  }
}

export async function run(): Promise<void> {
  const rows: ResultRow[] = [];
  for (const backend of [pglite, postgres()]) {
    const submit = `onboarding submit, ${CONNECTIONS} connections (${backend.name})`;
    const bare = await measure(backend, 'bare');
    const full = await measure(backend, 'full');
    rows.push(
      { benchmark: submit, subject: 'bare fastify route (ajv + insert)', value: Math.round(bare.rps), unit: 'requests/s' },
      { benchmark: submit, subject: 'bare fastify route p99', value: bare.p99, unit: 'ms' },
      { benchmark: submit, subject: 'full server', value: Math.round(full.rps), unit: 'requests/s' },
      { benchmark: submit, subject: 'full server p99', value: full.p99, unit: 'ms' },
      { benchmark: submit, subject: 'full server vs bare route', value: Math.round((full.rps / bare.rps) * 100), unit: '% of throughput' },
    );
    const list = await measure(backend, 'list');
    const listing = `filtered + sorted list page of 100,000 records (${backend.name})`;
    rows.push(
      { benchmark: listing, subject: 'full server', value: Math.round(list.rps), unit: 'requests/s' },
      { benchmark: listing, subject: 'full server p50', value: list.p50, unit: 'ms' },
      { benchmark: listing, subject: 'full server p99', value: list.p99, unit: 'ms' },
    );
  }
  report('api', rows);
}
