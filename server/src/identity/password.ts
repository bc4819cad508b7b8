import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~15 ms a hash here.
const options = {
  algorithm: 2 /* Algorithm.Argon2id: a const enum, unreadable under verbatimModuleSyntax */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown email cannot be told from a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('cairn-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}

const common = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'password1234',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'qwerty1234',
  'iloveyou12',
  'letmein123',
  'welcome123',
  'administrator',
  'changeme123',
  'abcdefghij',
  'abc1234567',
  '0123456789',
  '1q2w3e4r5t',
  'passw0rd123',
  'trustno1234',
]);

/** Why a password is too weak, or undefined when it is acceptable. */
export function passwordWeakness(password: string, email?: string): string | undefined {
  if (password.length < 10) return 'Use at least 10 characters.';
  if (password.length > 256) return 'Use at most 256 characters.';
  if (new Set(password).size < 4) return 'Use more different characters.';
  if (common.has(password.toLowerCase())) return 'This password is too common; choose another.';
  if (
    email &&
    password.toLowerCase().includes(email.split('@')[0]!.toLowerCase()) &&
    email.split('@')[0]!.length >= 4
  ) {
    return 'Do not build the password from your email address.';
  }
  return undefined;
}
