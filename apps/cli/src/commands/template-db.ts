/**
 * The template commands that work on a database (DATABASE_URL / DATA_DIR, or the same flags as
 * `serve`): `template import FILE [--dry-run]` and `template export APP` when APP is not a file.
 * They use the server's own import and export, so the CLI and `POST /api/templates/import` cannot
 * disagree.
 */
import type { Problem } from '@trellis/errors';
import type { Storage } from '@trellis/storage';
import { problemLine, reportErrors, type CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { readJsonFile, writeText } from '../json-input.js';
import { planReport } from '../plan-report.js';
import { withStorage } from './migrate.js';
import { loadServer, type ServerFlags } from './serve-options.js';

function listProblems(cli: CliContext, problems: readonly Problem[]): ExitCode {
  for (const p of problems) cli.out(problemLine(cli, p));
  cli.out(cli.t({ en: `${problems.length} problem(s)`, 'zh-CN': `共 ${problems.length} 个问题` }));
  return ExitCode.Failed;
}

async function importInto(cli: CliContext, storage: Storage, document: unknown, dryRun: boolean): Promise<ExitCode> {
  const { importTemplate, planTemplateImport } = await loadServer();
  await storage.migrate();
  const report = await planTemplateImport(storage, document);
  for (const w of report.warnings) cli.err(`${cli.t({ en: 'warning', 'zh-CN': '警告' })}  ${problemLine(cli, w)}`);
  if (report.plan !== null) for (const line of planReport(cli, report.plan, cli.t({ en: 'the database', 'zh-CN': '数据库' }))) cli.out(line);
  if (!report.ok) return listProblems(cli, report.problems);
  if (dryRun) return ExitCode.Ok;
  const applied = await importTemplate(storage, document, { actor: 'cli' });
  const records = Object.values(applied.records).reduce((sum, n) => sum + n, 0);
  cli.out(cli.t({
    en: `Imported the app "${applied.appId ?? ''}" (${records} sample records)`,
    'zh-CN': `已导入应用“${applied.appId ?? ''}”（${records} 条示例记录）`,
  }));
  return ExitCode.Ok;
}

/** `trellis template import FILE [--dry-run]`: the plan, then (without --dry-run) the atomic apply. */
export async function importTemplateFile(cli: CliContext, file: string, flags: ServerFlags & { dryRun?: boolean }): Promise<ExitCode> {
  const document = readJsonFile(cli.io, file);
  if (!document.ok) return reportErrors(cli, document.problems, ExitCode.BadInput);
  return withStorage(cli, flags, (storage) => importInto(cli, storage, document.value, flags.dryRun === true));
}

/** `trellis template export APP [--out F]`: the app's template as stored in the database. */
export async function exportAppFromDatabase(cli: CliContext, appId: string, out: string | undefined, flags: ServerFlags): Promise<ExitCode> {
  return withStorage(cli, flags, async (storage) => {
    const { exportAppTemplate } = await loadServer();
    await storage.migrate();
    const text = await exportAppTemplate(storage.read, appId);
    if (out === undefined) {
      cli.io.stdout(text);
      return ExitCode.Ok;
    }
    const written = writeText(cli.io, out, text);
    if (!written.ok) return reportErrors(cli, written.problems, ExitCode.BadInput);
    cli.out(cli.t({ en: `Wrote ${out}`, 'zh-CN': `已写入 ${out}` }));
    return ExitCode.Ok;
  });
}
