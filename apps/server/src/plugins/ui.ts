import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Built single-page apps by mount name: `{ studio: '/…/apps/studio/dist' }` is served at /studio/. */
export type UiRoots = Readonly<Record<string, string>>;

const APPS = dirname(dirname(dirname(dirname(fileURLToPath(import.meta.url)))));

/** The repository's built UIs (`pnpm studio:build` …); a UI that was not built is simply not served. */
export const DEFAULT_UI_ROOTS: UiRoots = {
  studio: join(APPS, 'studio', 'dist'),
  portal: join(APPS, 'portal', 'dist'),
};

/** The first UI `/` sends visitors to: the studio when it is served. */
const HOME_ORDER = ['studio', 'portal'];

/**
 * Serves each built UI under /NAME/: its files as they are (hashed assets cached for good,
 * index.html always revalidated), and any other path under it gets index.html so the app's own
 * router decides (deep links, reloads). Roots that do not exist are skipped.
 */
export async function installUi(app: FastifyInstance, roots: UiRoots): Promise<void> {
  const served = Object.entries(roots).filter(([, root]) => existsSync(join(root, 'index.html')));
  app.decorate('uis', served.map(([name]) => name));
  for (const [name, root] of served) {
    // Each UI in its own scope, so each gets its own `reply.sendFile` bound to its root.
    await app.register(async (scope) => {
      await scope.register(fastifyStatic, {
        root,
        prefix: `/${name}/`,
        // Files are listed once at start (a build is immutable); unknown paths fall to index.html below.
        wildcard: false,
        index: ['index.html'],
        setHeaders: (reply, path) => {
          reply.header('cache-control', path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
      scope.get(`/${name}/*`, { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html', root));
      scope.get(`/${name}`, { schema: { hide: true } }, (_request, reply) => reply.redirect(`/${name}/`));
    });
  }
  const home = HOME_ORDER.find((name) => served.some(([n]) => n === name)) ?? served[0]?.[0];
  if (home !== undefined) app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect(`/${home}/`));
}
