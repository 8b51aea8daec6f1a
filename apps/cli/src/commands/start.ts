import type { Command } from 'commander';
import type { BeforeReady } from '@trellis/server';
import type { CliContext } from '../context.js';
import type { CommandGroup, Finish } from './registry.js';
import { serveUntilStopped } from './serve.js';
import { addServerOptions, loadServer, type ServerFlags } from './serve-options.js';

interface StartFlags extends ServerFlags {
  readonly partners: string;
}

/** Today as the sample data's reference date, so the demo's dates look current. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Imports the PRM app with generated sample data, once: when the app is already in the database
 * (a second `start` on the same data folder) it is left as it is, so records are not doubled.
 */
export function importPrmOnce(cli: CliContext, partners: number, referenceDate: string): BeforeReady {
  return async (app) => {
    const { importSeedAppOnce } = await loadServer();
    const outcome = await importSeedAppOnce(app.storage, { sample: { partners, referenceDate } });
    if (!outcome.imported) {
      cli.out(cli.t({ en: `The app "${outcome.appId}" is already imported; leaving it as it is`, 'zh-CN': `应用“${outcome.appId}”已导入，保持不变` }));
      return;
    }
    cli.out(cli.t({
      en: `Imported the app "${outcome.appId}" ${outcome.version} with ${outcome.records} sample records`,
      'zh-CN': `已导入应用“${outcome.appId}” ${outcome.version}，含 ${outcome.records} 条示例记录`,
    }));
  };
}

export const startCommands: CommandGroup = {
  name: 'start',
  register(program: Command, cli: CliContext, finish: Finish) {
    const start = program
      .command('start')
      .description(cli.t({
        en: 'serve with the channel-partner (PRM) app and sample data imported: the quickest way to try Trellis',
        'zh-CN': '启动服务器并导入渠道伙伴（PRM）应用及示例数据：体验 Trellis 的最快方式',
      }))
      .option('--partners <n>', cli.t({ en: 'how many sample partners to generate', 'zh-CN': '生成的示例伙伴数量' }), '50');
    addServerOptions(start, cli, true).action(async (flags: StartFlags) => {
      cli.out(cli.t({
        en: 'Sign in as "admin": on the first start its one-time password is printed below; later, `pnpm trellis user reset-password --username admin` sets a new one.',
        'zh-CN': '以“admin”登录：首次启动时其一次性密码显示在下方；之后可用 `pnpm trellis user reset-password --username admin` 重设。',
      }));
      finish(await serveUntilStopped(cli, flags, importPrmOnce(cli, Number(flags.partners), today())));
    });
  },
};
