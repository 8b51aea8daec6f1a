import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSampleData, loadPrmTemplate } from '@trellis/seed';
import { importTemplate } from '@trellis/server';
import { createStorage } from '@trellis/storage';
import { runCli, tempFiles } from '../testing/capture.js';

describe('trellis incentives run / export', () => {
  it('computes a quarter with progress on stderr, prints the totals, and exports the run', async () => {
    const data = mkdtempSync(join(tmpdir(), 'trellis-cli-inc-'));
    const storage = await createStorage({ dataDir: data });
    await storage.migrate();
    await importTemplate(storage, loadPrmTemplate(), {
      actor: 'test', sampleData: generateSampleData({ partners: 12, referenceDate: '2026-09-30' }), now: new Date('2026-09-30T00:00:00Z'),
    });
    await storage.close();

    const bad = await runCli(['incentives', 'run', '--period', '2026-Q5', '--data-dir', data]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('INCENTIVE_BAD_PERIOD_ID');

    const ran = await runCli(['incentives', 'run', '--period', '2026-Q2', '--program', 'quarterly_growth_rebate', '--program', 'coop_marketing_share', '--data-dir', data]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain('Computing 2026-Q2 24/24');
    expect(ran.stdout).toMatch(/^Run [0-9a-f-]{36} of 2026-Q2 computed$/m);
    expect(ran.stdout).toMatch(/^ {2}coop_marketing_share v1: \d+ of 12 paid, [\d.]+ CNY$/m);
    expect(ran.stdout).toMatch(/^ {2}quarterly_growth_rebate v1: \d+ of 12 paid, [\d.]+ CNY$/m);

    const dir = tempFiles({});
    const exported = await runCli(['incentives', 'export', '--period', '2026-Q2', '--out', 'q2.csv', '--data-dir', data, '--lang', 'zh-CN'], dir);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('已写入 q2.csv');
    const csv = readFileSync(join(dir, 'q2.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF类型,激励方案,方案版本,对象,符合资格,金额,币种,明细,输入');
    expect(csv.split('\r\n').filter((l) => l.startsWith('结果,')).length).toBe(24);

    const neither = await runCli(['incentives', 'export', '--out', 'x.csv', '--data-dir', data]);
    expect(neither).toMatchObject({ code: 2 });
    expect(neither.stderr).toContain('CLI_BAD_OPTION');
  }, 120_000);
});
