import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string; receivedAt: Date };

export type TestWebhookReceiver = {
  /** Where to point a webhook: `http://127.0.0.1:<port>/hooks` (allowed by CAIRN_WEBHOOKS_ALLOW_PRIVATE). */
  url: string;
  received: ReceivedWebhook[];
  /**
   * Checks a received request with the reference Standard Webhooks library and `secret`,
   * returning its payload; throws as a real receiver would refuse it.
   */
  verify(request: ReceivedWebhook, secret: string): { type: string; timestamp: string; data: Record<string, unknown> };
  close(): Promise<void>;
};

/** A webhook receiver for browser flows: a real HTTP server on 127.0.0.1 that keeps what it is sent. */
export async function startWebhookReceiver(): Promise<TestWebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: new Date() });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    verify: (request, secret) =>
      new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as ReturnType<
        TestWebhookReceiver['verify']
      >,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
