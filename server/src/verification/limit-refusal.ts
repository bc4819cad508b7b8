import type { VerifyLimitViolation } from '@cairn/credentials';
import { AppError } from '../http/app-error.js';

/**
 * The refusal for a credential over one of the verify limits: 413 too large, 422 too complex.
 * One wording whether the main thread checked it (a posted credential) or a worker did (one
 * read out of an uploaded file).
 */
export function limitRefusal(violation: VerifyLimitViolation): AppError {
  const hint = 'Open Badges and CLR credentials are far smaller; check that this is the credential you meant to send.';
  return new AppError(
    violation.kind === 'too_large' ? 'payload_too_large' : 'unprocessable_content',
    `${violation.message} ${hint}`,
  );
}
