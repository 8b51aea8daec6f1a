import { resolve } from 'node:path';
import { DEFAULT_SMTP_FROM } from './jobs/email.js';

/** Where the server listens and keeps its data; every field has a default except DATABASE_URL. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** a PostgreSQL server; absent means the embedded PGlite database in `dataDir` */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly logLevel: string;
  /** how often the job worker looks for due jobs, in ms */
  readonly jobPollMs: number;
  /** the HMAC key webhooks are signed with; absent: sent unsigned */
  readonly webhookSecret: string | undefined;
  /** smtp(s)://user:pass@host:port for emails; absent: emails are logged as skipped */
  readonly smtpUrl: string | undefined;
  readonly smtpFrom: string;
}

export const CONFIG_DEFAULTS = {
  port: 3000,
  host: '127.0.0.1',
  dataDir: './data',
  logLevel: 'info',
  jobPollMs: 1000,
  smtpFrom: DEFAULT_SMTP_FROM,
} as const;

/** One setting as printed on start: where its value came from matters when debugging a deploy. */
export interface ConfigLine {
  readonly name: string;
  readonly value: string;
  readonly source: 'env' | 'default';
}

export type Env = Readonly<Record<string, string | undefined>>;

function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Reads the configuration from environment variables; a port that is not a port is an error. */
export function readConfig(env: Env, cwd: string = process.cwd()): ServerConfig {
  const portText = present(env.PORT);
  const port = portText === undefined ? CONFIG_DEFAULTS.port : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, not "${portText ?? ''}"`);
  }
  const pollText = present(env.JOB_POLL_MS);
  const jobPollMs = pollText === undefined ? CONFIG_DEFAULTS.jobPollMs : Number(pollText);
  if (!Number.isInteger(jobPollMs) || jobPollMs < 10) {
    throw new Error(`JOB_POLL_MS must be an integer of at least 10 (milliseconds), not "${pollText ?? ''}"`);
  }
  return {
    port,
    host: present(env.HOST) ?? CONFIG_DEFAULTS.host,
    databaseUrl: present(env.DATABASE_URL),
    dataDir: resolve(cwd, present(env.DATA_DIR) ?? CONFIG_DEFAULTS.dataDir),
    logLevel: present(env.LOG_LEVEL) ?? CONFIG_DEFAULTS.logLevel,
    jobPollMs,
    webhookSecret: present(env.WEBHOOK_SECRET),
    smtpUrl: present(env.SMTP_URL),
    smtpFrom: present(env.SMTP_FROM) ?? CONFIG_DEFAULTS.smtpFrom,
  };
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`: printed config must not leak passwords. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '***';
  }
}

/** The effective settings, marking which came from the defaults. */
export function describeConfig(config: ServerConfig, env: Env): ConfigLine[] {
  const source = (name: string): ConfigLine['source'] => (present(env[name]) === undefined ? 'default' : 'env');
  return [
    { name: 'PORT', value: String(config.port), source: source('PORT') },
    { name: 'HOST', value: config.host, source: source('HOST') },
    {
      name: 'DATABASE_URL',
      value: config.databaseUrl === undefined ? '(none: embedded PGlite in DATA_DIR)' : redactUrl(config.databaseUrl),
      source: source('DATABASE_URL'),
    },
    { name: 'DATA_DIR', value: config.dataDir, source: source('DATA_DIR') },
    { name: 'LOG_LEVEL', value: config.logLevel, source: source('LOG_LEVEL') },
    { name: 'JOB_POLL_MS', value: String(config.jobPollMs), source: source('JOB_POLL_MS') },
    {
      name: 'WEBHOOK_SECRET',
      value: config.webhookSecret === undefined ? '(none: webhooks are sent unsigned)' : '(set)',
      source: source('WEBHOOK_SECRET'),
    },
    {
      name: 'SMTP_URL',
      value: config.smtpUrl === undefined ? '(none: emails are logged as skipped)' : redactUrl(config.smtpUrl),
      source: source('SMTP_URL'),
    },
    { name: 'SMTP_FROM', value: config.smtpFrom, source: source('SMTP_FROM') },
  ];
}

export function formatConfig(lines: readonly ConfigLine[]): string {
  const width = Math.max(...lines.map((l) => l.name.length));
  return lines.map((l) => `  ${l.name.padEnd(width)}  ${l.value}${l.source === 'default' ? '  (default)' : ''}`).join('\n');
}
