import type { Command } from 'commander';
import { fail, ok, problem, type Result } from '@trellis/errors';
import type { Env, ServerConfig } from '@trellis/server';
import type { CliContext } from '../context.js';

/**
 * The server package, loaded when a server command runs: the other commands (rule, template)
 * then start without loading fastify and the database drivers.
 */
export const loadServer = () => import('@trellis/server');

/** The flags that mirror the server's environment variables; a flag wins over its variable. */
export interface ServerFlags {
  readonly port?: string;
  readonly host?: string;
  readonly databaseUrl?: string;
  readonly dataDir?: string;
  readonly logLevel?: string;
}

/** Adds the database flags, and with `listen` the listening ones too. */
export function addServerOptions(command: Command, cli: CliContext, listen: boolean): Command {
  if (listen) {
    command
      .option('--port <port>', cli.t({ en: 'port to listen on (env PORT, default 3000)', 'zh-CN': '监听端口（环境变量 PORT，默认 3000）' }))
      .option('--host <host>', cli.t({ en: 'address to listen on (env HOST, default 127.0.0.1)', 'zh-CN': '监听地址（环境变量 HOST，默认 127.0.0.1）' }))
      .option('--log-level <level>', cli.t({ en: 'log level (env LOG_LEVEL, default info)', 'zh-CN': '日志级别（环境变量 LOG_LEVEL，默认 info）' }));
  }
  return command
    .option('--database-url <url>', cli.t({
      en: 'PostgreSQL connection string (env DATABASE_URL; absent: embedded PGlite in the data dir)',
      'zh-CN': 'PostgreSQL 连接串（环境变量 DATABASE_URL；不设置则使用数据目录中的内嵌 PGlite）',
    }))
    .option('--data-dir <dir>', cli.t({ en: 'data folder (env DATA_DIR, default ./data)', 'zh-CN': '数据目录（环境变量 DATA_DIR，默认 ./data）' }));
}

/** The environment with the flags laid over it: what the server would read had they been variables. */
export function flagsAsEnv(flags: ServerFlags, env: Env): Env {
  const laid: Record<string, string | undefined> = { ...env };
  const pairs: [keyof ServerFlags, string][] = [['port', 'PORT'], ['host', 'HOST'], ['databaseUrl', 'DATABASE_URL'], ['dataDir', 'DATA_DIR'], ['logLevel', 'LOG_LEVEL']];
  for (const [flag, name] of pairs) if (flags[flag] !== undefined) laid[name] = flags[flag];
  return laid;
}

export async function configFromFlags(flags: ServerFlags, env: Env, cwd: string): Promise<Result<ServerConfig>> {
  const { readConfig } = await loadServer();
  try {
    return ok(readConfig(flagsAsEnv(flags, env), cwd));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail([problem('CLI_BAD_OPTION', 'port', { en: reason, 'zh-CN': `参数无效：${reason}` })]);
  }
}
