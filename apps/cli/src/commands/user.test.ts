import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStorage } from '@trellis/storage';
import { runCli } from '../testing/capture.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'trellis-cli-db-'));

describe('trellis migrate', () => {
  it('applies the migrations once, then reports the database up to date', async () => {
    const dir = dataDir();
    const first = await runCli(['migrate', '--data-dir', dir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Applied \w+/);
    const second = await runCli(['migrate', '--data-dir', dir, '--lang', 'zh-CN']);
    expect(second.stdout.trim()).toBe('数据库已是最新');
  });
});

describe('trellis user', () => {
  it('creates users with a generated one-time password or a given one; refuses duplicates', async () => {
    const dir = dataDir();
    const generated = await runCli(['user', 'create', '--username', 'ana', '--role', 'finance', '--role', 'viewer', '--data-dir', dir]);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(/^Created user ana \([\w-]+\), roles: finance, viewer\nOne-time password for ana: [\w-]{24}\n/);

    const given = await runCli(['user', 'create', '--username', 'bo', '--role', 'viewer', '--password', 'a-long-password', '--data-dir', dir]);
    expect(given.code).toBe(0);
    expect(given.stdout).not.toContain('One-time password');

    const duplicate = await runCli(['user', 'create', '--username', 'ANA', '--role', 'viewer', '--data-dir', dir]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/^username {2}STORAGE_DUPLICATE {2}/);
  });

  it('refuses a short password and an unknown partner organisation', async () => {
    const dir = dataDir();
    const short = await runCli(['user', 'create', '--username', 'x', '--role', 'viewer', '--password', 'short', '--data-dir', dir]);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/^password {2}CLI_BAD_OPTION {2}The password must have at least 10 characters/);
    const org = await runCli(['user', 'create', '--username', 'x', '--role', 'partner_user', '--partner-org', 'nope', '--data-dir', dir]);
    expect(org.code).toBe(1);
    expect(org.stderr).toContain('STORAGE_NOT_FOUND');
  });

  it('stores an email address for flow emails and refuses what is not one', async () => {
    const dir = dataDir();
    const bad = await runCli(['user', 'create', '--username', 'di', '--role', 'viewer', '--email', 'not an address', '--data-dir', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^email {2}CLI_BAD_OPTION {2}"not an address" is not an email address/);
    const made = await runCli(['user', 'create', '--username', 'di', '--role', 'viewer', '--email', 'di@example.test', '--data-dir', dir]);
    expect(made.code).toBe(0);
    const storage = await createStorage({ dataDir: dir });
    try {
      expect((await storage.read.users.getByUsername('di'))?.email).toBe('di@example.test');
    } finally {
      await storage.close();
    }
  });

  it('resets a password, which must then be changed', async () => {
    const dir = dataDir();
    await runCli(['user', 'create', '--username', 'cy', '--role', 'viewer', '--password', 'first-password', '--data-dir', dir]);
    const reset = await runCli(['user', 'reset-password', '--username', 'cy', '--data-dir', dir]);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/^Set a new password for cy; their sessions have ended\nOne-time password for cy: [\w-]{24}\n/);
    const missing = await runCli(['user', 'reset-password', '--username', 'nobody', '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^username {2}CLI_USER_NOT_FOUND/);
  });
});
