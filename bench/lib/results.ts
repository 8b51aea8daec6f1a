import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One measured figure. The baseline of a benchmark is another subject of it, measured in the same run. */
export interface ResultRow {
  readonly benchmark: string;
  readonly subject: string;
  readonly value: number;
  readonly unit: string;
}

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

/** Prints the rows as a table and writes bench/results/NAME.json as {"rows": [...]}. */
export function report(name: string, rows: readonly ResultRow[]): void {
  console.log(`\n## ${name}`);
  console.table(
    rows.map((r) => ({ benchmark: r.benchmark, subject: r.subject, value: formatValue(r.value), unit: r.unit })),
  );
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify({ rows }, null, 2)}\n`);
}

function formatValue(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(4);
}
