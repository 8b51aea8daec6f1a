import { Bench } from 'tinybench';

/**
 * Operations per second of `op` applied to every input of a batch. Timing a batch rather than a
 * single call keeps the timer's own cost (tens of ns) out of figures for functions that take less.
 */
export async function opsPerSecond<I>(
  subjects: Readonly<Record<string, (input: I) => unknown>>,
  inputs: readonly I[],
  timeMs = 1500,
): Promise<Record<string, number>> {
  const bench = new Bench({ time: timeMs, warmupTime: 300 });
  let sink: unknown;
  for (const [name, op] of Object.entries(subjects)) {
    bench.add(name, () => {
      for (let i = 0; i < inputs.length; i++) sink = op(inputs[i] as I);
    });
  }
  await bench.run();
  if (sink === Symbol.for('never')) console.log(sink); // keeps the results observable to the optimiser
  const out: Record<string, number> = {};
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`benchmark task ${task.name} ended ${result.state}`);
    const mean = result.latency.mean;
    if (!(mean > 0)) throw new Error(`benchmark task ${task.name} produced no timing`);
    out[task.name] = (inputs.length * 1000) / mean;
  }
  return out;
}

export interface RoundsOptions {
  /** how many rounds; every round times every subject once */
  readonly rounds?: number;
  /** how long each subject runs in a round */
  readonly roundMs?: number;
  /** how long each subject runs before the first round (JIT tiers, caches) */
  readonly warmupMs?: number;
}

/** CPU time this process has used, in ms: unlike the clock, it does not run while other processes have the CPU. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Runs `op` over every input, batch after batch, for about `ms` of CPU time; returns operations
 * per CPU second.
 */
function timeBatches<I>(op: (input: I) => unknown, inputs: readonly I[], ms: number, keep: (value: unknown) => void): number {
  let batches = 0;
  const start = cpuMs();
  let elapsed = 0;
  do {
    for (let i = 0; i < inputs.length; i++) keep(op(inputs[i] as I));
    batches++;
    elapsed = cpuMs() - start;
  } while (elapsed < ms);
  return (batches * inputs.length * 1000) / elapsed;
}

/**
 * Operations per CPU second of each subject, measured in turns: each round times every subject
 * once, in an order that rotates from round to round, so that a change in the machine's load
 * (other processes on a shared machine) falls on all subjects alike; CPU time leaves out the time
 * other processes had the CPU. Returns every round's figure per subject, in round order, for
 * comparisons round by round (`medianRatio`).
 */
export function opsPerSecondInRounds<I>(
  subjects: Readonly<Record<string, (input: I) => unknown>>,
  inputs: readonly I[],
  { rounds = 15, roundMs = 150, warmupMs = 300 }: RoundsOptions = {},
): Record<string, number[]> {
  let sink: unknown;
  const keep = (value: unknown): void => {
    sink = value;
  };
  const names = Object.keys(subjects);
  for (const name of names) timeBatches(subjects[name]!, inputs, warmupMs, keep);
  const out: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      out[name]!.push(timeBatches(subjects[name]!, inputs, roundMs, keep));
    }
  }
  if (sink === Symbol.for('never')) console.log(sink); // keeps the results observable to the optimiser
  return out;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median over rounds of how many times slower `slow` was than `fast` in the same round. */
export function medianRatio(fast: readonly number[], slow: readonly number[]): number {
  return median(fast.map((f, i) => f / slow[i]!));
}
