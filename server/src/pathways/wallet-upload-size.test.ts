import { describe, expect, it } from 'vitest';
import { signUpUser, useTestApp } from '../testing/test-app.js';

// The wallet's JSON body is held to a credential's size, but badge images up to 10 MB still upload.
const t = useTestApp();

function multipart(bytes: Buffer, filename: string) {
  const boundary = '----cairn-wallet-size';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-cairn-csrf': '1' },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

describe('wallet upload sizes', () => {
  it('reads a 2 MB image upload (in the worker) rather than refusing it by size, and refuses a 1 MB JSON body', async () => {
    const user = await signUpUser(t.app);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(2 * 1024 * 1024, 1),
    ]);
    const { headers, payload } = multipart(png, 'badge.png');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/wallet',
      headers: { ...headers, cookie: user.cookie },
      payload,
    });
    // Not 413: the image was read, and it holds no credential.
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toContain('badge.png');
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/wallet',
      headers: { cookie: user.cookie },
      payload: { verifiableCredential: { padding: 'x'.repeat(1024 * 1024) } },
    });
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toMatch(/problem\+json/);
  });
});
