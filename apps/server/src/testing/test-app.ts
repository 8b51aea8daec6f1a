/**
 * An app for tests: a fresh in-memory PGlite database, migrated, first admin created, ready.
 * Route plugin tests build on it; nothing here is mocked.
 */
import type { FastifyInstance } from 'fastify';
import { createStorage, type Storage, type User } from '@trellis/storage';
import { buildApp, type BuildAppOptions } from '../app.js';
import { createUser, type NewUser } from '../identity/users.js';
import { prepareApp } from '../lifecycle.js';
import type { Clock } from '../types.js';

/** A cheap scrypt cost: tests sign in often; production hashes use the default cost. */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 } as const;

export interface TestApp {
  readonly app: FastifyInstance;
  readonly storage: Storage;
  /** the first admin's one-time password */
  readonly adminPassword: string;
  /** creates a user directly (no HTTP); returns it with its password */
  createUser(input: Omit<NewUser, 'password'> & { password?: string }): Promise<{ user: User; password: string }>;
  /** signs in over `app.inject`; returns the `cookie` header value for later requests */
  login(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export type TestAppOptions = Partial<Omit<BuildAppOptions, 'storage'>> & { readonly clock?: Clock };

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const clock = options.clock;
  const storage = await createStorage(clock === undefined ? {} : { now: () => clock.now() });
  const app = await buildApp({ scrypt: TEST_SCRYPT, ...options, storage });
  const { firstAdmin } = await prepareApp(app);
  if (firstAdmin?.generatedPassword === undefined) throw new Error('a fresh database must get a first admin');
  return {
    app,
    storage,
    adminPassword: firstAdmin.generatedPassword,
    async createUser(input) {
      const password = input.password ?? `pw-${input.username}-0123456789`;
      const { user } = await createUser(storage, app.passwords, { ...input, password }, { actor: 'test' });
      return { user, password };
    },
    async login(username, password) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'trellis_session');
      if (cookie === undefined) throw new Error('login set no session cookie');
      return `${cookie.name}=${cookie.value}`;
    },
    close: () => app.close(),
  };
}
