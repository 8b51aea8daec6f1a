import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../testing/capture.js';

const PRM_PATH = fileURLToPath(new URL('../../../../seed/prm/template.json', import.meta.url));

describe('trellis template import / export against a database', () => {
  it('plans on --dry-run, applies, exports the app, and the export imports back unchanged', async () => {
    const data = mkdtempSync(join(tmpdir(), 'trellis-cli-db-'));
    const dry = await runCli(['template', 'import', PRM_PATH, '--dry-run', '--data-dir', data]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Import plan for prm /);
    expect(dry.stdout).toContain('new');

    // still nothing stored: exporting the app fails
    const missing = await runCli(['template', 'export', 'prm', '--data-dir', data]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('APP_NOT_FOUND');

    const applied = await runCli(['template', 'import', PRM_PATH, '--data-dir', data]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Imported the app "prm"');

    const dir = tempFiles({});
    const exported = await runCli(['template', 'export', 'prm', '--out', 'prm.json', '--data-dir', data], dir);
    expect(exported.code).toBe(0);
    const text = readFileSync(join(dir, 'prm.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ kind: 'app-template', app: { id: 'prm' } });

    const again = await runCli(['template', 'import', 'prm.json', '--dry-run', '--data-dir', data], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/^\s+(new|changed|conflicting)\s/m);
  });

  it('lists the problems of an invalid template and exits 1', async () => {
    const data = mkdtempSync(join(tmpdir(), 'trellis-cli-db-'));
    const doc = JSON.parse(readFileSync(PRM_PATH, 'utf8')) as { roles: unknown[] };
    doc.roles.push(doc.roles[0]);
    const dir = tempFiles({ 'bad.json': doc });
    const result = await runCli(['template', 'import', 'bad.json', '--data-dir', data], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('TEMPLATE_DUPLICATE_ID');
  });
});
