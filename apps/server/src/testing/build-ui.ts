/**
 * Builds a Vite app (apps/studio, apps/portal …) once per content: the output lands in
 * node_modules/.cache/trellis-ui/NAME-STAMP, where STAMP hashes the paths, sizes and modification
 * times of the app's sources and the workspace packages it may import. Test files that ask for
 * the same app in one run (or later runs with nothing changed) reuse the build.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = dirname(dirname(dirname(dirname(dirname(fileURLToPath(import.meta.url))))));
const CACHE = join(REPO, 'node_modules', '.cache', 'trellis-ui');
/** What a built UI can depend on besides its own folder. */
const SHARED_SOURCES = ['packages', 'seed'];
const SKIPPED = new Set(['node_modules', 'dist', 'e2e', '.git']);

async function stampFiles(dir: string, hash: ReturnType<typeof createHash>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await stampFiles(path, hash);
    else if (entry.isFile()) {
      const { size, mtimeMs } = await stat(path);
      hash.update(`${path}\0${size}\0${mtimeMs}\n`);
    }
  }
}

/** The stamp of an app's build inputs. */
export async function uiStamp(appDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of [appDir, ...SHARED_SOURCES.map((d) => join(REPO, d))]) await stampFiles(dir, hash);
  return hash.digest('hex').slice(0, 16);
}

const building = new Map<string, Promise<string>>();

/**
 * The folder of the app's production build (`vite build` with the app's own vite.config.ts, so its
 * `base` must be the path the server mounts it at, e.g. `/studio/`). Builds when nothing current is cached.
 */
export function buildUi(appDir: string): Promise<string> {
  const pending = building.get(appDir) ?? build(appDir);
  building.set(appDir, pending);
  return pending;
}

async function build(appDir: string): Promise<string> {
  const outDir = join(CACHE, `${basename(appDir)}-${await uiStamp(appDir)}`);
  if (existsSync(join(outDir, 'index.html'))) return outDir;
  // Built beside the target and renamed, so a parallel worker never sees a half-written build.
  const partial = `${outDir}.${process.pid}.partial`;
  await mkdir(CACHE, { recursive: true });
  try {
    await run(join(appDir, 'node_modules', '.bin', 'vite'), ['build', '--outDir', partial, '--emptyOutDir', '--logLevel', 'warn'], { cwd: appDir, maxBuffer: 16 * 1024 * 1024 });
    await rename(partial, outDir).catch(async (error: unknown) => {
      if (!existsSync(join(outDir, 'index.html'))) throw error;
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return outDir;
}
