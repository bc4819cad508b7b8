import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.CAIRN_API_URL ?? 'http://localhost:3000';

// Everything the server answers itself; the rest is the single-page app.
const proxiedPaths = ['/api', '/health', '/openapi.json', '/docs', '/orgs', '/credentials', '/status'];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxiedPaths.map((path) => [path, { target: apiTarget, changeOrigin: false }])),
  },
});
