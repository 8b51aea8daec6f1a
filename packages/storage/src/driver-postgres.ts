import pg from 'pg';
import type { Driver } from './driver-pglite.js';
import type { Sql } from './port.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

function querySql(client: Queryable): Pick<Sql, 'query' | 'exec'> {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await client.query(text, params as unknown[])).rows as T[];
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
  return { sql, close: () => pool.end() };
}
