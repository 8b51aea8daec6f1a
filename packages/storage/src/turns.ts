import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * PGlite runs each statement synchronously on the server's own thread, so a request that reaches
 * its statement finishes within the socket callback that read it, and the callbacks of one poll run
 * back to back. A client whose response went out last in such a run is not read until the next run
 * is over: under load one connection in ten waited two runs (p99 about twice the median). Starting
 * each statement on a later event-loop turn lets the server read what arrived in between, so
 * statements run in the order requests came in. Statements still run one at a time, as PGlite
 * would anyway; `node:timers/promises` keeps the turn real under a test's fake timers.
 */
export function oneStatementPerTurn(): <T>(statement: () => Promise<T>) => Promise<T> {
  let previous: Promise<unknown> = Promise.resolve();
  return (statement) => {
    const run = previous.then(() => nextTurn()).then(statement);
    previous = run.catch(() => undefined);
    return run;
  };
}
