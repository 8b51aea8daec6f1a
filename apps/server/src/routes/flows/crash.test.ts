/**
 * Crash safety: a real server process on this run's backend (a PGlite folder or a PostgreSQL
 * database) takes a load of approvals and is killed with SIGKILL in the middle. Restarted on the
 * same database: every acknowledged approval is there, no instance is half-moved (state, task
 * rows, record and timers agree), no timer is lost, and retrying every request with its
 * Idempotency-Key moves each instance exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from '@trellis/storage';
import { createTestDatabase, TEST_BACKEND_ENV, TEST_DATABASE_ENV } from '@trellis/storage/testing';
import { application } from '../../testing/flow-world.js';

const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, '../../testing/crash-child.ts');
const ROOT = join(here, '../../../../..');
const COUNT = 24;
const KILL_AFTER = 8;
const CHECKLIST = {
  'checklist.licenceVerified': true, 'checklist.complianceTrainingDone': true, 'checklist.showcaseStoreChecked': true,
  'checklist.noConflictOfInterest': true, 'checklist.creditCheckPassed': true,
};

interface Server { readonly child: ChildProcess; readonly url: string }

let env: Record<string, string>;
let dispose: () => Promise<void>;

beforeAll(async () => {
  if (process.env[TEST_BACKEND_ENV] === 'postgres') {
    const db = await createTestDatabase(process.env[TEST_DATABASE_ENV] ?? '');
    env = { DATABASE_URL: db.url };
    dispose = () => db.drop();
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'trellis-crash-'));
    env = { DATA_DIR: dataDir };
    dispose = () => rm(dataDir, { recursive: true, force: true });
  }
});
afterAll(async () => dispose());

async function startChild(): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', JOB_POLL_MS: '50', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(line.slice('READY '.length));
    });
  });
  return { child, url };
}

const stopped = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve();
  else child.once('exit', () => resolve());
});

async function call(server: Server, cookie: string, method: string, path: string, body?: object, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, never> };
}

async function login(server: Server, username: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: `pw-${username}-0123456789` }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('trellis_session='));
  if (res.status !== 200 || cookie === undefined) throw new Error(`login ${username}: ${res.status}`);
  return cookie.split(';')[0] ?? '';
}

interface TaskItem { id: string; recordId: string; instanceId: string; node: string }

describe('kill -9 during a load of transitions', () => {
  it('keeps every acknowledged action, moves no instance halfway, loses no timer', async () => {
    let server = await startChild();
    const cm = await login(server, 'cm_east');
    const applicant = await login(server, 'applicant');
    const APPS = '/api/apps/prm/records/onboarding_application';
    for (let i = 0; i < COUNT; i++) {
      const draft = await call(server, applicant, 'POST', APPS, { data: application(`OB2700${String(i).padStart(4, '0')}`, 100000) });
      const submitted = await call(server, applicant, 'PUT', `${APPS}/${draft.body.id}`, { data: { ...(draft.body.data as unknown as object), status: 'submitted' }, revision: 1 });
      expect(submitted.status).toBe(200);
    }
    const tasks = (await call(server, cm, 'GET', '/api/tasks?limit=500')).body.items as unknown as TaskItem[];
    expect(tasks).toHaveLength(COUNT);

    // every approval at once; the process dies after the first few answers
    const acknowledged = new Set<string>();
    const victim = server;
    await Promise.allSettled(tasks.map(async (task) => {
      const res = await call(victim, cm, 'POST', `/api/tasks/${task.id}/actions`, { type: 'approve', data: CHECKLIST }, { 'idempotency-key': `crash-${task.id}` });
      if (res.status === 200) acknowledged.add(task.instanceId);
      if (acknowledged.size === KILL_AFTER) victim.child.kill('SIGKILL');
    }));
    await stopped(victim.child);
    expect(victim.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.size).toBeLessThan(COUNT);

    server = await startChild();
    const instances = await Promise.all(tasks.map(async (task) => (await call(server, cm, 'GET', `/api/flow-instances/${task.instanceId}`)).body));
    const moved = new Set<string>();
    for (const [i, instance] of instances.entries()) {
      const nodes = (instance.tasks as unknown as { node: string; status: string; outcome?: string }[]).map((t) => `${t.node}:${t.status}:${t.outcome ?? ''}`);
      const record = (await call(server, applicant, 'GET', `${APPS}/${tasks[i]?.recordId}`)).body.data as unknown as { status: string };
      if (instance.revision === 1) {
        expect(nodes).toEqual(['regional_review:open:']);
        expect(record.status).toBe('under_review');
      } else {
        expect([instance.revision, nodes]).toEqual([2, ['regional_review:closed:approved', 'contract:open:']]);
        expect(record.status).toBe('approved');
        moved.add(String(instance.id));
      }
    }
    for (const id of acknowledged) expect(moved.has(id)).toBe(true);
    // task rows agree with the states
    const open = (await call(server, cm, 'GET', '/api/tasks?limit=500')).body.items as unknown as TaskItem[];
    expect(open.map((t) => t.instanceId).sort()).toEqual(tasks.map((t) => t.instanceId).filter((id) => !moved.has(id)).sort());
    const contracts = (await call(server, applicant, 'GET', '/api/tasks?limit=500')).body.items as unknown as TaskItem[];
    expect(contracts.map((t) => t.instanceId).sort()).toEqual([...moved].sort());

    // the retries: answered (replayed where the first one had committed), each instance moved once
    const retries = await Promise.all(tasks.map((task) =>
      call(server, cm, 'POST', `/api/tasks/${task.id}/actions`, { type: 'approve', data: CHECKLIST }, { 'idempotency-key': `crash-${task.id}` })));
    expect(retries.map((r) => r.status)).toEqual(tasks.map(() => 200));
    for (const [i, retry] of retries.entries()) expect(retry.body.replayed).toBe(moved.has(tasks[i]?.instanceId ?? ''));
    for (const task of tasks) {
      const timeline = (await call(server, cm, 'GET', `/api/flow-instances/${task.instanceId}/timeline`)).body.items as unknown as { action: string }[];
      expect(timeline.filter((e) => e.action === 'approved')).toHaveLength(1);
    }
    server.child.kill('SIGTERM');
    await stopped(server.child);

    // every open contract task has its reminder queued; the regional timers were cancelled with their task
    const storage = await createStorage(env.DATABASE_URL === undefined ? { dataDir: env.DATA_DIR } : { databaseUrl: env.DATABASE_URL });
    try {
      const jobs = await storage.sql.query<{ dedupe_key: string; status: string }>(`SELECT dedupe_key, status FROM jobs WHERE kind = 'flow.timer'`);
      const status = new Map(jobs.map((j) => [j.dedupe_key, j.status]));
      for (const task of tasks) {
        expect(status.get(`flow.timer:${task.id}.reminder`)).toBe('cancelled');
        expect(status.get(`flow.timer:${task.id}.escalation`)).toBe('cancelled');
      }
      const contractTimers = jobs.filter((j) => j.status === 'queued' && j.dedupe_key.endsWith('.reminder'));
      expect(contractTimers).toHaveLength(COUNT);
    } finally {
      await storage.close();
    }
  }, 240_000);
});
