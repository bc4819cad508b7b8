import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { verifyPresentedPresentation } from '../verification/verification.service.js';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a DIDAuthentication presentation: signed (`authentication`, Ed25519Signature2020 or
 * eddsa-rdfc-2022 / eddsa-jcs-2022) by a key of its holder, a `did:key`, with the expected
 * challenge and domain. Runs in the verify pool with the verifier's size and JSON-LD limits
 * (413/422 over them). Returns the holder's DID; anything less is refused with 422, naming why.
 */
export async function checkDidAuthentication(
  deps: Deps,
  presentation: unknown,
  expected: { challenge: string; domain: string },
): Promise<string> {
  if (!isObject(presentation)) {
    throw new AppError('validation_failed', 'verifiablePresentation must be a JSON object.', {
      fields: [{ field: 'verifiablePresentation', message: 'Must be an object' }],
    });
  }
  const embedded = presentation.verifiableCredential;
  if (embedded !== undefined && !(Array.isArray(embedded) && embedded.length === 0)) {
    throw new AppError(
      'unprocessable_content',
      'A DIDAuthentication presentation proves who the wallet is; it carries no credentials. Send it without verifiableCredential.',
    );
  }
  const result = await verifyPresentedPresentation(deps, {
    presentation,
    challenge: expected.challenge,
    domain: expected.domain,
  });
  const proof = result.checks.find((c) => c.id === 'proof');
  if (!result.verified || proof?.status !== 'passed') {
    throw new AppError('unprocessable_content', `The wallet's presentation was refused: ${result.errors.join('; ')}`);
  }
  const holder = result.holder;
  if (!holder) {
    throw new AppError(
      'unprocessable_content',
      "The presentation names no holder: set holder to the wallet's did:key, the DID that signs it.",
    );
  }
  if (!holder.startsWith('did:key:')) {
    throw new AppError('unprocessable_content', `The holder must be a did:key; ${holder} is not.`);
  }
  return holder;
}
