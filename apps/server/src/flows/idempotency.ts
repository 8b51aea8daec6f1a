/**
 * `Idempotency-Key`: the first successful result of a (user, key) is stored in the transaction that
 * produced it, so a retry or a double click gets that result again instead of acting twice. A
 * request that lost a race on the same key (it failed, typically 409) also answers the stored
 * result. The same key with a different request is refused.
 */
import { createHash } from 'node:crypto';
import { TrellisError } from '@trellis/errors';
import type { JsonObject, Storage, StorageTx } from '@trellis/storage';
import { flowServiceProblems } from './problems.js';

export interface Idempotent {
  readonly actor: string;
  /** absent: no key, the work just runs */
  readonly key?: string | undefined;
  /** what identifies the request (route and body) */
  readonly request: unknown;
}

export interface IdempotentOutcome<T> {
  readonly value: T;
  /** true when this is the stored answer of an earlier request */
  readonly replayed: boolean;
}

const hashOf = (request: unknown) => createHash('sha256').update(JSON.stringify(request)).digest('hex');

export async function idempotent<T extends JsonObject>(
  storage: Storage, input: Idempotent, work: (tx: StorageTx) => Promise<T>,
): Promise<IdempotentOutcome<T>> {
  const { key, actor } = input;
  if (key === undefined) return { value: await storage.transaction(work), replayed: false };
  const requestHash = hashOf(input.request);
  const stored = async (): Promise<IdempotentOutcome<T> | null> => {
    const found = await storage.read.idempotency.get(actor, key);
    if (found === null) return null;
    if (found.requestHash !== requestHash) throw new TrellisError([flowServiceProblems.keyReused(key)]);
    return { value: found.response as T, replayed: true };
  };
  const earlier = await stored();
  if (earlier !== null) return earlier;
  try {
    const value = await storage.transaction(async (tx) => {
      const result = await work(tx);
      await tx.idempotency.put({ actor, key, requestHash, status: 200, response: result });
      return result;
    });
    return { value, replayed: false };
  } catch (error) {
    const raced = await stored();
    if (raced !== null) return raced;
    throw error;
  }
}
