import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS, startServer } from '@trellis/server';
import { createContext } from '../context.js';
import { flagsAsEnv } from './serve-options.js';
import { importPrmOnce } from './start.js';

describe('serve flags', () => {
  it('lay over the environment variables they mirror', () => {
    expect(flagsAsEnv({ port: '8080', dataDir: 'here' }, { PORT: '3000', HOST: '127.0.0.1', OTHER: 'x' })).toEqual({
      PORT: '8080', HOST: '127.0.0.1', DATA_DIR: 'here', OTHER: 'x',
    });
  });
});

describe('trellis start', () => {
  it('imports the PRM app with sample data before the server is ready, once', async () => {
    let out = '';
    const cli = createContext({ stdout: (text) => (out += text), stderr: () => {}, cwd: process.cwd() }, 'en');
    const options = { print: () => {}, signals: new EventEmitter(), app: { logger: false as const } };
    const config = { ...CONFIG_DEFAULTS, port: 0, databaseUrl: undefined, dataDir: 'memory://', logLevel: 'silent', webhookSecret: undefined, smtpUrl: undefined };
    const server = await startServer(config, { ...options, beforeReady: importPrmOnce(cli, 2, '2025-06-30') });
    try {
      expect(out).toMatch(/^Imported the app "prm" \S+ with \d+ sample records\n$/);
      const app = await server.app.storage.read.apps.get('prm');
      expect(app?.templateHash).toMatch(/^sha256:/);
      const partners = await server.app.storage.read.records.count({ app: 'prm', entity: 'partner' });
      expect(partners).toBeGreaterThanOrEqual(2);
      await importPrmOnce(cli, 2, '2025-06-30')(server.app);
      expect(out).toContain('The app "prm" is already imported; leaving it as it is');
      expect(await server.app.storage.read.records.count({ app: 'prm', entity: 'partner' })).toBe(partners);
    } finally {
      await server.close();
    }
  });
});
