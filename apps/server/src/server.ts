import type { FastifyInstance } from 'fastify';
import { createStorage, type Storage } from '@trellis/storage';
import { buildApp, type BuildAppOptions } from './app.js';
import { describeConfig, formatConfig, readConfig, type Env, type ServerConfig } from './config.js';
import { prepareApp, type Prepared } from './lifecycle.js';
import { handleShutdown, type ShutdownOptions } from './shutdown.js';

/** Start-up work after migrating, before the server reports ready (e.g. importing an app). */
export type BeforeReady = (app: FastifyInstance) => Promise<void>;

export interface StartOptions extends ShutdownOptions {
  /** where the banner (configuration, first admin password) goes; default stdout */
  readonly print?: (text: string) => void;
  /** the environment the configuration was read from, to mark defaults (default process.env) */
  readonly env?: Env;
  readonly app?: Partial<Omit<BuildAppOptions, 'storage'>>;
  readonly beforeReady?: BeforeReady;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  /** `http://host:port`, with the port actually bound (PORT=0 picks a free one) */
  readonly url: string;
  readonly prepared: Prepared;
  /** the graceful shutdown SIGTERM/SIGINT run */
  readonly close: () => Promise<void>;
  /** resolves once the server has shut down (after a signal or `close`) */
  readonly closed: Promise<void>;
}

/** The storage a configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function openStorage(config: ServerConfig): Promise<Storage> {
  return createStorage(config.databaseUrl === undefined ? { dataDir: config.dataDir } : { databaseUrl: config.databaseUrl });
}

function firstAdminBanner(username: string, password: string): string {
  return [
    '',
    '  ┌────────────────────────────────────────────────────────────────────',
    `  │ First start: created the user "${username}" with a one-time password:`,
    `  │   ${password}`,
    '  │ It is shown only now. Sign in and change it (POST /api/auth/password).',
    `  │ 首次启动：已创建用户“${username}”，一次性密码如上，仅显示这一次；请登录后修改。`,
    '  └────────────────────────────────────────────────────────────────────',
    '',
  ].join('\n');
}

/**
 * Starts the server: prints the effective configuration, opens the storage (PGlite in
 * DATA_DIR unless DATABASE_URL), listens, migrates, creates the first admin, then reports ready.
 * Listening before migrating lets `/healthz` say 503 while the database is being prepared.
 */
export async function startServer(config: ServerConfig = readConfig(process.env), options: StartOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  print(`Trellis server configuration:\n${formatConfig(describeConfig(config, options.env ?? process.env))}`);
  const storage = await openStorage(config);
  const jobs = { pollMs: config.jobPollMs, webhookSecret: config.webhookSecret, smtpUrl: config.smtpUrl, smtpFrom: config.smtpFrom };
  const app = await buildApp({ logger: { level: config.logLevel }, jobs, ...options.app, storage });
  const closed = new Promise<void>((resolve) => app.addHook('onClose', async () => resolve()));
  const close = handleShutdown(app, options);
  try {
    await app.listen({ port: config.port, host: config.host });
    const prepared = await prepareApp(app, options.beforeReady);
    // Timers and outbox effects run only against a migrated database; app.close() stops the worker.
    app.jobs.worker.start();
    const admin = prepared.firstAdmin;
    if (admin?.generatedPassword !== undefined) print(firstAdminBanner(admin.user.username, admin.generatedPassword));
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    print(`Trellis is ready at ${url} (API docs: ${url}/docs)`);
    for (const ui of app.uis) print(`  ${ui}: ${url}/${ui}/`);
    return { app, url, prepared, close, closed };
  } catch (error) {
    await close();
    throw error;
  }
}
