import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lastLine, tempFiles } from './testing/capture.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const exec = promisify(execFile);

/**
 * The real entry point, as a person runs it: `pnpm trellis …`, here from another directory (so
 * `--dir` points at the repository), which also proves relative paths resolve where it is run.
 */
async function pnpmTrellis(args: readonly string[], from: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await exec('pnpm', ['--dir', ROOT, '--silent', 'trellis', ...args], { cwd: from });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '' };
  }
}

describe('pnpm trellis (spawned)', () => {
  const dir = tempFiles({
    'pass.json': [{ rule: { '+': [1, { var: 'a' }] }, data: { a: 1 }, expect: 2 }],
    'fail.json': [{ rule: { '+': [1, { var: 'a' }] }, data: { a: 1 }, expect: 3 }],
  });

  it('runs rule test with exit code 0 on passing and 1 on failing files', async () => {
    const pass = await pnpmTrellis(['rule', 'test', 'pass.json'], dir);
    expect(pass).toEqual({ code: 0, stdout: '1 passed, 0 failed\n' });
    const fail = await pnpmTrellis(['rule', 'test', 'fail.json'], dir);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain('  actual:   2\n');
    expect(lastLine(fail.stdout)).toBe('0 passed, 1 failed');
  });
});
