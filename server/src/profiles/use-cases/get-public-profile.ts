import { hashToken } from '../../lib/tokens.js';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { cpdRecordOf } from '../../cpd/use-cases/get-cpd-record.js';
import { lifecycleOf } from '../../issuance/credential-lifecycle.js';
import { credentialJsonOf, readCredentialContent } from '../../showcase/credential-content.js';
import { showcaseUrls } from '../../showcase/showcase-urls.js';
import { listHeldCredentials } from '../../showcase/stores/showcase-credentials.store.js';
import * as store from '../profiles.store.js';

const notFound = (handle: string) => new AppError('not_found', `No public profile "${handle}" on this Cairn.`);

/**
 * A learner's profile as visitors see it: 404 unless it is public, the visitor is its owner, or
 * `shareToken` is a live share link to the whole profile. Each credential comes with its document
 * so the page verifies it live, and with its status as Cairn records it; the photo's URL, and the
 * current period's CPD summary when the learner chose to show it.
 */
export async function getPublicProfile(deps: Deps, actor: Actor, handle: string, shareToken?: string) {
  const { profile, isOwner, viaShareLink } = await visibleProfile(deps, actor, handle, shareToken);
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
    photoUrl: profilePhotoUrl(deps, profile, viaShareLink ? shareToken : undefined),
    cpd: profile.is_cpd_shown ? await cpdSummaryOf(deps, profile.user_id) : null,
    credentials,
    skills: [...skills.values()].sort((a, b) => b.evidence.length - a.evidence.length || a.name.localeCompare(b.name)),
  };
}

/**
 * The profile at `handle` if `actor` may see it: it is public, the actor is its owner, or
 * `shareToken` is a live share link to the whole profile. Otherwise 404, as for no profile.
 */
export async function visibleProfile(deps: Deps, actor: Actor, handle: string, shareToken?: string) {
  const profile = await store.findProfileByHandle(deps.db, handle);
  if (!profile) throw notFound(handle);
  const isOwner = actor.kind === 'user' && actor.userId === profile.user_id;
  if (profile.is_public || isOwner) return { profile, isOwner, viaShareLink: false };
  if (await isLiveProfileLink(deps, profile.user_id, shareToken)) return { profile, isOwner, viaShareLink: true };
  throw notFound(handle);
}

/**
 * Where the profile photo is served, versioned by when it changed; a visitor who came by a share
 * link needs the token to see the photo of a private profile, so it is carried along.
 */
export function profilePhotoUrl(
  deps: Deps,
  profile: { handle: string; photo_updated_at: Date | null },
  shareToken?: string,
): string | null {
  if (!profile.photo_updated_at) return null;
  const url = new URL(`/api/v1/profiles/${profile.handle}/photo`, deps.publicUrl);
  url.searchParams.set('v', String(profile.photo_updated_at.getTime()));
  if (shareToken) url.searchParams.set('share', shareToken);
  return url.toString();
}

/**
 * The current CPD period as the learner's own record counts it (`cpdRecordOf`, the same as
 * `GET /me/cpd`), reduced to totals: no entry, evidence or reflection is shown.
 */
async function cpdSummaryOf(deps: Deps, userId: string) {
  const record = await cpdRecordOf(deps, userId);
  return {
    schemeName: record.scheme?.name ?? null,
    unit: record.scheme?.unit ?? 'hours',
    period: { label: record.period.label, from: record.period.from, to: record.period.to },
    target: record.scheme ? record.totals.target : null,
    done: record.totals.done,
    isMet: record.scheme ? record.totals.isMet : null,
    byCategory: record.totals.byCategory.map((c) => ({ category: c.category, counted: c.counted })),
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
