import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { ExitCode } from '../exit-codes.js';
import { incentiveCommands } from './incentives.js';
import { migrateCommands } from './migrate.js';
import { ruleCommands } from './rule.js';
import { serveCommands } from './serve.js';
import { startCommands } from './start.js';
import { templateCommands } from './template.js';
import { userCommands } from './user.js';

/** The outcome an action hands back; `run` exits with it. */
export type Finish = (code: ExitCode) => void;

/**
 * A top-level command and its subcommands (`trellis rule …`), one file each. The server issue adds
 * its groups (`serve`, `migrate`, `user`, `template import`) by appending to COMMAND_GROUPS.
 */
export interface CommandGroup {
  readonly name: string;
  readonly register: (program: Command, cli: CliContext, finish: Finish) => void;
}

export const COMMAND_GROUPS: readonly CommandGroup[] = [ruleCommands, templateCommands, serveCommands, startCommands, migrateCommands, userCommands, incentiveCommands];
