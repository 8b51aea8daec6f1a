/**
 * An app for tests: a fresh database, migrated, first admin created, ready. Route plugin tests
 * build on it; nothing here is mocked. The database is the backend the test configuration runs
 * the API suite on (PGlite in memory, or a new database on the PostgreSQL test server), so every
 * route suite runs on both.
 */
import type { FastifyInstance } from 'fastify';
import type { Storage, User } from '@trellis/storage';
import { selectedTestBackend, type TestBackend } from '@trellis/storage/testing';
import { buildApp, type BuildAppOptions } from '../app.js';
import { prepareApp } from '../lifecycle.js';
import type { Clock } from '../types.js';
import { testUserCreator, type TestUserInput } from './users.js';

/** A cheap scrypt cost: tests sign in often; production hashes use the default cost. */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 } as const;

export interface TestApp {
  readonly app: FastifyInstance;
  readonly storage: Storage;
  /** the first admin's one-time password */
  readonly adminPassword: string;
  /** creates a user directly (no HTTP); returns it with its password */
  createUser(input: TestUserInput): Promise<{ user: User; password: string }>;
  /** signs in over `app.inject`; returns the `cookie` header value for later requests */
  login(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export type TestAppOptions = Partial<Omit<BuildAppOptions, 'storage'>> & {
  readonly clock?: Clock;
  /** default: the backend this run of the API suite is for */
  readonly backend?: TestBackend;
};

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { clock, backend = selectedTestBackend(), ...appOptions } = options;
  const storage = await backend.open({ now: clock === undefined ? () => new Date() : () => clock.now() });
  const app = await buildApp({ scrypt: TEST_SCRYPT, uiRoots: {}, ...appOptions, ...(clock === undefined ? {} : { clock }), storage });
  const { firstAdmin } = await prepareApp(app);
  if (firstAdmin?.generatedPassword === undefined) throw new Error('a fresh database must get a first admin');
  return {
    app,
    storage,
    adminPassword: firstAdmin.generatedPassword,
    createUser: testUserCreator(storage, app.passwords),
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
