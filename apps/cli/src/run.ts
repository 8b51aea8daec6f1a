import { Command, CommanderError, Option } from 'commander';
import { LOCALES } from '@trellis/errors';
import { COMMAND_GROUPS } from './commands/registry.js';
import { createContext, problemLine, type CliContext, type CliIo } from './context.js';
import { ExitCode } from './exit-codes.js';
import { localeFromArgv } from './locale.js';
import { messages } from './messages.js';
import { cliProblems } from './problems.js';

function buildProgram(cli: CliContext, finish: (code: ExitCode) => void): Command {
  const program = new Command('trellis')
    .description(cli.t(messages.program))
    .configureOutput({ writeOut: cli.io.stdout, writeErr: cli.io.stderr })
    .exitOverride()
    .helpOption('-h, --help', cli.t(messages.helpOption))
    .helpCommand('help [command]', cli.t(messages.helpCommand))
    .addOption(new Option('--lang <locale>', cli.t(messages.langOption)).choices(LOCALES).default('en'));
  for (const group of COMMAND_GROUPS) group.register(program, cli, finish);
  return program;
}

/**
 * Runs one `trellis` command line (without the node/script prefix) and returns its exit code.
 * Nothing here touches the process: output goes to `io`, so tests run commands in-process.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const cli = createContext(io, localeFromArgv(argv));
  let exitCode: ExitCode = ExitCode.Ok;
  const program = buildProgram(cli, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    // commander has already printed its message (usage error) or the help/version text.
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Ok : ExitCode.BadInput;
    cli.err(problemLine(cli, cliProblems.internal(error instanceof Error ? (error.stack ?? error.message) : String(error))));
    return ExitCode.Internal;
  }
  return exitCode;
}
