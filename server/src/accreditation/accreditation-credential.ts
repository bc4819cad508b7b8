import { CONTEXT_URLS, cairnAccreditationContext } from '@cairn/credentials';
import type { JsonObject } from '../issuance/complete-credential.js';
import type { AccreditationDecision, AccreditationSubjectType } from '../db/schema.js';
import type { ScopeLimits } from './scope-limits.js';

/**
 * The unsigned accreditation credential (docs/accreditation.md): an Open Badges 3.0
 * OpenBadgeCredential from the accrediting body whose achievement is the scheme, with
 * achievementType QualityAssuranceCredential, about the provider's DID (organisation) or the
 * programme's Achievement id (programme). The Europass-like facts ride in `accreditation`,
 * defined by Cairn's embedded context, so the signature covers every one of them.
 * Pure: the issuance service completes, signs and stores it.
 */
export type AccreditationCredentialInput = {
  publicUrl: URL;
  accreditor: { did: string; name: string; slug: string };
  scheme: { slug: string; name: string; summary: string; criteriaMarkdown: string; limits: ScopeLimits };
  subject: { type: AccreditationSubjectType; id: string; name: string };
  decision: Exclude<AccreditationDecision, 'refused'>;
  decidedAt: Date;
  validUntil: Date | null;
  reviewDate: Date | null;
  reportUrl: string | null;
  jurisdiction: string | null;
  verificationCode: string;
};

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The scheme's public page: the achievement's id and its criteria's id. */
export function schemeUrl(publicUrl: URL, accreditorSlug: string, schemeSlug: string): string {
  return new URL(`/accreditation/${accreditorSlug}/schemes/${schemeSlug}`, publicUrl).toString();
}

export function registerUrl(publicUrl: URL, accreditorSlug: string): string {
  return new URL(`/registers/${accreditorSlug}`, publicUrl).toString();
}

export function buildAccreditationCredential(input: AccreditationCredentialInput): JsonObject {
  const { scheme, subject, accreditor } = input;
  const achievementId = schemeUrl(input.publicUrl, accreditor.slug, scheme.slug);
  const status = input.decision === 'accredited' ? 'accredited' : 'candidate';
  const limits = scheme.limits;
  const jurisdictions = input.jurisdiction ? [input.jurisdiction] : limits.jurisdictions;
  const title =
    status === 'accredited'
      ? `${scheme.name}: accredited by ${accreditor.name}`
      : `${scheme.name}: candidate for accreditation by ${accreditor.name}`;
  return {
    // Embedded, so any verifier reads it with the standard contexts alone.
    '@context': [CONTEXT_URLS.credentialsV2, CONTEXT_URLS.openBadgesV3, cairnAccreditationContext()],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: title,
    validFrom: isoSeconds(input.decidedAt),
    ...(input.validUntil ? { validUntil: isoSeconds(input.validUntil) } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      id: subject.id,
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        achievementType: 'QualityAssuranceCredential',
        name: scheme.name,
        description:
          scheme.summary ||
          `Accreditation scheme of ${accreditor.name}: the ${subject.type === 'programme' ? 'programme' : 'organisation'} meets its criteria.`,
        criteria: { id: achievementId, narrative: scheme.criteriaMarkdown || `The criteria of ${scheme.name}.` },
        creator: { id: accreditor.did, type: ['Profile'], name: accreditor.name },
      },
      accreditation: {
        type: 'Accreditation',
        accreditationType: subject.type === 'programme' ? 'programme' : 'institution',
        decision: input.decision,
        accreditationStatus: status,
        scheme: achievementId,
        schemeName: scheme.name,
        subjectName: subject.name,
        ...(input.reportUrl ? { report: input.reportUrl } : {}),
        accreditingAgent: accreditor.did,
        accreditingAgentName: accreditor.name,
        limitField: limits.fields,
        limitEqfLevel: limits.eqfLevels,
        limitJurisdiction: jurisdictions,
        limitCredentialType: limits.credentialTypes,
        issued: isoSeconds(input.decidedAt),
        ...(input.reviewDate ? { reviewDate: isoSeconds(input.reviewDate) } : {}),
        ...(input.validUntil ? { expiryDate: isoSeconds(input.validUntil) } : {}),
        verificationCode: input.verificationCode,
      },
    },
  };
}
