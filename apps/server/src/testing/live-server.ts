/**
 * A real server on a loopback port for browser tests: PGlite in a temporary folder, the first admin
 * signed-in-able with a known password, optionally the seed app and sample records, and the built
 * UIs the test names. Nothing is mocked; `close` removes the folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createStorage, type Storage } from '@trellis/storage';
import { buildApp } from '../app.js';
import { prepareApp } from '../lifecycle.js';
import type { UiRoots } from '../plugins/ui.js';
import { importSeedAppOnce } from '../services/import-seed-app.js';
import { TEST_SCRYPT } from './test-app.js';
import { testUserCreator, type CreateTestUser } from './users.js';

export interface LiveServerOptions {
  /** `prm`: the seed app is imported before the server is ready (default `none`: no app at all) */
  readonly template?: 'prm' | 'none';
  /** with `template: 'prm'`, also generated sample records (default false) */
  readonly sample?: boolean;
  /** how many sample partner organisations (default 5) */
  readonly partners?: number;
  /** the sample data's reference date: performance is generated for the quarters before it (default 2025-06-30) */
  readonly referenceDate?: string;
  /** keep the first admin's generated one-time password, so that sign-in asks for a new one (default false) */
  readonly generatedAdminPassword?: boolean;
  /** built UIs to serve (default none); see `buildUi` */
  readonly uiRoots?: UiRoots;
}

export interface LiveServer {
  /** `http://127.0.0.1:PORT`, no trailing slash */
  readonly url: string;
  /** the first admin, its password already chosen (no change asked at sign-in) unless `generatedAdminPassword` */
  readonly admin: { readonly username: string; readonly password: string };
  readonly app: FastifyInstance;
  readonly storage: Storage;
  /** the temporary PGlite folder, removed by `close` */
  readonly dataDir: string;
  readonly createUser: CreateTestUser;
  close(): Promise<void>;
}

/** The sample data's default reference date: fixed, so generated records are the same on every run. */
const SAMPLE_DATE = '2025-06-30';
const ADMIN_PASSWORD = 'admin-password-0123456789';

export async function startLiveServer(options: LiveServerOptions = {}): Promise<LiveServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'trellis-live-'));
  const storage = await createStorage({ dataDir });
  const app = await buildApp({ storage, scrypt: TEST_SCRYPT, uiRoots: options.uiRoots ?? {}, logger: false });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { firstAdmin } = await prepareApp(app, async () => {
      if (options.template !== 'prm') return;
      const sample = options.sample === true ? { partners: options.partners ?? 5, referenceDate: options.referenceDate ?? SAMPLE_DATE } : undefined;
      await importSeedAppOnce(storage, sample === undefined ? {} : { sample });
    });
    if (firstAdmin === null) throw new Error('a fresh database must get a first admin');
    let password = ADMIN_PASSWORD;
    if (options.generatedAdminPassword === true && firstAdmin.generatedPassword !== undefined) password = firstAdmin.generatedPassword;
    else {
      const passwordHash = await app.passwords.hash(ADMIN_PASSWORD);
      await storage.transaction((tx) => tx.users.update(firstAdmin.user.id, { passwordHash, mustChangePassword: false }));
    }
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('the live server has no TCP address');
    return {
      url: `http://127.0.0.1:${address.port}`,
      admin: { username: firstAdmin.user.username, password },
      app,
      storage,
      dataDir,
      createUser: testUserCreator(storage, app.passwords),
      async close() {
        await app.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
