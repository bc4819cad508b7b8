import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.js';

// The proxy the browser flows run behind (two servers, requests alternating): checked on its own.
const backends: http.Server[] = [];
let proxy: RoundRobinProxy;
let releaseStream: (() => void) | undefined;

function backend(name: string): Promise<number> {
  const server = http.createServer((req, res) => {
    if (req.url === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(`data: first from ${name}\n\n`);
      releaseStream = () => res.end(`data: last from ${name}\n\n`);
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
      res.writeHead(201, { 'content-type': 'application/json', 'x-backend': name });
      res.end(
        JSON.stringify({
          backend: name,
          method: req.method,
          url: req.url,
          host: req.headers.host,
          cookie: req.headers.cookie ?? null,
          body,
        }),
      );
    });
  });
  backends.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  proxy = await startRoundRobinProxy([await backend('one'), await backend('two')]);
});

afterAll(async () => {
  releaseStream?.();
  await proxy?.close();
  await Promise.all(backends.map((b) => new Promise((r) => b.close(r))));
});

describe('round-robin proxy', () => {
  it('alternates requests between backends and forwards method, path, headers and body unchanged', async () => {
    const url = `http://127.0.0.1:${proxy.port}`;
    const answers = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await fetch(`${url}/api/thing?n=${i}`, {
        method: 'POST',
        headers: { cookie: 'cairn_session=abc', 'content-type': 'application/json' },
        body: JSON.stringify({ n: i }),
      });
      expect(res.status).toBe(201);
      expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
      answers.push(
        (await res.json()) as {
          backend: string;
          method: string;
          url: string;
          host: string;
          cookie: string;
          body: string;
        },
      );
    }
    expect(answers.map((a) => a.backend)).toEqual(['one', 'two', 'one', 'two']);
    expect(answers[3]).toEqual({
      backend: 'two',
      method: 'POST',
      url: '/api/thing?n=3',
      host: `127.0.0.1:${proxy.port}`,
      cookie: 'cairn_session=abc',
      body: '{"n":3}',
    });
  });

  it('streams an answer as it comes (server-sent events), before the backend ends it', async () => {
    const res = await fetch(`http://127.0.0.1:${proxy.port}/events`);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^data: first from (one|two)\n\n$/);
    releaseStream!();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += new TextDecoder().decode(chunk.value);
    expect(rest).toMatch(/data: last from (one|two)\n\n$/);
  });
});
