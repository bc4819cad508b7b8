// `npm run dev`: the API with restart-on-change and Vite with hot reload, side by side.
// Open http://localhost:5173 (Vite proxies the API to http://localhost:3000).
import { spawn } from 'node:child_process';
import path from 'node:path';

const children = [
  spawn(process.execPath, ['--watch', '--import', 'tsx', 'server/src/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env },
  }),
  // Vite serves the folder it runs in: start it inside web/.
  spawn(process.execPath, [path.resolve('node_modules/vite/bin/vite.js')], {
    stdio: 'inherit',
    cwd: path.resolve('web'),
  }),
];
let isStopping = false;
function stop(code = 0) {
  if (isStopping) return;
  isStopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());
