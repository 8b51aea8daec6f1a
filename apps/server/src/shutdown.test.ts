import { EventEmitter } from 'node:events';
import { get } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { handleShutdown } from './shutdown.js';
import { createTestApp } from './testing/test-app.js';

/** A promise with its resolver, to hold a request open until the test lets it finish. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** A GET on a new connection (fetch would queue behind the busy kept-alive one). */
function getOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the in-flight request, refuses new connections, then closes the storage', async () => {
    const t = await createTestApp();
    const entered = gate();
    const release = gate();
    t.app.get('/slow', { schema: { tags: ['test'] } }, async () => {
      entered.open();
      await release.promise;
      return { done: true };
    });
    const signals = new EventEmitter();
    let forced = false;
    handleShutdown(t.app, { signals, forceExit: () => (forced = true) });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;

    const inFlight = fetch(`${url}/slow`);
    await entered.promise;
    signals.emit('SIGTERM', 'SIGTERM');
    expect(t.app.readiness.isReady()).toBe(false);
    await vi.waitFor(() => expect(t.app.server.listening).toBe(false));
    await expect(getOnNewConnection(`${url}/healthz`)).rejects.toThrow(/ECONNREFUSED/);

    release.open();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await t.app.close(); // resolves once the shutdown the signal started has finished
    expect(t.app.server.listening).toBe(false);
    await expect(t.storage.health()).resolves.toBe(false);
    expect(forced).toBe(false);
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('a second signal forces the exit', async () => {
    const t = await createTestApp();
    const release = gate();
    const entered = gate();
    t.app.get('/stuck', { schema: { tags: ['test'] } }, async () => {
      entered.open();
      await release.promise;
      return {};
    });
    const signals = new EventEmitter();
    let forced = 0;
    handleShutdown(t.app, { signals, forceExit: () => (forced += 1) });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const pending = fetch(`http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/stuck`);
    await entered.promise;
    signals.emit('SIGINT', 'SIGINT');
    expect(forced).toBe(0);
    signals.emit('SIGINT', 'SIGINT');
    expect(forced).toBe(1);
    release.open();
    await pending;
    await t.app.close();
  });
});
