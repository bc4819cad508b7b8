import { isApiError, ApiError } from '../../api/client';
import type { CredentialFormat, Cryptosuite, SignedCredential } from '../../api/types';
import { credentialDocument, credentialJwtId } from './credential-details';
import type { IssueCredentialInput } from './credentials-api';

export type IssueFormValues = {
  achievementName: string;
  description: string;
  criteria: string;
  achievementType: string;
  recipientEmail: string;
  /** `YYYY-MM-DD` from the date picker, or null for no expiry. */
  validUntil: string | null;
  format: CredentialFormat;
  cryptosuite: Cryptosuite;
  /** Adds a suspension status entry, so the credential can be suspended and reinstated later. */
  isSuspendable: boolean;
};

/** Open Badges 3.0 achievement types a person is likely to pick, most common first. */
export const ACHIEVEMENT_TYPES: { value: string; label: string }[] = [
  { value: 'MicroCredential', label: 'Micro-credential' },
  { value: 'Certificate', label: 'Certificate' },
  { value: 'CertificateOfCompletion', label: 'Certificate of completion' },
  { value: 'Certification', label: 'Certification' },
  { value: 'Course', label: 'Course' },
  { value: 'Badge', label: 'Badge' },
  { value: 'Competency', label: 'Competency' },
  { value: 'Assessment', label: 'Assessment' },
  { value: 'License', label: 'Licence' },
  { value: 'LearningProgram', label: 'Learning programme' },
  { value: 'Award', label: 'Award' },
  { value: 'Diploma', label: 'Diploma' },
  { value: 'Membership', label: 'Membership' },
  { value: 'Achievement', label: 'Other achievement' },
];

/** A version 4 UUID, also where `crypto.randomUUID` is missing (plain http on a LAN address). */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The last moment of the chosen day where the issuer is, as an ISO instant. */
export function endOfDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, (m ?? 1) - 1, d ?? 1, 23, 59, 59).toISOString();
}

type BuildOptions = { values: IssueFormValues; achievementId: string; idempotencyKey: string };

/** The request body for `POST /api/v1/orgs/{slug}/credentials` from the form. */
export function buildIssueRequest({ values, achievementId, idempotencyKey }: BuildOptions): IssueCredentialInput {
  const name = values.achievementName.trim();
  return {
    credential: {
      name,
      ...(values.validUntil ? { validUntil: endOfDay(values.validUntil) } : {}),
      credentialSubject: {
        type: ['AchievementSubject'],
        achievement: {
          id: achievementId,
          type: ['Achievement'],
          name,
          description: values.description.trim(),
          criteria: { narrative: values.criteria.trim() },
          achievementType: values.achievementType,
        },
      },
    },
    options: {
      recipientEmail: values.recipientEmail.trim(),
      format: values.format,
      ...(values.format === 'ldp' ? { cryptosuite: values.cryptosuite } : {}),
      // Sent only when asked for: one (revocation) status entry is the Open Badges 3.0 default.
      ...(values.isSuspendable ? { statusPurposes: ['revocation', 'suspension'] as ['revocation', 'suspension'] } : {}),
      idempotencyKey,
    },
  };
}

/** Where a server field path lands in the form; anything else is shown above it. */
const FIELD_MAP: [RegExp, keyof IssueFormValues][] = [
  [/^options\.recipientEmail/, 'recipientEmail'],
  [/^options\.format/, 'format'],
  [/^options\.cryptosuite/, 'cryptosuite'],
  [/^options\.statusPurposes/, 'isSuspendable'],
  [/^credential\.validUntil/, 'validUntil'],
  [/^credential\.name$/, 'achievementName'],
  [/^credential\.credentialSubject\.achievement\.name/, 'achievementName'],
  [/^credential\.credentialSubject\.achievement\.description/, 'description'],
  [/^credential\.credentialSubject\.achievement\.criteria/, 'criteria'],
  [/^credential\.credentialSubject\.achievement\.achievementType/, 'achievementType'],
];

/**
 * Renames the server's field paths (`options.recipientEmail`, `credential.credentialSubject.achievement.name`)
 * to the form's, so `applyProblemToForm` can put each message on its input.
 */
export function toIssueFormProblem(error: unknown): unknown {
  if (!isApiError(error) || error.errors.length === 0) return error;
  const errors = error.errors.map(({ field, message }) => {
    const path = field
      .replace(/^\/+/, '')
      .replace(/^body[./]/, '')
      .replace(/\//g, '.');
    const match = FIELD_MAP.find(([pattern]) => pattern.test(path));
    return { field: match ? match[1] : field, message };
  });
  return new ApiError({
    title: error.title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    type: error.type,
    errors,
  });
}

/** The `id` URL of a signed credential (for a VC-JWT, its payload's `id`, `vc.id` or `jti`). */
export function signedCredentialId(signed: SignedCredential): string | null {
  const doc = credentialDocument(signed);
  const jti = typeof signed === 'string' ? credentialJwtId(signed) : null;
  const id = doc?.id ?? jti;
  return typeof id === 'string' ? id : null;
}
