/**
 * Flow transitions per second on PGlite and PostgreSQL, beside the raw cost of the same SQL
 * transactions in the same run; and flow timers fired per second with 100,000 open instances.
 *
 * Transitions: the seed's onboarding flow, one regional approval per instance (compute, branch,
 * a form task opened, timers cancelled and planted, inbox, audit), through the server's own code
 * in one transaction each. The raw baseline replays the very statements those transactions sent
 * (recorded at the driver) on a second, identical set of instances, ids swapped: the gap is the
 * engine, validation and the server's JavaScript.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { EntityDefinition } from '@trellis/definitions';
import { getFormRuntime } from '@trellis/forms';
import { loadPrmTemplate } from '@trellis/seed';
import {
  actOnInstance, createJobRegistry, createJobWorker, createPasswordHasher, createUser, flowScope, importTemplate, latestFlow,
  registerFlowJobs, startFlow, DEFAULT_CALENDAR,
} from '@trellis/server';
import { createStorage, type JsonObject, type Sql, type Storage } from '@trellis/storage';
import { application } from '@trellis/server/testing/flow-world';
import { createTestDatabase } from '@trellis/storage/testing';
import type { ResultRow } from './lib/results.js';
import { postgresAdminUrl } from './lib/postgres.js';
import { report } from './lib/results.js';

const T0 = new Date('2026-04-03T02:00:00.000Z');
const clock = { now: () => T0 };
const TRANSITIONS = 300;
const OPEN = 100_000;
const DUE = 1_000;
const CHECKLIST = {
  'checklist.licenceVerified': true, 'checklist.complianceTrainingDone': true, 'checklist.showcaseStoreChecked': true,
  'checklist.noConflictOfInterest': true, 'checklist.creditCheckPassed': true,
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Statement = readonly [string, readonly unknown[]];

/** Records every statement each transaction sends, by patching the driver the repositories run on. */
function recordTransactions(storage: Storage): { take(): Statement[][]; stop(): void } {
  const sql = storage.sql as { transaction: Sql['transaction'] };
  const original = sql.transaction;
  const recorded: Statement[][] = [];
  sql.transaction = <T>(fn: (tx: Sql) => Promise<T>): Promise<T> => original.call<Sql, [(tx: Sql) => Promise<T>], Promise<T>>(storage.sql, (tx: Sql) => {
    const statements: Statement[] = [];
    recorded.push(statements);
    return fn({
      ...tx,
      query: <T>(text: string, params: readonly unknown[] = [], prepare?: string) => {
        statements.push([text, params]);
        return tx.query<T>(text, params, prepare);
      },
    } as Sql);
  });
  return { take: () => recorded.splice(0), stop: () => void (sql.transaction = original) };
}

/** Swaps ids in a recorded statement's parameters: known ones by the map, any other uuid for a fresh one. */
function swapped(params: readonly unknown[], ids: ReadonlyMap<string, string>): unknown[] {
  const swap = (text: string) => {
    if (UUID.test(text)) return ids.get(text) ?? randomUUID();
    let out = text;
    for (const [from, to] of ids) out = out.replaceAll(from, to);
    return out;
  };
  return params.map((p) => (typeof p === 'string' ? swap(p) : Array.isArray(p) ? p.map((v) => (typeof v === 'string' ? swap(v) : v)) : p));
}

interface World {
  readonly storage: Storage;
  readonly cm: string;
  readonly applicant: string;
  /** creates and starts `count` onboarding instances; returns [instance id, record id, regional task id] */
  spawn(count: number, tag: string): Promise<[string, string, string][]>;
}

async function prepare(storage: Storage): Promise<World> {
  await storage.migrate();
  await importTemplate(storage, loadPrmTemplate(), { actor: 'bench' });
  await storage.transaction((tx) => tx.partnerOrgs.create({ id: 'P310001', name: 'Bench Co', region: 'east' }));
  const passwords = createPasswordHasher({ N: 1024, r: 8, p: 1 });
  const make = async (username: string, roles: string[], extra: object) =>
    (await createUser(storage, passwords, { username, roles, password: `pw-${username}-0123456789`, ...extra }, { actor: 'bench' })).user.id;
  const cm = await make('cm_east', ['channel_manager'], { regions: ['east'] });
  const applicant = await make('applicant', ['partner_user'], { partnerOrg: 'P310001' });
  const entity = await storage.read.definitions.getPublished({ app: 'prm', kind: 'entity', id: 'onboarding_application' });
  const definition = entity?.body as unknown as EntityDefinition;
  const flow = await latestFlow(storage.read, 'prm', 'partner_onboarding');
  const spawn = async (count: number, tag: string) => {
    const made: [string, string, string][] = [];
    for (let i = 0; i < count; i++) {
      const submission = { ...application(`OB${tag}${String(i).padStart(6, '0')}`, 100000), status: 'submitted' };
      const processed = getFormRuntime(definition).process(submission, { now: T0.toISOString() });
      if (!processed.ok) throw new Error(`bench application invalid: ${JSON.stringify(processed.errors)}`);
      const started = await storage.transaction(async (tx) => {
        const record = await tx.records.create({
          app: 'prm', entity: 'onboarding_application', definitionVersion: entity?.version ?? 1, owner: applicant, partnerOrg: 'P310001',
          data: processed.record as JsonObject, actor: applicant,
        });
        return startFlow(flowScope(tx, { now: T0 }), { app: 'prm', flow, record, actor: applicant });
      });
      const task = (started.instance.state as unknown as { tasks: { id: string }[] }).tasks[0];
      made.push([started.instance.id, started.record?.id ?? '', task?.id ?? '']);
    }
    return made;
  };
  return { storage, cm, applicant, spawn };
}

const approve = (world: World, [instanceId, , taskId]: [string, string, string]) =>
  world.storage.transaction((tx) => actOnInstance(flowScope(tx, { now: T0 }), {
    instanceId, actor: world.cm, action: { type: 'approve', taskId, data: CHECKLIST },
  }));

async function transitions(name: string, world: World): Promise<ResultRow[]> {
  await world.spawn(20, '10'); // warm-up: caches, plans
  for (const instance of await world.spawn(20, '11')) await approve(world, instance);
  const flowSet = await world.spawn(TRANSITIONS, '20');
  const rawSet = await world.spawn(TRANSITIONS, '21');
  const recorder = recordTransactions(world.storage);
  const started = performance.now();
  for (const instance of flowSet) await approve(world, instance);
  const flowSeconds = (performance.now() - started) / 1000;
  recorder.stop();
  const recorded = recorder.take();
  if (recorded.length !== TRANSITIONS) throw new Error(`recorded ${recorded.length} transactions, expected ${TRANSITIONS}`);
  const replays = recorded.map((statements, i) => {
    const [fromInstance, fromRecord] = flowSet[i] ?? ['', ''];
    const [toInstance, toRecord] = rawSet[i] ?? ['', ''];
    const ids = new Map([[fromInstance, toInstance], [fromRecord, toRecord], [world.cm, world.cm], [world.applicant, world.applicant]]);
    return statements.map(([text, params]) => [text, swapped(params, ids)] as const);
  });
  const rawStarted = performance.now();
  for (const statements of replays) {
    await world.storage.sql.transaction(async (tx) => {
      for (const [text, params] of statements) await tx.query(text, params);
    });
  }
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  const moved = await world.storage.sql.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM flow_instances WHERE id = ANY($1::uuid[]) AND revision = 2`, [rawSet.map(([id]) => id)],
  );
  if (Number(moved[0]?.n) !== TRANSITIONS) throw new Error(`the replay moved ${moved[0]?.n} of ${TRANSITIONS} instances`);
  const benchmark = 'flow transitions (onboarding: regional approval), one transaction each, sequential';
  const perTransaction = recorded.reduce((sum, s) => sum + s.length, 0) / recorded.length;
  return [
    { benchmark, subject: `${name}: through the flow runtime`, value: TRANSITIONS / flowSeconds, unit: 'transitions/s' },
    { benchmark, subject: `${name}: raw SQL of the same transactions (${perTransaction.toFixed(1)} statements each)`, value: TRANSITIONS / rawSeconds, unit: 'transactions/s' },
    { benchmark, subject: `${name}: runtime / raw`, value: (100 * rawSeconds) / flowSeconds, unit: '%' },
  ];
}

/** Clones one running instance into `count` more (new ids in its state), each with a future timer job. */
async function openInstances(storage: Storage, template: string, count: number): Promise<void> {
  await storage.sql.query(
    `CREATE TABLE bench_ids AS SELECT gen_random_uuid() AS id, g FROM generate_series(1, $1::int) g`, [count],
  );
  await storage.sql.query(
    `INSERT INTO flow_instances (id, app, flow_id, flow_version, entity, record_id, status, outcome, state, created_records, revision,
       started_by, started_at, updated_at, ended_at, due_at)
     SELECT n.id, t.app, t.flow_id, t.flow_version, t.entity, t.record_id, t.status, t.outcome, replace(t.state::text, $1, n.id::text)::jsonb,
       t.created_records, t.revision, t.started_by, t.started_at, t.updated_at, t.ended_at, t.due_at
     FROM flow_instances t, bench_ids n WHERE t.id = $1::uuid`,
    [template],
  );
  await storage.sql.query(
    `INSERT INTO jobs (id, kind, payload, run_at, max_attempts, status, dedupe_key, created_at, updated_at)
     SELECT gen_random_uuid(), 'flow.timer', jsonb_build_object('instanceId', n.id::text, 'timerId', n.id::text || '.t1.escalation'),
       $1::timestamptz + interval '30 days', 10, 'queued', 'bench:open:' || n.id::text, $1::timestamptz, $1::timestamptz
     FROM bench_ids n`,
    [T0.toISOString()],
  );
}

async function timers(name: string, world: World): Promise<ResultRow[]> {
  const [template] = await world.spawn(1, '30');
  const templateId = template?.[0] ?? '';
  const templateTask = template?.[2] ?? '';
  await openInstances(world.storage, templateId, OPEN);
  // DUE of them have their reminder due now
  await world.storage.sql.query(
    `INSERT INTO jobs (id, kind, payload, run_at, max_attempts, status, dedupe_key, created_at, updated_at)
     SELECT gen_random_uuid(), 'flow.timer', jsonb_build_object('instanceId', n.id::text, 'timerId', replace($3, $4, n.id::text)),
       $1::timestamptz - interval '1 second', 10, 'queued', 'bench:due:' || n.id::text, $1::timestamptz, $1::timestamptz
     FROM bench_ids n WHERE n.g <= $2`,
    [T0.toISOString(), DUE, `${templateTask}.reminder`, templateId],
  );
  if (world.storage.kind === 'postgres') {
    await world.storage.sql.exec('VACUUM ANALYZE jobs');
    await world.storage.sql.exec('VACUUM ANALYZE flow_instances');
  }
  const handlers = createJobRegistry();
  registerFlowJobs(handlers, DEFAULT_CALENDAR);
  const worker = createJobWorker({ storage: world.storage, clock, handlers, concurrency: world.storage.kind === 'postgres' ? 8 : 1, workerId: 'bench' });
  const later = new Date(T0.getTime() + 1000);
  const started = performance.now();
  const summary = await worker.runDue(later);
  const seconds = (performance.now() - started) / 1000;
  if (summary.done !== DUE) throw new Error(`fired ${summary.done} of ${DUE} timers (${JSON.stringify(summary)})`);
  const reminded = await world.storage.sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM inbox_messages WHERE reason = 'reminder'`);
  if (Number(reminded[0]?.n) !== DUE) throw new Error(`${reminded[0]?.n} reminders in the inbox, expected ${DUE}`);
  return [{
    benchmark: `flow SLA reminders fired with ${OPEN.toLocaleString('en-US')} open instances (${DUE} due)`,
    subject: `${name}: worker concurrency ${world.storage.kind === 'postgres' ? 8 : 1}`,
    value: DUE / seconds,
    unit: 'timers/s',
  }];
}

async function measure(name: string, open: () => Promise<{ storage: Storage; dispose(): Promise<void> }>): Promise<ResultRow[]> {
  const { storage, dispose } = await open();
  try {
    const world = await prepare(storage);
    return [...(await transitions(name, world)), ...(await timers(name, world))];
  } finally {
    await dispose();
  }
}

export async function run(): Promise<void> {
  const rows: ResultRow[] = [];
  rows.push(...(await measure('pglite', async () => {
    const storage = await createStorage({ dataDir: 'memory://', now: clock.now });
    return { storage, dispose: () => storage.close() };
  })));
  const adminUrl = postgresAdminUrl();
  if (adminUrl === undefined) {
    console.warn('[flows bench] no PostgreSQL: measured PGlite only');
  } else {
    rows.push(...(await measure('postgres', async () => {
      const db = await createTestDatabase(adminUrl);
      const storage = await createStorage({ databaseUrl: db.url, now: clock.now });
      return { storage, dispose: async () => { await storage.close(); await db.drop(); } };
    })));
  }
  report('flows', rows);
}
