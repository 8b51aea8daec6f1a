import { localize, type Locale, type LocalizedText, type Problem } from '@trellis/errors';

/** Where a command writes; the real process streams in main.ts, buffers in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** the directory relative file paths are resolved against */
  readonly cwd: string;
}

/** What every command gets: its output, its language and the helpers to write in it. */
export interface CliContext {
  readonly io: CliIo;
  readonly locale: Locale;
  /** a line of results on stdout */
  readonly out: (line: string) => void;
  /** a line of diagnostics on stderr */
  readonly err: (line: string) => void;
  readonly t: (text: LocalizedText) => string;
}

export function createContext(io: CliIo, locale: Locale): CliContext {
  return {
    io,
    locale,
    out: (line) => io.stdout(`${line}\n`),
    err: (line) => io.stderr(`${line}\n`),
    t: (text) => localize(text, locale),
  };
}

/** One problem on one line, `path  CODE  message`; `-` stands for the whole document. */
export function problemLine(cli: CliContext, p: Problem): string {
  return `${p.path === '' ? '-' : p.path}  ${p.code}  ${cli.t(p.message)}`;
}

/** Problems that stop a command: each on stderr; returns the exit code to finish with. */
export function reportErrors<C extends number>(cli: CliContext, problems: readonly Problem[], code: C): C {
  for (const p of problems) cli.err(problemLine(cli, p));
  return code;
}
