import type { IncomingMessage } from 'node:http';
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.CAIRN_API_URL ?? 'http://localhost:3000';

// Everything the server answers itself; the rest is the single-page app.
const proxiedPaths = ['/api', '/health', '/openapi.json', '/docs', '/orgs', '/credentials', '/status'];

// `/orgs/...` and `/credentials/...` hold both server documents (DIDs, issuer profiles, signed
// credentials) and app pages (`/orgs/new`, a credential's public page): a browser navigation
// asking for HTML stays with Vite, which serves the app.
// Files (`did.json`, `badge.png`), issuer profiles and status lists are documents even when a
// browser opens them in a tab or downloads them.
const isServerDocument = (path: string) =>
  /\.[a-z0-9]+$/i.test(path) || /^\/orgs\/[^/]+\/(profile|status\/)/.test(path);
const keepPageNavigations = (req: IncomingMessage) =>
  (req.headers.accept ?? '').includes('text/html') && !isServerDocument((req.url ?? '').split('?')[0] ?? '')
    ? req.url
    : undefined;

const proxy = Object.fromEntries(
  proxiedPaths.map((path): [string, ProxyOptions] => [
    path,
    {
      target: apiTarget,
      changeOrigin: false,
      ...(path === '/orgs' || path === '/credentials' ? { bypass: keepPageNavigations } : {}),
    },
  ]),
);

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { port: 5173, strictPort: true, proxy },
});
