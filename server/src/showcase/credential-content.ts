import { decodeJwt, type JsonObject } from '@cairn/credentials';

/** What a certificate, a profile and a CV show of a credential, read from the document as signed. Pure. */
export type CredentialContent = {
  achievementName: string;
  achievementDescription: string | null;
  achievementType: string | null;
  issuerName: string | null;
  /** A name the signed subject carries (`credentialSubject.name`), if the issuer put one there. */
  subjectName: string | null;
  validFrom: string | null;
  validUntil: string | null;
  /** Skills the achievement is aligned to (OB 3.0 Alignment `targetName`). */
  skills: { name: string; url: string | null }[];
  /** Results with a value, e.g. "Overall score: 92". */
  results: { name: string; value: string }[];
  creditsEarned: number | null;
};

const obj = (v: unknown): JsonObject | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** The credential JSON of a stored document: the JSON itself, or a VC-JWT's payload. */
export function credentialJsonOf(format: 'ldp' | 'jwt', document: string): JsonObject {
  if (format === 'jwt') {
    const payload = decodeJwt(document.trim()).payload;
    return obj(payload.vc) ?? payload;
  }
  return JSON.parse(document) as JsonObject;
}

export function readCredentialContent(credential: JsonObject): CredentialContent {
  const subject = obj(list(credential.credentialSubject)[0]) ?? {};
  const achievement = obj(subject.achievement) ?? {};
  const issuer = obj(credential.issuer);
  const descriptions = new Map<string, string>();
  for (const d of list(achievement.resultDescription)) {
    const rd = obj(d);
    const id = str(rd?.id);
    const name = str(rd?.name);
    if (id && name) descriptions.set(id, name);
  }
  const results: CredentialContent['results'] = [];
  for (const r of list(subject.result)) {
    const result = obj(r);
    const value = str(result?.value) ?? str(result?.achievedLevel) ?? str(result?.status);
    if (!value) continue;
    const described = str(result?.resultDescription);
    results.push({ name: (described && descriptions.get(described)) ?? 'Result', value });
  }
  const skills: CredentialContent['skills'] = [];
  for (const a of list(achievement.alignment)) {
    const alignment = obj(a);
    const name = str(alignment?.targetName);
    if (name) skills.push({ name, url: str(alignment?.targetUrl) });
  }
  const credits = subject.creditsEarned;
  return {
    achievementName: str(achievement.name) ?? str(credential.name) ?? 'Credential',
    achievementDescription: str(achievement.description),
    achievementType: str(achievement.achievementType),
    issuerName: str(issuer?.name),
    subjectName: str(subject.name),
    validFrom: str(credential.validFrom) ?? str(credential.issuanceDate),
    validUntil: str(credential.validUntil) ?? str(credential.expirationDate),
    skills,
    results,
    creditsEarned:
      typeof credits === 'number' ? credits : typeof credits === 'string' && credits ? Number(credits) : null,
  };
}

/** The name before `<email>` in a recipient label such as `Lena Park <lena@example.com>`, if any. */
export function nameInLabel(label: string | null): string | null {
  if (!label) return null;
  const match = /^\s*([^<>@]+?)\s*<[^<>]+>\s*$/.exec(label);
  return match?.[1] ?? null;
}
