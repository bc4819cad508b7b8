import type { IncomingMessage } from 'node:http';
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.CAIRN_API_URL ?? 'http://localhost:3000';

// Everything the server answers itself; the rest is the single-page app.
const proxiedPaths = ['/api', '/health', '/openapi.json', '/docs', '/orgs', '/credentials', '/status'];

// `/orgs/...` holds both server documents (DIDs, issuer profiles) and app pages (`/orgs/new`):
// a browser navigation asking for HTML stays with Vite, which serves the app.
const keepPageNavigations = (req: IncomingMessage) =>
  (req.headers.accept ?? '').includes('text/html') ? req.url : undefined;

const proxy = Object.fromEntries(
  proxiedPaths.map((path): [string, ProxyOptions] => [
    path,
    { target: apiTarget, changeOrigin: false, ...(path === '/orgs' ? { bypass: keepPageNavigations } : {}) },
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
