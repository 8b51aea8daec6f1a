import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { resolve } from 'node:path';
import { fail, ok, type Result } from '@trellis/errors';
import type { CliIo } from './context.js';
import { cliProblems } from './problems.js';

function reason(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

export function readText(io: CliIo, file: string): Result<string> {
  try {
    return ok(readFileSync(resolve(io.cwd, file), 'utf8'));
  } catch (error) {
    return fail([cliProblems.unreadable(file, reason(error))]);
  }
}

/** Writes text (UTF-8) or bytes. */
export function writeText(io: CliIo, file: string, text: string | Uint8Array): Result<string> {
  try {
    writeFileSync(resolve(io.cwd, file), text, 'utf8');
    return ok(file);
  } catch (error) {
    return fail([cliProblems.unwritable(file, reason(error))]);
  }
}

/** Writes a byte stream as it comes (a large export never sits whole in memory). */
export async function writeStream(io: CliIo, file: string, source: Readable): Promise<Result<string>> {
  const target = createWriteStream(resolve(io.cwd, file));
  try {
    await once(target, 'open');
  } catch (error) {
    source.destroy();
    return fail([cliProblems.unwritable(file, reason(error))]);
  }
  await pipeline(source, target);
  return ok(file);
}

export function parseJson(text: string, source: string): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail([cliProblems.notJson(source, reason(error))]);
  }
}

export function readJsonFile(io: CliIo, file: string): Result<unknown> {
  const text = readText(io, file);
  return text.ok ? parseJson(text.value, file) : text;
}

/**
 * A value given on the command line either inline (`'{"var":"a"}'`, `42`) or as a file path: text
 * that parses as JSON is taken as is, anything else is read as a file. Text that opens like an
 * object, array or string is meant inline, so its syntax error is reported, not a missing file.
 */
export function readJsonArgument(io: CliIo, argument: string): Result<unknown> {
  const inline = parseJson(argument, argument);
  if (inline.ok || /^\s*[[{"]/.test(argument)) return inline;
  return readJsonFile(io, argument);
}
