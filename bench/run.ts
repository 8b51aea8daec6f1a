/**
 * `pnpm bench [name…]`: runs every benchmark (or the named ones), prints tables and writes
 * bench/results/NAME.json. Benchmarks measure; tests never time anything.
 */
export {};

const benchmarks: Record<string, () => Promise<void>> = {
  rules: async () => (await import('./rules.bench.js')).run(),
  forms: async () => (await import('./forms.bench.js')).run(),
  api: async () => (await import('./api.bench.js')).run(),
  jobs: async () => (await import('./jobs.bench.js')).run(),
  flows: async () => (await import('./flows.bench.js')).run(),
  incentives: async () => (await import('./incentives.bench.js')).run(),
  studio: async () => (await import('./studio.bench.js')).run(),
  canvas: async () => (await import('./canvas.bench.js')).run(),
};

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!(name in benchmarks)) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(benchmarks).join(', ')}`);
    process.exit(2);
  }
}
for (const [name, run] of Object.entries(benchmarks)) {
  if (wanted.length === 0 || wanted.includes(name)) await run();
}
