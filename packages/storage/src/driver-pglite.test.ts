import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStorage } from './create.js';
import { MIGRATIONS } from './migrations/index.js';

describe('PGlite in a data folder', () => {
  it('keeps data and applied migrations across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trellis-pglite-'));
    try {
      const first = await createStorage({ dataDir: dir });
      expect(first.kind).toBe('pglite');
      expect((await first.migrate()).applied).toEqual(MIGRATIONS.map((m) => m.name));
      await first.transaction((tx) => tx.partnerOrgs.create({ id: 'kept', name: 'Kept' }));
      await first.close();

      const second = await createStorage({ dataDir: dir });
      try {
        expect(await second.health()).toBe(true);
        expect((await second.migrate()).applied).toEqual([]);
        expect((await second.read.partnerOrgs.get('kept'))?.name).toBe('Kept');
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
