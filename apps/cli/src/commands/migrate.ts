import type { Command } from 'commander';
import { isTrellisError } from '@trellis/errors';
import type { Storage } from '@trellis/storage';
import { reportErrors, type CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandGroup, Finish } from './registry.js';
import { addServerOptions, configFromFlags, loadServer, type ServerFlags } from './serve-options.js';

/**
 * Opens the storage the flags name, runs `work`, closes it. Storage failures (TrellisErrors:
 * duplicate, unknown partner organisation…) are reported as problems and exit 1.
 */
export async function withStorage(cli: CliContext, flags: ServerFlags, work: (storage: Storage) => Promise<ExitCode>): Promise<ExitCode> {
  const config = await configFromFlags(flags, process.env, cli.io.cwd);
  if (!config.ok) return reportErrors(cli, config.problems, ExitCode.BadInput);
  const { openStorage } = await loadServer();
  const storage = await openStorage(config.value);
  try {
    return await work(storage);
  } catch (error) {
    if (isTrellisError(error)) return reportErrors(cli, error.problems, ExitCode.Failed);
    throw error;
  } finally {
    await storage.close();
  }
}

async function migrate(cli: CliContext, storage: Storage): Promise<ExitCode> {
  const { applied } = await storage.migrate();
  if (applied.length === 0) cli.out(cli.t({ en: 'The database is up to date', 'zh-CN': '数据库已是最新' }));
  for (const name of applied) cli.out(cli.t({ en: `Applied ${name}`, 'zh-CN': `已应用 ${name}` }));
  return ExitCode.Ok;
}

export const migrateCommands: CommandGroup = {
  name: 'migrate',
  register(program: Command, cli: CliContext, finish: Finish) {
    const command = program
      .command('migrate')
      .description(cli.t({ en: 'apply pending database migrations (the server also does this on start)', 'zh-CN': '执行待应用的数据库迁移（服务器启动时也会执行）' }));
    addServerOptions(command, cli, false).action(async (flags: ServerFlags) => finish(await withStorage(cli, flags, (storage) => migrate(cli, storage))));
  },
};
