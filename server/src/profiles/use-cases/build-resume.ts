import type { Actor, Deps } from '../../deps.js';
import { lifecycleOf } from '../../issuance/credential-lifecycle.js';
import { requireUser } from '../../orgs/org-access.js';
import { credentialJsonOf, readCredentialContent } from '../../showcase/credential-content.js';
import { profilePageUrl, showcaseUrls } from '../../showcase/showcase-urls.js';
import { listHeldCredentials } from '../../showcase/stores/showcase-credentials.store.js';
import * as store from '../profiles.store.js';

/** The JSON Resume schema version the export follows. */
export const JSON_RESUME_SCHEMA = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

export type JsonResume = {
  $schema: string;
  basics: {
    name: string;
    label?: string;
    email?: string;
    url?: string;
  };
  certificates: { name: string; date: string; url: string; issuer: string }[];
  education: { institution: string; area: string; studyType: string; endDate: string; url: string }[];
  skills: { name: string; keywords: string[] }[];
  meta: { lastModified: string };
};

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

/**
 * The signed-in person's CV as JSON Resume: `certificates[]` from their credentials (url = the
 * credential's verification page), `education[]` from pathway awards, `skills[]` from the skills
 * those credentials evidence. `include` picks the credentials (row ids); omitted, all of them.
 * Only credentials in force are listed: a revoked, suspended or expired one is left out.
 */
export async function buildResume(deps: Deps, actor: Actor, include?: string[]): Promise<JsonResume> {
  const user = requireUser(actor);
  const [rows, profile, account] = await Promise.all([
    listHeldCredentials(deps.db, user.userId),
    store.findProfileOfUser(deps.db, user.userId),
    store.findAccount(deps.db, user.userId),
  ]);
  const now = deps.clock();
  const wanted = include ? new Set(include) : null;
  const certificates: JsonResume['certificates'] = [];
  const education: JsonResume['education'] = [];
  const skills = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.isClr || (wanted && !wanted.has(row.id)) || lifecycleOf(row, now) !== 'active') continue;
    const content = readCredentialContent(credentialJsonOf(row.format, row.document));
    const url = showcaseUrls(deps.publicUrl, row.id).page;
    const issuer = content.issuerName ?? row.issuerName;
    const date = day(content.validFrom ?? row.issued_at);
    if (row.pathwayId !== null) {
      education.push({ institution: issuer, area: content.achievementName, studyType: 'Pathway', endDate: date, url });
    } else {
      certificates.push({ name: content.achievementName, date, url, issuer });
    }
    for (const s of content.skills) {
      const evidence = skills.get(s.name) ?? new Set<string>();
      evidence.add(content.achievementName);
      skills.set(s.name, evidence);
    }
  }
  return {
    $schema: JSON_RESUME_SCHEMA,
    basics: {
      name: account?.name ?? '',
      ...(profile?.headline ? { label: profile.headline } : {}),
      ...(account?.email ? { email: account.email } : {}),
      ...(profile?.is_public ? { url: profilePageUrl(deps.publicUrl, profile.handle) } : {}),
    },
    certificates,
    education,
    skills: [...skills.entries()]
      .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
      .map(([name, evidence]) => ({ name, keywords: [...evidence] })),
    meta: { lastModified: now.toISOString().slice(0, 19) },
  };
}
