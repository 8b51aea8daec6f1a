import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiskBlobStore } from './blob-store.js';

const dir = mkdtempSync(join(tmpdir(), 'trellis-blobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('disk blob store', () => {
  const blobs = createDiskBlobStore(dir);

  it('puts, gets and deletes bytes by key', async () => {
    await blobs.put('abc-123', new Uint8Array([1, 2, 3]));
    expect(await blobs.get('abc-123')).toEqual(new Uint8Array([1, 2, 3]));
    await blobs.delete('abc-123');
    expect(await blobs.get('abc-123')).toBeUndefined();
  });

  it('never overwrites a stored key', async () => {
    await blobs.put('once', new Uint8Array([1]));
    await expect(blobs.put('once', new Uint8Array([2]))).rejects.toThrow();
    expect(await blobs.get('once')).toEqual(new Uint8Array([1]));
  });

  it('refuses keys that could name a path outside its folder', async () => {
    await expect(blobs.put('../escape', new Uint8Array([1]))).rejects.toThrow(RangeError);
    await expect(blobs.get('a/b')).rejects.toThrow(RangeError);
  });
});
