import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// Self-describing: `cairn-secret:v1:<iv>:<tag>:<ciphertext>` (base64url). The prefix is also
// the AES-GCM additional data, so a ciphertext cannot be relabelled as another version.
const VERSION = 'cairn-secret:v1';

/**
 * Reads a 32-byte master key given as 64 hex characters or base64/base64url text.
 * Throws an Error that says what was wrong (never echoing the key).
 */
export function parseMasterKey(input: string | Uint8Array): Buffer {
  if (input instanceof Uint8Array) {
    if (input.length !== 32) throw new Error(`The master key must be 32 bytes; got ${input.length}`);
    return Buffer.from(input);
  }
  if (typeof input !== 'string' || input.trim() === '') {
    throw new Error('The master key is missing: give 32 bytes as 64 hex characters or as base64');
  }
  const text = input.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) {
    throw new Error('The master key is neither hex nor base64: give 32 bytes as 64 hex characters or as base64');
  }
  const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length !== 32) {
    throw new Error(
      `The master key must decode to 32 bytes; it decodes to ${bytes.length} (generate one with: openssl rand -base64 32)`,
    );
  }
  return bytes;
}

/** Encrypts a secret (e.g. an issuer's secret key) with AES-256-GCM for storage at rest. */
export function encryptSecret(plain: string, masterKey: Uint8Array): string {
  const key = parseMasterKey(masterKey);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(VERSION));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join(':');
}

/** Decrypts `encryptSecret` output; throws when the text was altered or the key is wrong. */
export function decryptSecret(sealed: string, masterKey: Uint8Array): string {
  const key = parseMasterKey(masterKey);
  if (typeof sealed !== 'string' || !sealed.startsWith(`${VERSION}:`)) {
    throw new Error(`Not an encrypted secret of a known version (expected the prefix "${VERSION}:")`);
  }
  const parts = sealed.slice(VERSION.length + 1).split(':');
  const [ivText, tagText, dataText] = parts;
  if (parts.length !== 3 || ivText === undefined || tagText === undefined || dataText === undefined) {
    throw new Error('Malformed encrypted secret: expected iv, tag and ciphertext');
  }
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== 12 || tag.length !== 16) throw new Error('Malformed encrypted secret: bad iv or tag length');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(VERSION));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(dataText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('Cannot decrypt the secret: it was altered or the master key is wrong');
  }
}
