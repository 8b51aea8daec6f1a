import type { Command } from 'commander';
import type { BeforeReady } from '@trellis/server';
import { reportErrors, type CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandGroup, Finish } from './registry.js';
import { addServerOptions, configFromFlags, flagsAsEnv, loadServer, type ServerFlags } from './serve-options.js';

/**
 * Starts the server from flags over the environment and waits until a signal has shut it down.
 * `start` runs the same with its own start-up work.
 */
export async function serveUntilStopped(cli: CliContext, flags: ServerFlags, beforeReady?: BeforeReady): Promise<ExitCode> {
  const config = await configFromFlags(flags, process.env, cli.io.cwd);
  if (!config.ok) return reportErrors(cli, config.problems, ExitCode.BadInput);
  const env = flagsAsEnv(flags, process.env);
  const { startServer } = await loadServer();
  const server = await startServer(config.value, { print: cli.out, env, ...(beforeReady === undefined ? {} : { beforeReady }) });
  await server.closed;
  return ExitCode.Ok;
}

export const serveCommands: CommandGroup = {
  name: 'serve',
  register(program: Command, cli: CliContext, finish: Finish) {
    const serve = program
      .command('serve')
      .description(cli.t({
        en: 'run the Trellis server (migrates the database first; stops cleanly on SIGTERM/SIGINT)',
        'zh-CN': '运行 Trellis 服务器（先迁移数据库；收到 SIGTERM/SIGINT 时平稳停止）',
      }));
    addServerOptions(serve, cli, true).action(async (flags: ServerFlags) => finish(await serveUntilStopped(cli, flags)));
  },
};
