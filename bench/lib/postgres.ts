import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The throwaway loopback PostgreSQL of scripts/test-postgres.sh (started when needed); undefined without one. */
export function postgresAdminUrl(): string | undefined {
  try {
    const output = execFileSync('bash', [join(root, 'scripts/test-postgres.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const url = output.trim().split('\n').at(-1) ?? '';
    return url.startsWith('postgres://') ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The same, for benchmarks whose targets need PostgreSQL: refuses to go on without one. */
export function requirePostgresAdminUrl(benchmark: string): string {
  const url = postgresAdminUrl();
  if (url === undefined) throw new Error(`the ${benchmark} benchmark needs PostgreSQL (scripts/test-postgres.sh found none)`);
  return url;
}
