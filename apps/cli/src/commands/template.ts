import type { Command } from 'commander';
import { loadAppTemplate, type AppTemplate } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { contentHash, exportTemplate, planImport, templateDefinitions, validateTemplate } from '@trellis/templates';
import { problemLine, reportErrors, type CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { readJsonFile, writeText } from '../json-input.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { messages } from '../messages.js';
import { planReport } from '../plan-report.js';
import type { CommandGroup, Finish } from './registry.js';
import type { ServerFlags } from './serve-options.js';
import { exportAppFromDatabase, importTemplateFile } from './template-db.js';

/** A rejected template's problems are the command's report: on stdout, with their number. */
function listProblems(cli: CliContext, problems: readonly Problem[]): ExitCode {
  for (const p of problems) cli.out(problemLine(cli, p));
  cli.out(cli.t({ en: `${problems.length} problem(s)`, 'zh-CN': `共 ${problems.length} 个问题` }));
  return ExitCode.Failed;
}

function listWarnings(cli: CliContext, warnings: readonly Problem[]): void {
  for (const w of warnings) cli.err(`${cli.t({ en: 'warning', 'zh-CN': '警告' })}  ${problemLine(cli, w)}`);
}

function counts(cli: CliContext, template: AppTemplate): string {
  const n = (list: readonly unknown[] | undefined) => list?.length ?? 0;
  const records = Object.values(template.sampleData ?? {}).reduce((sum, list) => sum + list.length, 0);
  const [e, r, f, p, roles] = [template.entities, template.rules, template.flows, template.programs, template.roles].map(n);
  return cli.t({
    en: `entities ${e}, rules ${r}, flows ${f}, programs ${p}, roles ${roles}, sample records ${records}`,
    'zh-CN': `实体 ${e}，规则 ${r}，流程 ${f}，激励方案 ${p}，角色 ${roles}，示例记录 ${records}`,
  });
}

/** `trellis template validate FILE`: `OK <app> <hash>` and counts, or every problem (exit 1). */
function validate(cli: CliContext, file: string): ExitCode {
  const doc = readJsonFile(cli.io, file);
  if (!doc.ok) return reportErrors(cli, doc.problems, ExitCode.BadInput);
  const result = validateTemplate(doc.value);
  listWarnings(cli, result.warnings);
  if (!result.ok) return listProblems(cli, result.problems);
  cli.out(`OK ${result.template.app.id} ${contentHash(result.template)}`);
  cli.out(counts(cli, result.template));
  return ExitCode.Ok;
}

/**
 * `trellis template export FILE [--out F]`: the canonical text with its hash. Needs only a
 * well-formed template (format and migrations): refreshing the hash of a hand-edited file is
 * exactly what export is for; `validate` does the full check.
 */
function exportFile(cli: CliContext, file: string, out: string | undefined): ExitCode {
  const doc = readJsonFile(cli.io, file);
  if (!doc.ok) return reportErrors(cli, doc.problems, ExitCode.BadInput);
  const loaded = loadAppTemplate(doc.value);
  if (!loaded.ok) return reportErrors(cli, loaded.problems, ExitCode.Failed);
  const text = exportTemplate(loaded.value);
  if (out === undefined) {
    cli.io.stdout(text);
    return ExitCode.Ok;
  }
  const written = writeText(cli.io, out, text);
  if (!written.ok) return reportErrors(cli, written.problems, ExitCode.BadInput);
  const hash = contentHash(loaded.value);
  cli.out(cli.t({ en: `Wrote ${out} (${hash})`, 'zh-CN': `已写入 ${out}（${hash}）` }));
  return ExitCode.Ok;
}

/** `trellis template plan FILE --against OTHER`: the dry-run import report; exit 1 on conflicts. */
function plan(cli: CliContext, file: string, against: string): ExitCode {
  const doc = readJsonFile(cli.io, file);
  const other = readJsonFile(cli.io, against);
  if (!doc.ok || !other.ok) {
    return reportErrors(cli, [...(doc.ok ? [] : doc.problems), ...(other.ok ? [] : other.problems)], ExitCode.BadInput);
  }
  const incoming = validateTemplate(doc.value);
  if (!incoming.ok) return listProblems(cli, incoming.problems);
  const current = loadAppTemplate(other.value);
  if (!current.ok) return reportErrors(cli, current.problems, ExitCode.Failed);
  const existing = {
    appId: current.value.app.id,
    definitions: templateDefinitions(current.value).map(({ kind, id, content }) => ({ kind, id, content })),
  };
  const result = planImport(incoming.template, existing);
  for (const line of planReport(cli, result, against)) cli.out(line);
  return result.conflicts.length > 0 ? ExitCode.Failed : ExitCode.Ok;
}

/** `template export` takes a file (canonicalise it) or, when no such file exists, an app id in the database. */
function isFile(cli: CliContext, source: string): boolean {
  return existsSync(resolve(cli.io.cwd, source));
}

export const templateCommands: CommandGroup = {
  name: 'template',
  register(program: Command, cli: CliContext, finish: Finish) {
    const template = program.command('template').description(cli.t(messages.template));
    template
      .command('validate')
      .description(cli.t(messages.templateValidate))
      .argument('<file>', cli.t(messages.templateFile))
      .action((file: string) => finish(validate(cli, file)));
    template
      .command('export')
      .description(cli.t(messages.templateExport))
      .argument('<source>', cli.t(messages.templateSource))
      .option('--out <file>', cli.t(messages.outOption))
      .option('--database-url <url>', cli.t(messages.databaseUrlOption))
      .option('--data-dir <dir>', cli.t(messages.dataDirOption))
      .action(async (source: string, options: ServerFlags & { out?: string }) =>
        finish(isFile(cli, source) ? exportFile(cli, source, options.out) : await exportAppFromDatabase(cli, source, options.out, options)));
    template
      .command('import')
      .description(cli.t(messages.templateImport))
      .argument('<file>', cli.t(messages.templateFile))
      .option('--dry-run', cli.t(messages.dryRunOption))
      .option('--database-url <url>', cli.t(messages.databaseUrlOption))
      .option('--data-dir <dir>', cli.t(messages.dataDirOption))
      .action(async (file: string, options: ServerFlags & { dryRun?: boolean }) => finish(await importTemplateFile(cli, file, options)));
    template
      .command('plan')
      .description(cli.t(messages.templatePlan))
      .argument('<file>', cli.t(messages.templateFile))
      .requiredOption('--against <file>', cli.t(messages.againstOption))
      .action((file: string, options: { against: string }) => finish(plan(cli, file, options.against)));
  },
};
