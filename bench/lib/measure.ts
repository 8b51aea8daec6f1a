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
