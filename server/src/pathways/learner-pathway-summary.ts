import type { LearnerPathwayState } from './learner-pathways.js';

// A learner's standing on one pathway, as lists and detail pages show it.

export function summaryOf(s: LearnerPathwayState) {
  return {
    id: s.pathwayId,
    name: s.version.name,
    awarded: Boolean(s.award),
    progress: { done: s.award ? s.evaluation.required : s.evaluation.done, required: s.evaluation.required },
    versionId: s.version.id,
    isJoined: s.participation?.is_joined ?? false,
    credentialId: s.award?.credential_row_id ?? null,
    clrCredentialId: s.award?.clr_row_id ?? null,
    isSuspended: s.award?.status === 'suspended',
    // Awards follow in a job once the credential that completes the pathway is committed.
    isAwardPending: s.evaluation.isSatisfied && !s.award,
  };
}
