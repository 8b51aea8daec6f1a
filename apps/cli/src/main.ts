import { run } from './run.js';

// A reader that stops early (`trellis … | head`) closes the pipe: stop quietly, as CLI tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

// pnpm runs scripts from the workspace root; INIT_CWD is where the user typed the command, so
// relative file arguments mean what they expect.
const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
process.exitCode = code;
