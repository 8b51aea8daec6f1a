export { run } from './run.js';
export type { CliIo, CliContext } from './context.js';
export { ExitCode } from './exit-codes.js';
export { COMMAND_GROUPS, type CommandGroup, type Finish } from './commands/registry.js';
