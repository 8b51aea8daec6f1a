import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { startServer } from './server.js';
import { TEST_SCRYPT } from './testing/test-app.js';

describe('startServer', () => {
  it('listens on 127.0.0.1, prints its configuration and the first admin, and answers over HTTP', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'trellis-server-'));
    const env = { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const printed: string[] = [];
    const server = await startServer(readConfig(env), { env, print: (text) => printed.push(text), signals: new EventEmitter(), app: { scrypt: TEST_SCRYPT } });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const output = printed.join('\n');
      expect(output).toMatch(/PORT\s+0\n/);
      expect(output).toMatch(/HOST\s+127\.0\.0\.1\s+\(default\)/);
      expect(output).toMatch(/DATABASE_URL\s+\(none: embedded PGlite in DATA_DIR\)\s+\(default\)/);
      expect(output).toContain(dataDir);
      const password = server.prepared.firstAdmin?.generatedPassword ?? '';
      expect(password).toHaveLength(24);
      expect(output).toContain(password);

      const health = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'over-http-1' } });
      expect(health.status).toBe(200);
      expect(health.headers.get('x-request-id')).toBe('over-http-1');
      expect(await health.json()).toEqual({ status: 'ok', storage: 'pglite' });

      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
      expect((await me.json()).username).toBe('admin');
    } finally {
      await server.close();
    }
    await server.closed;
    expect(server.app.server.listening).toBe(false);
  });
});

