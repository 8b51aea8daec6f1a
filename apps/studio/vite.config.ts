import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
/** The server `pnpm studio:dev` sends API calls to (TRELLIS_API, default a local `pnpm start`). */
const api = process.env.TRELLIS_API ?? 'http://127.0.0.1:3000';

// Loopback only. The server mounts the built studio at /studio/ (apps/server/src/plugins/ui.ts).
export default defineConfig({
  root,
  base: '/studio/',
  plugins: [react()],
  server: { host: '127.0.0.1', proxy: { '/api': { target: api, changeOrigin: false } } },
  preview: { host: '127.0.0.1' },
  // One bundle while the studio has few screens (the engines and ajv weigh most); split it per screen as they grow.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
});
