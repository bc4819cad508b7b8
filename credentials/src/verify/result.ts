/** How one check came out. `warning` does not make a credential invalid; `failed` does. */
export type CheckStatus = 'passed' | 'failed' | 'warning' | 'skipped';

export type CheckId =
  | 'format'
  | 'schema'
  | 'proof'
  | 'issuer'
  | 'validFrom'
  | 'validUntil'
  | 'revocation'
  | 'suspension'
  | 'recipient'
  | `embedded-${number}`
  | `endorsement-${number}`;

/** One line of a verification report: `label` and `message` are for people, not machines. */
export type VerificationCheck = { id: CheckId; label: string; status: CheckStatus; message: string };

export type CredentialFormat = 'ldp' | 'jwt';
