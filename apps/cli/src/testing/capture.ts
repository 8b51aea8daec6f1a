import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../run.js';

export interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command line in-process, collecting what it writes. Relative paths resolve in `cwd`. */
export async function runCli(argv: readonly string[], cwd = process.cwd()): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
  });
  return { code, stdout, stderr };
}

/** A fresh directory with the given files (JSON values are written as JSON). */
export function tempFiles(files: Readonly<Record<string, unknown>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-cli-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content), 'utf8');
  }
  return dir;
}

export const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);
