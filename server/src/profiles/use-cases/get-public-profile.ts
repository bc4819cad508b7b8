import { hashToken } from '../../lib/tokens.js';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { lifecycleOf } from '../../issuance/credential-lifecycle.js';
import { credentialJsonOf, readCredentialContent } from '../../showcase/credential-content.js';
import { showcaseUrls } from '../../showcase/showcase-urls.js';
import { listHeldCredentials } from '../../showcase/stores/showcase-credentials.store.js';
import * as store from '../profiles.store.js';

const notFound = (handle: string) => new AppError('not_found', `No public profile "${handle}" on this Cairn.`);

/**
 * A learner's profile as visitors see it: 404 unless it is public, the visitor is its owner, or
 * `shareToken` is a live share link to the whole profile. Each credential comes with its document
 * so the page verifies it live, and with its status as Cairn records it.
 */
export async function getPublicProfile(deps: Deps, actor: Actor, handle: string, shareToken?: string) {
  const profile = await store.findProfileByHandle(deps.db, handle);
  if (!profile) throw notFound(handle);
  const isOwner = actor.kind === 'user' && actor.userId === profile.user_id;
  if (!profile.is_public && !isOwner && !(await isLiveProfileLink(deps, profile.user_id, shareToken)))
    throw notFound(handle);
  const chosen = await store.listProfileCredentialIds(deps.db, profile.user_id);
  const held = new Map((await listHeldCredentials(deps.db, profile.user_id)).map((r) => [r.id, r]));
  const now = deps.clock();
  const skills = new Map<string, { name: string; url: string | null; evidence: string[] }>();
  const credentials = chosen.flatMap((id) => {
    const row = held.get(id);
    if (!row) return [];
    const content = readCredentialContent(credentialJsonOf(row.format, row.document));
    for (const s of content.skills) {
      const skill = skills.get(s.name) ?? { name: s.name, url: s.url, evidence: [] };
      skill.evidence.push(content.achievementName);
      skills.set(s.name, skill);
    }
    return [
      {
        id: row.id,
        credentialUrl: row.credential_id,
        pageUrl: showcaseUrls(deps.publicUrl, row.id).page,
        badgeUrl: showcaseUrls(deps.publicUrl, row.id).badge,
        achievementName: content.achievementName,
        achievementType: content.achievementType,
        issuerName: content.issuerName ?? row.issuerName,
        isPathway: row.pathwayId !== null,
        issuedAt: row.issued_at,
        validUntil: row.valid_until,
        status: lifecycleOf(row, now),
        verifiableCredential: row.format === 'jwt' ? row.document : credentialJsonOf(row.format, row.document),
        skills: content.skills.map((s) => s.name),
      },
    ];
  });
  return {
    handle: profile.handle,
    name: profile.name,
    headline: profile.headline,
    isPublic: profile.is_public,
    isOwner,
    credentials,
    skills: [...skills.values()].sort((a, b) => b.evidence.length - a.evidence.length || a.name.localeCompare(b.name)),
  };
}

async function isLiveProfileLink(deps: Deps, userId: string, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  const link = await store.findShareLinkByTokenHash(deps.db, hashToken(token));
  const now = deps.clock();
  return (
    link !== undefined &&
    link.user_id === userId &&
    link.credential_id === null &&
    link.revoked_at === null &&
    (link.expires_at === null || link.expires_at > now)
  );
}
