import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Sql } from './port.js';
import { oneStatementPerTurn } from './turns.js';

type Queryable = Pick<Transaction, 'query' | 'exec'>;

/** Inside a transaction every call goes to the same transaction; a nested transaction joins it. */
function txSql(tx: Queryable): Sql {
  const sql: Sql = {
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await tx.query<T>(text, params as unknown[])).rows;
    },
    async exec(text: string) {
      await tx.exec(text);
    },
    transaction: (fn) => fn(sql),
  };
  return sql;
}

/** What a listener hears: each notice, and whether notices reach it at all right now. */
export interface NoticeHandlers {
  notice(): void;
  listening(on: boolean): void;
}

export interface Driver {
  readonly sql: Sql;
  /** LISTENs on `channel` until close; calls `listening(true)` once it does */
  listen(channel: string, handlers: NoticeHandlers): Promise<void>;
  close(): Promise<void>;
}

/**
 * - shared_buffers: PostgreSQL's buffer cache lives in PGlite's WASM memory, which grows to hold it
 *   and never shrinks: the default 128 MB is ~128 MB more resident memory in the server process once
 *   a large run has read through it. With the data in a folder the OS caches the files anyway.
 * - wal_init_zero: a new 16 MB WAL segment is otherwise written full of zeros first, on the server's
 *   thread (there is no WAL writer in a single process): every segment held all requests for 30 to
 *   40 ms. PGlite runs with fsync off, so the zeros bought nothing.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB', '-c', 'wal_init_zero=off'];

/** PGlite in a folder, or in memory ('memory://' or no folder). One connection: statements queue, one per turn. */
export async function openPglite(dataDir: string | undefined): Promise<Driver> {
  const db = await PGlite.create(dataDir ?? 'memory://', { startParams: START_PARAMS });
  // Timestamps render and parse in UTC whatever the host's zone, same as the PostgreSQL driver.
  await db.exec(`SET TIME ZONE 'UTC'`);
  const direct = txSql(db);
  const turn = oneStatementPerTurn();
  const sql: Sql = {
    query: <T,>(text: string, params?: readonly unknown[]) => turn(() => direct.query<T>(text, params)),
    exec: (text) => turn(() => direct.exec(text)),
    transaction: (fn) => turn(() => db.transaction((tx) => fn(txSql(tx)))),
  };
  return {
    sql,
    // PGlite runs in this process: a notice is delivered before the statement that caused it returns.
    async listen(channel, handlers) {
      await db.listen(channel, () => handlers.notice());
      handlers.listening(true);
    },
    close: () => db.close(),
  };
}
