import { client, data, multipart } from '../../api/client';
import type { VerificationResult } from '../../api/types';
import type { CredentialInput } from './verify-input';

/** Verifies an uploaded file (JSON, JWT, or an image with a baked credential). */
export function verifyFile(file: File, options: { recipientEmail?: string } = {}): Promise<VerificationResult> {
  const form = new FormData();
  // The email is compared with the salted identity hash, for baked images as for JSON and JWT files.
  if (options.recipientEmail) form.append('recipientEmail', options.recipientEmail);
  form.append('file', file, file.name);
  return data(client.POST('/api/v1/verify/upload', multipart(form)));
}

/** Verifies a credential given as a JSON object or a VC-JWT string. */
export function verifyCredential(
  verifiableCredential: CredentialInput,
  options: { recipientEmail?: string } = {},
): Promise<VerificationResult> {
  // The email is compared with the salted identity hash in the credential, as the CLI's --email does.
  const body = options.recipientEmail
    ? { verifiableCredential, options: { recipientEmail: options.recipientEmail } }
    : { verifiableCredential };
  // A credential that does not verify answers 400 with its report (VC-API); both are answers.
  return data(client.POST('/credentials/verify', { body }), { answerStatuses: [400] });
}
