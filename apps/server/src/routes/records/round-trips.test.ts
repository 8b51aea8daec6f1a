/**
 * The database round trips of the hot write paths, counted (the load-independent figure behind
 * `pnpm bench api` and `pnpm bench flows`): published definitions come from caches, users are
 * read only when a flow needs them, the session and its user are kept between requests (storage's
 * session cache) and arrive in one query when they are not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATIONS, application, flowWorld, type FlowWorld } from '../../testing/flow-world.js';
import { countRoundTrips, type RoundTrips } from '../../testing/round-trips.js';

const CHECKLIST = {
  'checklist.licenceVerified': true, 'checklist.complianceTrainingDone': true, 'checklist.showcaseStoreChecked': true,
  'checklist.noConflictOfInterest': true, 'checklist.creditCheckPassed': true,
};

let w: FlowWorld;
let trips: RoundTrips;

beforeAll(async () => {
  w = await flowWorld('2026-04-01T02:00:00.000Z');
  trips = countRoundTrips(w.t.storage);
}, 120_000);
afterAll(async () => {
  trips.stop();
  await w.close();
});

const draft = async (no: string) => {
  const res = await w.send('applicant', 'POST', APPLICATIONS, { data: application(no, 100000) });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; data: Record<string, unknown> };
};

const submit = async (made: { id: string; data: Record<string, unknown> }) => {
  const res = await w.send('applicant', 'PUT', `${APPLICATIONS}/${made.id}`, { data: { ...made.data, status: 'submitted' }, revision: 1 });
  expect(res.statusCode).toBe(200);
};

async function approval(recordId: string): Promise<() => Promise<void>> {
  const tasks = (await w.send('cm_east', 'GET', '/api/tasks')).json().items as { id: string; recordId: string }[];
  const task = tasks.find((t) => t.recordId === recordId);
  return async () => {
    const res = await w.send('cm_east', 'POST', `/api/tasks/${task?.id}/actions`, { type: 'approve', data: CHECKLIST });
    expect(res.statusCode).toBe(200);
  };
}

const bodies = (sent: string[]) => sent.filter((s) => /\bbody\b.*FROM definition_versions/.test(s));
const userReads = (sent: string[]) => sent.filter((s) => /FROM users\b/.test(s));

describe('round trips of the record write paths', () => {
  it('a form submit that starts no flow: one statement, the insert with its audit entry (the session is kept)', async () => {
    await draft('OB26000100');
    const sent = await trips.during(() => draft('OB26000101'));
    expect(bodies(sent)).toEqual([]);
    expect(userReads(sent)).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^WITH created AS \( INSERT INTO records.*INSERT INTO audit_log/);
  });

  it('a submit that starts a flow reads no definition body, and an approval only the entity it validates with', async () => {
    const [first, second] = [await draft('OB26000102'), await draft('OB26000103')];
    const started = await trips.during(() => submit(first));
    expect(bodies(started)).toEqual([]);
    expect(userReads(started)).toHaveLength(2); // the actor for the trigger rule, then the directory for assignment
    await submit(second);
    await (await approval(first.id))();
    const approved = await trips.during(await approval(second.id));
    // the flow version is cached (versions are immutable); the latest entity validates the changes
    expect(bodies(approved)).toHaveLength(1);
    expect(approved.length).toBeLessThanOrEqual(18);
  });
});
