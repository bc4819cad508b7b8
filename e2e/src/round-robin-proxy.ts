import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RoundRobinProxy = { port: number; close(): Promise<void> };

/**
 * A reverse proxy that sends each request to the next backend in turn, so a browser flow's
 * consecutive requests (a POST, the GET after it, the page's polling) alternate between
 * servers. It forwards the method, URL, headers and body as they came and streams the answer
 * back as it arrives (long responses and server-sent events included); it adds and rewrites
 * nothing, so the servers see what they would see behind a plain load balancer.
 */
export async function startRoundRobinProxy(backendPorts: readonly number[]): Promise<RoundRobinProxy> {
  if (backendPorts.length === 0) throw new TypeError('startRoundRobinProxy needs at least one backend port');
  let next = 0;
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const port = backendPorts[next % backendPorts.length]!;
    next += 1;
    const upstream = http.request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
        // Headers now, not with the first body chunk: an event stream may stay quiet for a while.
        res.flushHeaders();
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`round-robin proxy: backend on port ${port} failed: ${err.message}`);
    });
    // The browser went away mid-answer (a closed page, an aborted fetch): stop the backend's answer too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
