import type { JsonObject } from '@cairn/credentials';

/** What lists and mails show of a credential, read from its JSON. Pure. */

export function typesOf(credential: JsonObject): string[] {
  const type = credential.type;
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

export function achievementNameOf(credential: JsonObject): string | null {
  const subject = credential.credentialSubject as JsonObject | undefined;
  const achievement = subject?.achievement as JsonObject | undefined;
  const name = achievement?.name ?? credential.name;
  return typeof name === 'string' ? name.slice(0, 300) : null;
}

/** What lists show for a credential: its achievement or name, else its most specific type. */
export function displayNameOf(credential: JsonObject): string | null {
  const named = achievementNameOf(credential);
  if (named) return named;
  const name = Array.isArray(credential.name) ? credential.name[0] : credential.name;
  const value = typeof name === 'object' && name !== null && !Array.isArray(name) ? name['@value'] : undefined;
  if (typeof value === 'string') return value.slice(0, 300);
  const types = typesOf(credential);
  return (types.find((t) => t !== 'VerifiableCredential') ?? types[0])?.slice(0, 300) ?? null;
}

export function subjectIdOf(credential: JsonObject): string | null {
  const subject = Array.isArray(credential.credentialSubject)
    ? credential.credentialSubject[0]
    : credential.credentialSubject;
  const id = typeof subject === 'object' && subject !== null && !Array.isArray(subject) ? subject.id : undefined;
  return typeof id === 'string' ? id.slice(0, 300) : null;
}
