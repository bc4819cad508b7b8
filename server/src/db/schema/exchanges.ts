// Wallet pickup through VC-API exchanges (migration 0027).

export type CredentialExchangeState = 'pending' | 'collected';

/** One pickup of one credential by its holder into a wallet; collected once, open 10 minutes. */
export type CredentialExchangesTable = {
  id: string;
  org_id: string;
  credential_id: string;
  holder_user_id: string;
  interaction_id: string;
  exchange_id: string;
  challenge: string;
  challenge_used_at: Date | null;
  state: CredentialExchangeState;
  expires_at: Date;
  holder_did: string | null;
  issued_credential_id: string | null;
  created_at: Date;
  collected_at: Date | null;
};

export type CredentialExchangeStepKind = 'created' | 'requested' | 'refused' | 'collected';

/** What happened in an exchange, as its holder reads it. */
export type CredentialExchangeStepsTable = {
  id: string;
  exchange_id: string;
  org_id: string;
  step: CredentialExchangeStepKind;
  did: string | null;
  detail: string | null;
  at: Date;
};
