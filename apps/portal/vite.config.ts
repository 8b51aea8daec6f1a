import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
/** `pnpm portal:dev` talks to a server started with `pnpm start` (or the one TRELLIS_API names). */
const api = process.env.TRELLIS_API ?? 'http://127.0.0.1:3000';

// Served by the Trellis server at /portal/ (apps/server/src/plugins/ui.ts); loopback only in dev.
export default defineConfig({
  root,
  base: '/portal/',
  plugins: [react()],
  server: { host: '127.0.0.1', proxy: { '/api': api } },
  preview: { host: '127.0.0.1' },
  // The form engines and ajv weigh most; one bundle keeps the first screen to one round trip.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
