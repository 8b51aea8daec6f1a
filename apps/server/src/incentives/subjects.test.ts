import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '@trellis/storage';
import { testBackends } from '@trellis/storage/testing';
import { countSubjects, subjectPages } from './subjects.js';
import { APP, importPrograms, insert, partner } from './test-fixtures.js';

describe.each(testBackends())('subject pages on $kind', (backend) => {
  let storage: Storage;
  let ids: string[];
  beforeAll(async () => {
    storage = await backend.open();
    await importPrograms(storage);
    // out of key order, a key held twice, and a record without a key
    ids = await insert(storage, 'partner', [partner('P3'), partner('P1'), partner('P2'), partner('P1', { name: 'again' }), partner('P4'), { name: 'no key' }]);
    await storage.ensureFieldIndexes(APP, 'partner', [{ path: 'partnerId', type: 'string' }]);
  }, 60_000);
  afterAll(() => storage.close());

  it('walks every key once, in key order, a page at a time; of two records with one key the first by id counts', async () => {
    expect(await countSubjects(storage.sql, APP, 'partner', 'partnerId')).toBe(4);
    const [firstP1, secondP1] = [ids[1] as string, ids[3] as string].sort();
    for (const size of [1, 2, 3, 10]) {
      const pages: { key: string; record: string }[][] = [];
      for await (const page of subjectPages(storage.sql, APP, 'partner', 'partnerId', size)) pages.push(page.map(({ key, record }) => ({ key, record })));
      expect(pages.every((p) => p.length <= size)).toBe(true);
      const walked = pages.flat();
      expect(walked.map((s) => s.key)).toEqual(['P1', 'P2', 'P3', 'P4']);
      expect(walked[0]?.record).toBe(firstP1);
      expect(walked.map((s) => s.record)).not.toContain(secondP1);
    }
  });
});
