import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Readable } from 'node:stream';
import type { Storage } from '@trellis/storage';
import { parseCsv, parseXlsx } from '@trellis/tabular';
import { testBackends } from '@trellis/storage/testing';
import { approvalStep } from './approval.js';
import { exportRun } from './export.js';
import { runStore } from './store.js';
import { addFinanceUsers, FINANCE, importPrograms, insert, partner, performance, runToEnd } from './test-fixtures.js';

const GROWTH = 'quarterly_growth_rebate';
const PARTNERS = ['E1', 'E2', 'E3', 'E4', 'E5'];

async function bytesOf(stream: Readable): Promise<Uint8Array> {
  return new Uint8Array(Buffer.concat(await stream.toArray() as Buffer[]));
}

describe.each(testBackends())('run exports on $kind', (backend) => {
  let storage: Storage;
  let correction: string;
  beforeAll(async () => {
    storage = await backend.open();
    await importPrograms(storage);
    await addFinanceUsers(storage);
    await insert(storage, 'partner', PARTNERS.map((id) => partner(id)));
    const ids = await insert(storage, 'performance', PARTNERS.flatMap((id, i) => [
      performance(id, '2025-Q2', '100000', '1'), performance(id, '2026-Q2', String(100000 + i * 10000), '1'),
    ]));
    const final = await runToEnd(storage, { period: '2026-Q2', programs: [GROWTH] });
    await approvalStep(storage, final.id, 'submit', FINANCE[0]);
    await approvalStep(storage, final.id, 'approve', FINANCE[1]);
    // E1 and E2 sold more after the final run: the correction owes them adjustment lines
    for (const index of [1, 3]) {
      const record = await storage.read.records.get(ids[index] as string);
      await storage.transaction((tx) => tx.records.update({
        id: ids[index] as string, expectedRevision: record?.revision ?? 0, data: { ...record?.data, actual: '150000' }, actor: 'test',
      }));
    }
    correction = (await runToEnd(storage, { period: '2026-Q2', programs: [GROWTH] })).id;
  }, 60_000);
  afterAll(() => storage.close());

  const expected = async () => {
    const results = await runStore(storage.sql).results(correction, { limit: 100 });
    const adjustments = await runStore(storage.sql).adjustments(correction);
    expect(adjustments.map((a) => a.subject)).toEqual(['E1', 'E2']);
    return [
      ...results.map((r) => ({ Kind: 'result', Subject: r.subject, Amount: Number(r.amount) })),
      ...adjustments.map((a) => ({ Kind: 'adjustment', Subject: a.subject, Amount: Number(a.amount) })),
    ];
  };

  it('streams every result, then the adjustment lines, in pages smaller than the run, as CSV and XLSX', async () => {
    const want = await expected();
    expect(want).toHaveLength(PARTNERS.length + 2);
    for (const pageSize of [1, 2, 1000]) {
      const csv = parseCsv(await bytesOf(exportRun(storage.sql, correction, 'csv', 'en', pageSize)));
      const xlsx = await parseXlsx(await bytesOf(exportRun(storage.sql, correction, 'xlsx', 'en', pageSize)));
      for (const table of [csv, xlsx]) {
        if (!table.ok) throw new Error(JSON.stringify(table.problems));
        expect(table.value.rows.map((r) => ({ Kind: r.Kind, Subject: r.Subject, Amount: Number(r.Amount) }))).toEqual(want);
      }
    }
  });
});
