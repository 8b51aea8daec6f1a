import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXlsx } from '@trellis/tabular';
import { importPrograms, insert, partner, performance } from '../../incentives/test-fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

const GROWTH = 'quarterly_growth_rebate';
const FORMULA = '=HYPERLINK("http://127.0.0.1/x")';
const base = '/api/apps/prm/incentives';

describe('incentive routes', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: cookies[who] ?? '' }, ...(payload === undefined ? {} : { payload }) });

  beforeAll(async () => {
    t = await createTestApp();
    await importPrograms(t.storage);
    await t.storage.transaction(async (tx) => {
      await tx.partnerOrgs.create({ id: 'D1', name: 'D1' });
    });
    await insert(t.storage, 'partner', [partner('D1'), partner('D2'), partner(FORMULA)]);
    await insert(t.storage, 'performance', ['D1', 'D2', FORMULA].flatMap((id, i) => [
      performance(id, '2025-Q2', '100000', '1'), performance(id, '2026-Q2', String(110000 + i * 10000), '1'),
    ]));
    for (const [username, roles, partnerOrg] of [['fin1', ['finance'], null], ['fin2', ['finance'], null], ['cm', ['channel_manager'], null],
      ['pu', ['partner_user'], 'D1']] as const) {
      const { password } = await t.createUser({ username, displayName: username, roles: [...roles], partnerOrg });
      cookies[username] = await t.login(username, password);
    }
  }, 60_000);
  afterAll(() => t.close());

  async function computed(id: string) {
    for (let i = 0; i < 3000; i++) {
      const run = (await call('fin1', 'GET', `${base}/runs/${id}`)).json();
      if (run.status !== 'running') return run;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the run did not end');
  }

  it('runs a period for finance, explains, approves, exports, and shows partners only their own results', async () => {
    expect((await call('cm', 'POST', `${base}/runs`, { period: '2026-Q2' })).json()).toMatchObject({ status: 403, code: 'PERM_FORBIDDEN' });
    const bad = await call('fin1', 'POST', `${base}/runs`, { period: '2026-Q5', programs: [GROWTH] });
    expect(bad.json()).toMatchObject({ status: 400, errors: [{ path: 'body.period' }] });
    const started = await call('fin1', 'POST', `${base}/runs`, { period: '2026-Q2', programs: [GROWTH] });
    expect(started.statusCode).toBe(202);
    const run = await computed(started.json().id);
    expect(run).toMatchObject({ status: 'computed', progress: { done: 3, total: 3 }, programs: [{ id: GROWTH, version: 1 }] });

    const paying = (await call('fin1', 'GET', `${base}/runs/${run.id}/results?paying=true&limit=2`)).json();
    expect(paying.items.map((r: { subject: string; amount: string }) => [r.subject, r.amount])).toEqual([[FORMULA, '3900.00'], ['D1', '1100.00']]);
    const next = (await call('fin1', 'GET', `${base}/runs/${run.id}/results?paying=true&limit=2&after=${paying.nextCursor}`)).json();
    expect(next).toMatchObject({ items: [{ subject: 'D2', amount: '2400.00' }], nextCursor: null });
    const one = (await call('fin1', 'GET', `${base}/runs/${run.id}/results/${GROWTH}/D1`)).json();
    expect(one).toMatchObject({ inputs: { actual: '110000', same_quarter_last_year: '100000' }, explanation: { derived: [{ id: 'growth', value: 0.1 }, { id: 'growth_rate', table: { rows: 1 } }] } });
    expect((await call('fin1', 'GET', `${base}/runs/${run.id}/diff`)).json()).toEqual({ previousRun: null, items: [], nextCursor: null });

    const csv = await call('fin1', 'GET', `${base}/runs/${run.id}/export?format=csv&locale=en`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://127.0.0.1/x"")"`);
    expect(csv.body).toContain('result,quarterly_growth_rebate,1,D1,true,1100,CNY,rebate=1100.00');
    const xlsx = await call('fin1', 'GET', `${base}/runs/${run.id}/export?format=xlsx&locale=zh-CN`);
    const sheet = await parseXlsx(xlsx.rawPayload);
    expect(sheet.ok && sheet.value.headers.slice(0, 4)).toEqual(['类型', '激励方案', '方案版本', '对象']);
    expect(sheet.ok && sheet.value.rows.map((r) => r['对象'])).toContain(`'${FORMULA}`);

    // partner users see nothing before the run is final
    expect((await call('pu', 'GET', `${base}/runs/${run.id}/results/${GROWTH}/D1`)).statusCode).toBe(404);
    expect((await call('pu', 'GET', `${base}/runs/${run.id}/results`)).statusCode).toBe(403);
    // submitting starts the approval flow: fin2's inbox gets the task; fin1 (the submitter) cannot decide it
    const submitted = (await call('fin1', 'POST', `${base}/runs/${run.id}/submit`)).json();
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: expect.any(String), approvalInstance: expect.any(String) });
    expect((await call('fin1', 'GET', '/api/tasks?status=open')).json().items).toEqual([]);
    const [task] = (await call('fin2', 'GET', '/api/tasks?status=open')).json().items;
    expect(task).toMatchObject({ flowId: 'incentive_run_approval', node: 'finance_review', instanceId: submitted.approvalInstance });
    const own = await call('fin1', 'POST', `${base}/runs/${run.id}/approve`);
    expect([own.statusCode, own.headers['content-type'], own.json().code]).toEqual([403, 'application/problem+json; charset=utf-8', 'PERM_SAME_APPROVER']);
    expect((await call('fin1', 'POST', `/api/tasks/${task.id}/actions`, { type: 'approve' })).json()).toMatchObject({ status: 403, code: 'FLOW_NOT_ASSIGNEE' });
    // fin2 approves from the inbox: the flow ends approved, the run is final at once
    expect((await call('fin2', 'POST', `/api/tasks/${task.id}/actions`, { type: 'approve', comment: 'checked' })).json())
      .toMatchObject({ instance: { status: 'completed', outcome: 'approved' } });
    expect((await call('fin2', 'GET', `${base}/runs/${run.id}`)).json()).toMatchObject({ status: 'final', approvedBy: expect.any(String), finalizedBy: expect.any(String) });
    expect((await call('fin2', 'POST', `${base}/runs/${run.id}/finalize`)).json()).toMatchObject({ status: 409, code: 'INCENTIVE_RUN_CONFLICT' });
    expect((await call('fin2', 'POST', `${base}/runs/${run.id}/cancel`)).json()).toMatchObject({ status: 409, code: 'INCENTIVE_RUN_CONFLICT' });

    const statement = (await call('pu', 'GET', `${base}/statement?period=2026-Q2`)).json();
    expect(statement).toMatchObject({ runId: run.id, subjects: [{ subject: 'D1', results: [{ program: GROWTH, amount: '1100.00' }] }] });
    expect(statement.subjects).toHaveLength(1);
    expect((await call('pu', 'GET', `${base}/statement?period=2026-Q2&subject=D2`)).json()).toMatchObject({ status: 404, code: 'INCENTIVE_SUBJECT_NOT_FOUND' });
    expect((await call('pu', 'GET', `${base}/runs/${run.id}/results/${GROWTH}/D1`)).json()).toMatchObject({ amount: '1100.00' });
    expect((await call('pu', 'GET', `${base}/runs/${run.id}/results/${GROWTH}/D2`)).statusCode).toBe(404);

    const calc = (await call('pu', 'POST', `${base}/calculator`, { program: GROWTH, period: '2026-Q2', subject: 'D1', overrides: { actual: { add: 20000 } } })).json();
    expect(calc).toMatchObject({ actual: { total: '1100.00' }, result: { total: '3900.00' }, difference: '2800.00', changed: { actual: { actual: '110000', hypothetical: '130000' } } });
    expect((await call('pu', 'POST', `${base}/calculator`, { program: GROWTH, period: '2026-Q2', subject: 'D2' })).json())
      .toMatchObject({ status: 404, code: 'INCENTIVE_SUBJECT_NOT_FOUND' });
  });
});
