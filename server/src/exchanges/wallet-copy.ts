import { decodeJwt, type JsonObject as CredentialJson } from '@cairn/credentials';
import { AppError } from '../http/app-error.js';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// What VC-JWT adds to a credential's claims; the copy is a JSON-LD credential again.
const JWT_CLAIMS = ['iss', 'sub', 'jti', 'nbf', 'exp', 'iat', 'aud'];

/**
 * The unsigned credential a wallet gets: the original as its issuer signed it, without its
 * proof and id, bound to the wallet's DID (`credentialSubject.id`). Everything else stays,
 * the status entries above all: they are the original's, so the copy is revoked with it.
 */
export function walletCopyOf(original: { format: 'ldp' | 'jwt'; document: string }, holderDid: string): CredentialJson {
  const parsed: unknown =
    original.format === 'jwt' ? decodeJwt(original.document).payload : JSON.parse(original.document);
  if (!isObject(parsed)) throw new AppError('unprocessable_content', 'The credential could not be read to copy it.');
  const { proof: _proof, id: _id, ...rest } = parsed;
  const copy: JsonObject = { ...rest };
  if (original.format === 'jwt') for (const claim of JWT_CLAIMS) delete copy[claim];
  const subject = copy.credentialSubject;
  if (isObject(subject)) copy.credentialSubject = { ...subject, id: holderDid };
  else if (Array.isArray(subject) && subject.length === 1 && isObject(subject[0]))
    copy.credentialSubject = { ...subject[0], id: holderDid };
  else throw new AppError('unprocessable_content', 'Only a credential with one subject can be bound to a wallet.');
  // Read from JSON (the stored text or the JWT payload): JSON values only.
  return copy as CredentialJson;
}

/** Which of the organisation's identifiers signed the original (and so signs the copy, and its status list). */
export function issuerIdentifierOf(copy: CredentialJson): 'did:web' | 'did:key' {
  const issuer = copy.issuer;
  const id = typeof issuer === 'string' ? issuer : isObject(issuer) ? issuer.id : undefined;
  return typeof id === 'string' && id.startsWith('did:key:') ? 'did:key' : 'did:web';
}
