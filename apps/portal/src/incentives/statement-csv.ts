/** A statement as CSV for download: one row per line of each program, numbers as the API gives them. */
export interface CsvRow {
  readonly program: string;
  readonly line: string;
  readonly formula: string;
  readonly amount: string;
  readonly currency: string;
}

const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function statementCsv(header: readonly string[], rows: readonly CsvRow[]): string {
  const lines = [header, ...rows.map((r) => [r.program, r.line, r.formula, r.amount, r.currency])];
  // the byte order mark makes spreadsheet programs read the Chinese names as UTF-8
  return `\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}
