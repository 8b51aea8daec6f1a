/**
 * `trellis incentives run --period P [--program ID…]` computes a period's incentive run on the
 * database (DATABASE_URL / DATA_DIR, or the same flags as `serve`) with a progress bar; Ctrl-C
 * cancels it. `trellis incentives export` writes a run's results as CSV or XLSX. Both use the
 * server's own run service, so the CLI and the API cannot disagree.
 */
import type { Command } from 'commander';
import { isLocale, LOCALES, problem, type Locale, type Problem } from '@trellis/errors';
import type { Storage } from '@trellis/storage';
import { reportErrors, type CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { writeStream } from '../json-input.js';
import { progressReporter } from '../progress.js';
import { withStorage } from './migrate.js';
import type { CommandGroup, Finish } from './registry.js';
import { addServerOptions, loadServer, type ServerFlags } from './serve-options.js';

interface RunFlags extends ServerFlags {
  readonly app: string;
  readonly period: string;
  readonly program: string[];
}

interface ExportFlags extends ServerFlags {
  readonly app: string;
  readonly period?: string;
  readonly run?: string;
  readonly format: string;
  readonly out: string;
  readonly locale?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

async function run(cli: CliContext, storage: Storage, flags: RunFlags): Promise<ExitCode> {
  const { startRun, cancelRun, runStore } = await loadServer();
  await storage.migrate();
  const progress = progressReporter(cli, cli.t({ en: `Computing ${flags.period}`, 'zh-CN': `正在核算 ${flags.period}` }));
  const started = await startRun(storage, {
    app: flags.app, period: flags.period, programs: flags.program.length > 0 ? flags.program : undefined, actor: 'cli',
    onProgress: ({ done, total }) => progress.update(done, total),
  });
  const cancel = () => void cancelRun(storage, started.run.id, 'cli');
  process.once('SIGINT', cancel);
  const ended = await started.done;
  process.off('SIGINT', cancel);
  progress.stop();
  if (ended === null || ended.status !== 'computed') {
    const problems = (ended?.error as { problems?: Problem[] } | null)?.problems ?? [];
    cli.err(cli.t({ en: `Run ${started.run.id} ended ${ended?.status ?? 'unexpectedly'}`, 'zh-CN': `批次 ${started.run.id} 结束状态：${ended?.status ?? '异常'}` }));
    return reportErrors(cli, problems, ExitCode.Failed);
  }
  cli.out(cli.t({ en: `Run ${ended.id} of ${ended.period} computed`, 'zh-CN': `${ended.period} 的批次 ${ended.id} 已核算完成` }));
  for (const t of await runStore(storage.sql).totals(ended.id)) {
    const version = ended.programs.find((p) => p.id === t.program)?.version ?? '?';
    cli.out(cli.t({
      en: `  ${t.program} v${version}: ${t.paying} of ${t.results} paid, ${t.amount} ${t.currency}`,
      'zh-CN': `  ${t.program} 第 ${version} 版：${t.results} 个对象中 ${t.paying} 个获付，共 ${t.amount} ${t.currency}`,
    }));
  }
  return ExitCode.Ok;
}

function exportProblems(flags: ExportFlags): Problem[] {
  const problems: Problem[] = [];
  if ((flags.run === undefined) === (flags.period === undefined)) {
    problems.push(problem('CLI_BAD_OPTION', 'run', { en: 'Give either --run or --period', 'zh-CN': '请指定 --run 或 --period 之一' }));
  }
  if (flags.format !== 'csv' && flags.format !== 'xlsx') {
    problems.push(problem('CLI_BAD_OPTION', 'format', { en: '--format is csv or xlsx', 'zh-CN': '--format 只能是 csv 或 xlsx' }));
  }
  if (flags.locale !== undefined && !isLocale(flags.locale)) {
    problems.push(problem('CLI_BAD_OPTION', 'locale', { en: `--locale is one of ${LOCALES.join(', ')}`, 'zh-CN': `--locale 只能是 ${LOCALES.join('、')}` }));
  }
  return problems;
}

async function exportRunFile(cli: CliContext, storage: Storage, flags: ExportFlags): Promise<ExitCode> {
  const { exportRun, runStore } = await loadServer();
  await storage.migrate();
  const store = runStore(storage.sql);
  const runs = flags.run === undefined ? await store.list(flags.app, flags.period) : [];
  // a period's run: the final one if there is one, else the latest computed
  const chosen = flags.run !== undefined ? await store.get(flags.run)
    : runs.find((r) => r.status === 'final') ?? runs.find((r) => ['computed', 'submitted', 'approved'].includes(r.status)) ?? null;
  if (chosen === null || chosen.app !== flags.app) {
    return reportErrors(cli, [problem('INCENTIVE_RUN_NOT_FOUND', flags.run === undefined ? 'period' : 'run', {
      en: 'There is no such run with results', 'zh-CN': '不存在有结果的该批次',
    })], ExitCode.Failed);
  }
  const written = await writeStream(cli.io, flags.out, exportRun(storage.sql, chosen.id, flags.format as 'csv' | 'xlsx', (flags.locale ?? cli.locale) as Locale));
  if (!written.ok) return reportErrors(cli, written.problems, ExitCode.BadInput);
  cli.out(cli.t({ en: `Wrote ${flags.out} (run ${chosen.id}, ${chosen.status})`, 'zh-CN': `已写入 ${flags.out}（批次 ${chosen.id}，${chosen.status}）` }));
  return ExitCode.Ok;
}

export const incentiveCommands: CommandGroup = {
  name: 'incentives',
  register(program: Command, cli: CliContext, finish: Finish) {
    const group = program.command('incentives').description(cli.t({ en: 'compute and export incentive runs', 'zh-CN': '核算与导出激励批次' }));
    const runCommand = group
      .command('run')
      .description(cli.t({ en: 'compute every eligible subject of the programs for a period, with progress (Ctrl-C cancels)', 'zh-CN': '核算某考核期内各方案的全部合格对象，显示进度（Ctrl-C 取消）' }))
      .requiredOption('--period <period>', cli.t({ en: 'the period: 2026-03, 2026-Q3, 2026-H2 or 2026', 'zh-CN': '考核期：2026-03、2026-Q3、2026-H2 或 2026' }))
      .option('--program <id>', cli.t({ en: 'a program (repeatable; default: every program in force)', 'zh-CN': '激励方案（可重复；默认：所有生效方案）' }), collect, [])
      .option('--app <id>', cli.t({ en: 'the app', 'zh-CN': '应用' }), 'prm');
    addServerOptions(runCommand, cli, false).action(async (flags: RunFlags) => finish(await withStorage(cli, flags, (storage) => run(cli, storage, flags))));

    const exportCommand = group
      .command('export')
      .description(cli.t({ en: "write a run's results and adjustments as CSV or XLSX", 'zh-CN': '将批次结果与调整行写为 CSV 或 XLSX' }))
      .option('--run <id>', cli.t({ en: 'the run', 'zh-CN': '批次' }))
      .option('--period <period>', cli.t({ en: "the period's final run (else its latest computed one)", 'zh-CN': '该考核期的定稿批次（没有则取最新核算的批次）' }))
      .option('--format <format>', cli.t({ en: 'csv or xlsx', 'zh-CN': 'csv 或 xlsx' }), 'csv')
      .requiredOption('--out <file>', cli.t({ en: 'the file to write', 'zh-CN': '输出文件' }))
      .option('--locale <locale>', cli.t({ en: 'header language', 'zh-CN': '表头语言' }))
      .option('--app <id>', cli.t({ en: 'the app', 'zh-CN': '应用' }), 'prm');
    addServerOptions(exportCommand, cli, false).action(async (flags: ExportFlags) => {
      const problems = exportProblems(flags);
      if (problems.length > 0) return finish(reportErrors(cli, problems, ExitCode.BadInput));
      return finish(await withStorage(cli, flags, (storage) => exportRunFile(cli, storage, flags)));
    });
  },
};
