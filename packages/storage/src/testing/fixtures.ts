import { randomBytes } from 'node:crypto';
import { isTrellisError, type Problem } from '@trellis/errors';
import type { Storage } from '../port.js';

/** A new app with a unique id, so tests sharing one database never see each other's records. */
export async function newApp(storage: Storage, prefix = 'app'): Promise<string> {
  const id = `${prefix}_${randomBytes(4).toString('hex')}`;
  await storage.transaction((tx) => tx.apps.create({ id, label: { en: id, 'zh-CN': id }, actor: 'system' }));
  return id;
}

/** The Problem a storage call failed with (fails the test when it did not fail that way). */
export async function problemOf(promise: Promise<unknown>): Promise<Problem> {
  try {
    await promise;
  } catch (error) {
    if (isTrellisError(error) && error.problems[0] !== undefined) return error.problems[0];
    throw error;
  }
  throw new Error('Expected the call to fail with a TrellisError');
}
