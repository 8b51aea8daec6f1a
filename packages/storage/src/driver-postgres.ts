import pg from 'pg';
import type { Driver, NoticeHandlers } from './driver-pglite.js';
import type { Sql } from './port.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

function querySql(client: Queryable): Pick<Sql, 'query' | 'exec'> {
  return {
    async query<T>(text: string, params: readonly unknown[] = [], prepare?: string) {
      const values = params as unknown[];
      return (await (prepare === undefined ? client.query(text, values) : client.query({ name: prepare, text, values }))).rows as T[];
    },
    async exec(text: string) {
      // Without parameters node-postgres uses the simple protocol, which runs several statements.
      await client.query(text);
    },
  };
}

function clientSql(client: pg.PoolClient): Sql {
  const sql: Sql = { ...querySql(client), transaction: (fn) => fn(sql) };
  return sql;
}

/** A node-postgres pool; each transaction holds one pooled connection from BEGIN to COMMIT. */
export async function openPostgres(connectionString: string, max: number): Promise<Driver> {
  const pool = new pg.Pool({ connectionString, max, options: '-c TimeZone=UTC' });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const sql: Sql = {
    ...querySql(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(clientSql(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
  let listener: ReturnType<typeof noticeListener> | undefined;
  return {
    sql,
    listen(channel, handlers) {
      listener = noticeListener(connectionString, channel, handlers);
      return listener.start();
    },
    async close() {
      await listener?.stop();
      await pool.end();
    },
  };
}

const RELISTEN_MS = 1000;

/**
 * One connection of its own that LISTENs (a pooled one would drop the LISTEN when released).
 * Notices sent while it is down are lost, so it reports `listening(false)` at once and tries
 * again every second until it listens again.
 */
function noticeListener(connectionString: string, channel: string, handlers: NoticeHandlers) {
  let current: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    // keep-alive probes find a connection that died silently, so it is reported lost
    const client = new pg.Client({ connectionString, keepAlive: true });
    const lost = () => {
      if (current !== client) return;
      current = null;
      handlers.listening(false);
      void client.end().catch(() => undefined);
      schedule();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => handlers.notice());
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await client.end();
      return;
    }
    current = client;
    handlers.listening(true);
  }

  // a failed attempt leaves the cache off and tries again; it does not stop the start
  const attempt = () => connect().catch(schedule);

  function schedule(): void {
    if (stopped) return;
    retry = setTimeout(() => void attempt(), RELISTEN_MS);
    retry.unref();
  }

  return {
    start: attempt,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const client = current;
      current = null;
      await client?.end();
    },
  };
}
