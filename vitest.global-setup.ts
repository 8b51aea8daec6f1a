import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

/** Must match TEST_DATABASE_ENV in packages/storage/src/testing/backends.ts. */
const ENV = 'TRELLIS_TEST_DATABASE_URL';
const POSTGRES_ROOT = '/usr/lib/postgresql';

/** PostgreSQL is known (its URL is set) or installed (the setup can start a throwaway server). */
export function hasPostgres(): boolean {
  if (process.env[ENV]) return true;
  try {
    return readdirSync(POSTGRES_ROOT).length > 0;
  } catch {
    return false;
  }
}

/**
 * Storage and API suites run on PGlite and, when a PostgreSQL server is known, on PostgreSQL too.
 * With the binaries installed, a throwaway loopback server is started (or reused) and its URL
 * handed to the test workers through the environment. On CI, missing PostgreSQL is an error:
 * quietly testing only PGlite would hide half the matrix.
 */
export default function setup(): void {
  if (process.env[ENV]) return;
  if (!hasPostgres()) {
    if (process.env.CI === 'true') {
      throw new Error(`CI=true but no PostgreSQL was found under ${POSTGRES_ROOT} and ${ENV} is not set`);
    }
    console.warn(`[trellis] no PostgreSQL under ${POSTGRES_ROOT}: storage suites run on PGlite only`);
    return;
  }
  const output = execFileSync('bash', ['scripts/test-postgres.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const url = output.trim().split('\n').at(-1);
  if (!url?.startsWith('postgres://')) throw new Error(`scripts/test-postgres.sh printed no connection string: ${output}`);
  process.env[ENV] = url;
}
