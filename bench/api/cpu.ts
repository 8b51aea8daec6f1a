/**
 * CPU time a target spends, read from /proc (Linux): its node process and, on PostgreSQL, the
 * server processes serving its database. CPU per request does not depend on what else the
 * machine runs, unlike requests/s on a shared 2-core machine; undefined where /proc is missing.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ: /proc counts CPU time in ticks of 10 ms on Linux. */
const TICK_MS = 10;

function ticksOf(pid: string): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11] ?? 0) + Number(fields[12] ?? 0); // utime, stime
  } catch {
    return 0; // the process has ended
  }
}

/** PostgreSQL names each backend's database in its command line: `postgres: user db host(port) …`. */
function backendsOf(database: string): string[] {
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return command.startsWith('postgres: ') && command.split(' ')[2] === database;
    } catch {
      return false;
    }
  });
}

/** A reader of the CPU ms used so far by `pid` and by the backends of `database` (if any). */
export function cpuMeter(pid: number | undefined, database: string | undefined): (() => number) | undefined {
  if (pid === undefined || ticksOf(String(pid)) === 0) return undefined;
  return () => (ticksOf(String(pid)) + (database === undefined ? 0 : backendsOf(database).reduce((sum, b) => sum + ticksOf(b), 0))) * TICK_MS;
}
