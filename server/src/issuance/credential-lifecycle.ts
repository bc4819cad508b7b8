export type CredentialLifecycle = 'active' | 'revoked' | 'suspended' | 'expired';

/** Where a credential stands now; revocation wins over suspension, both over expiry. */
export function lifecycleOf(
  row: { revoked_at: Date | null; suspended_at: Date | null; valid_until: Date | null },
  now: Date,
): CredentialLifecycle {
  if (row.revoked_at) return 'revoked';
  if (row.suspended_at) return 'suspended';
  if (row.valid_until && row.valid_until <= now) return 'expired';
  return 'active';
}

export type CredentialStatusView = {
  id: string;
  credentialId: string;
  status: CredentialLifecycle;
  revokedAt: Date | null;
  revocationReason: string | null;
  suspendedAt: Date | null;
  suspensionReason: string | null;
};

export function statusView(
  row: {
    id: string;
    credential_id: string;
    revoked_at: Date | null;
    revocation_reason: string | null;
    suspended_at: Date | null;
    suspension_reason: string | null;
    valid_until: Date | null;
  },
  now: Date,
): CredentialStatusView {
  return {
    id: row.id,
    credentialId: row.credential_id,
    status: lifecycleOf(row, now),
    revokedAt: row.revoked_at,
    revocationReason: row.revocation_reason,
    suspendedAt: row.suspended_at,
    suspensionReason: row.suspension_reason,
  };
}
