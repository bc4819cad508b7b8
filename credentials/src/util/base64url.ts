/** base64url without padding, as used by JOSE and the `u` multibase prefix. */
export function base64UrlEncode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/** Decodes base64url (padding tolerated); throws on characters outside the alphabet. */
export function base64UrlDecode(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) throw new Error('Invalid base64url text');
  return new Uint8Array(Buffer.from(text, 'base64url'));
}
