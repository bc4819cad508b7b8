import fc from 'fast-check';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newWebhookSecret, signWebhook } from './webhook-signature.js';

const secretArb = fc
  .uint8Array({ minLength: 24, maxLength: 64 })
  .map((bytes) => `whsec_${Buffer.from(bytes).toString('base64')}`);
const idArb = fc
  .string({ minLength: 1, maxLength: 60 })
  .filter((s) => s.trim() === s && s.length > 0 && !s.includes(' '));
// Seconds since the epoch, 2001 to 2100.
const secondsArb = fc.integer({ min: 1_000_000_000, max: 4_102_444_800 });
const bodyArb = fc.string({ unit: 'grapheme', maxLength: 400 });

/** Verifies as a receiver would at the moment of sending (the library checks the timestamp against its clock). */
function verifyAt(seconds: number, secret: string, body: string, headers: Record<string, string>) {
  vi.useFakeTimers({ toFake: ['Date'], now: seconds * 1000 });
  try {
    new Webhook(secret).verify(body, headers, { jsonParse: false });
  } finally {
    vi.useRealTimers();
  }
}

function headersFor(id: string, seconds: number, signature: string) {
  return { 'webhook-id': id, 'webhook-timestamp': String(seconds), 'webhook-signature': signature };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('webhook signatures (Standard Webhooks)', () => {
  it('any body, id and timestamp signed by Cairn verifies with the reference library', () => {
    fc.assert(
      fc.property(secretArb, idArb, secondsArb, bodyArb, (secret, id, seconds, body) => {
        const signature = signWebhook({ id, timestamp: new Date(seconds * 1000), body, secrets: [secret] });
        expect(signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
        verifyAt(seconds, secret, body, headersFor(id, seconds, signature));
      }),
    );
  });

  it('any change to the body, the id, the timestamp or the signature fails verification', () => {
    const mutation = fc.oneof(
      fc.record({ part: fc.constant('body' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 3 }) }),
      fc.record({
        part: fc.constant('id' as const),
        at: fc.nat(),
        text: fc.string({ minLength: 1, maxLength: 3 }).filter((s) => !s.includes(' ')),
      }),
      fc.record({
        part: fc.constant('timestamp' as const),
        by: fc.integer({ min: -299, max: 299 }).filter((n) => n !== 0),
      }),
      fc.record({
        part: fc.constant('signature' as const),
        at: fc.nat({ max: 42 }),
        flip: fc.integer({ min: 1, max: 63 }),
      }),
    );
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    fc.assert(
      fc.property(secretArb, idArb, secondsArb, bodyArb, mutation, (secret, id, seconds, body, change) => {
        const signature = signWebhook({ id, timestamp: new Date(seconds * 1000), body, secrets: [secret] });
        let [mBody, mId, mSeconds, mSignature] = [body, id, seconds, signature];
        switch (change.part) {
          case 'body':
            mBody = `${body.slice(0, change.at % (body.length + 1))}${change.text}${body.slice(change.at % (body.length + 1))}`;
            break;
          case 'id':
            mId = `${id.slice(0, change.at % (id.length + 1))}${change.text}${id.slice(change.at % (id.length + 1))}`;
            break;
          case 'timestamp':
            // Within the library's 5-minute tolerance, so only the signature can refuse it.
            mSeconds = seconds + change.by;
            break;
          case 'signature': {
            const chars = signature.split('');
            const index = 3 + change.at;
            chars[index] = alphabet[(alphabet.indexOf(chars[index]!) + change.flip) % 64]!;
            mSignature = chars.join('');
            break;
          }
        }
        vi.useFakeTimers({ toFake: ['Date'], now: seconds * 1000 });
        try {
          expect(() =>
            new Webhook(secret).verify(mBody, headersFor(mId, mSeconds, mSignature), { jsonParse: false }),
          ).toThrow(WebhookVerificationError);
        } finally {
          vi.useRealTimers();
        }
      }),
    );
  });

  it('during a rotation each of the two secrets verifies the same header; another secret does not', () => {
    fc.assert(
      fc.property(
        secretArb,
        secretArb,
        secretArb,
        idArb,
        secondsArb,
        bodyArb,
        (current, previous, stranger, id, seconds, body) => {
          fc.pre(stranger !== current && stranger !== previous);
          const signature = signWebhook({
            id,
            timestamp: new Date(seconds * 1000),
            body,
            secrets: [current, previous],
          });
          expect(signature.split(' ')).toHaveLength(2);
          verifyAt(seconds, current, body, headersFor(id, seconds, signature));
          verifyAt(seconds, previous, body, headersFor(id, seconds, signature));
          expect(() => verifyAt(seconds, stranger, body, headersFor(id, seconds, signature))).toThrow(
            WebhookVerificationError,
          );
        },
      ),
    );
  });

  it('makes whsec_ secrets of 32 random bytes, and refuses to sign without one', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
    expect(() => signWebhook({ id: 'msg_1', timestamp: new Date(), body: '{}', secrets: [] })).toThrow(TypeError);
  });
});
