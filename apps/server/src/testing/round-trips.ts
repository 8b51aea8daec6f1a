/**
 * Counts the statements a piece of work sends to the database (a transaction counts BEGIN and
 * COMMIT too): the load-independent measure of a request's cost, for tests that keep the hot
 * paths from growing round trips back.
 */
import type { Sql, Storage } from '@trellis/storage';

export interface RoundTrips {
  /** the statements sent while `work` ran ('BEGIN'/'COMMIT' for each transaction) */
  during(work: () => Promise<unknown>): Promise<string[]>;
  stop(): void;
}

export function countRoundTrips(storage: Storage): RoundTrips {
  const sql = storage.sql as { query: Sql['query']; transaction: Sql['transaction'] };
  const original = { query: sql.query, transaction: sql.transaction };
  let sent: string[] | null = null;
  const note = (text: string) => sent?.push(text.replace(/\s+/g, ' ').trim());
  sql.query = <T>(text: string, params?: readonly unknown[], prepare?: string) => {
    note(text);
    return original.query.call(storage.sql, text, params, prepare) as Promise<T[]>;
  };
  sql.transaction = <T>(fn: (tx: Sql) => Promise<T>): Promise<T> => {
    note('BEGIN');
    return original.transaction.call<Sql, [(tx: Sql) => Promise<T>], Promise<T>>(storage.sql, (tx) => fn(counted(tx))).finally(() => note('COMMIT'));
  };
  // nested transactions reuse the outer one: no BEGIN of their own
  const counted = (tx: Sql): Sql => ({
    ...tx,
    query: <R>(text: string, params?: readonly unknown[], prepare?: string) => {
      note(text);
      return tx.query<R>(text, params, prepare);
    },
    transaction: <R>(inner: (nested: Sql) => Promise<R>) => tx.transaction((nested) => inner(counted(nested))),
  });
  return {
    async during(work) {
      sent = [];
      try {
        await work();
        return sent;
      } finally {
        sent = null;
      }
    },
    stop() {
      sql.query = original.query;
      sql.transaction = original.transaction;
    },
  };
}
