import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../deps.js';
import { credentialJsonOf, readCredentialContent } from './credential-content.js';
import { profilePageUrl, showcaseUrls } from './showcase-urls.js';
import { findProfileCard } from './stores/page-meta.store.js';
import { findShowcaseCredential } from './stores/showcase-credentials.store.js';

/** What a link preview (Open Graph, Twitter card) shows for a page. */
export type PageMeta = { title: string; description: string; url: string; image: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The preview of a credential page or a public profile, for crawlers that do not run the app.
 * Says only what the page shows anyone: no holder name without consent, nothing of a private profile.
 */
export async function pageMetaFor(deps: Deps, url: string): Promise<PageMeta | null> {
  const pathname = url.split('?')[0] ?? '';
  const credential = /^\/credentials\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (credential && UUID.test(credential)) {
    const row = await findShowcaseCredential(deps.db, credential);
    if (!row) return null;
    let content;
    try {
      content = readCredentialContent(credentialJsonOf(row.format, row.document));
    } catch {
      return null;
    }
    const urls = showcaseUrls(deps.publicUrl, row.id);
    const holder = row.isNameShown ? ` to ${row.holderName ?? 'its holder'}` : '';
    return {
      title: `${content.achievementName} — ${content.issuerName ?? row.issuerName}`,
      description: `A verifiable credential issued by ${content.issuerName ?? row.issuerName}${holder}. Open the link to verify it live.`,
      url: urls.page,
      image: urls.badge,
    };
  }
  const handle = /^\/p\/([a-z0-9-]{3,40})\/?$/i.exec(pathname)?.[1]?.toLowerCase();
  if (handle) {
    const profile = await findProfileCard(deps.db, handle);
    if (!profile?.is_public) return null;
    return {
      title: `${profile.name} — verified credentials`,
      description:
        profile.headline ||
        `${profile.credentialCount} verifiable credential${profile.credentialCount === 1 ? '' : 's'}, verified live on Cairn.`,
      url: profilePageUrl(deps.publicUrl, profile.handle),
      image: profile.firstCredentialId ? showcaseUrls(deps.publicUrl, profile.firstCredentialId).badge : null,
    };
  }
  return null;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The app's index.html with the page's title and Open Graph / Twitter card tags. */
export function injectMeta(html: string, meta: PageMeta): string {
  const tags = [
    ['og:type', 'website'],
    ['og:site_name', 'Cairn'],
    ['og:title', meta.title],
    ['og:description', meta.description],
    ['og:url', meta.url],
    ...(meta.image ? [['og:image', meta.image]] : []),
    ['twitter:card', 'summary'],
  ]
    .map(([property, content]) =>
      property!.startsWith('twitter:')
        ? `<meta name="${property}" content="${escapeHtml(content!)}" />`
        : `<meta property="${property}" content="${escapeHtml(content!)}" />`,
    )
    .join('\n    ');
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(meta.title)}</title>`)
    .replace(
      /<meta name="description" content="[^"]*" \/>/,
      `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    )
    .replace('</head>', `    ${tags}\n  </head>`);
}

const indexCache = new Map<string, Promise<string>>();

/** index.html with the preview tags of `url`, or null when the page has none (then serve the file as it is). */
export async function pageWithMeta(deps: Deps, webDistDir: string, url: string): Promise<string | null> {
  const meta = await pageMetaFor(deps, url);
  if (!meta) return null;
  let html = indexCache.get(webDistDir);
  if (!html) {
    html = readFile(path.join(webDistDir, 'index.html'), 'utf8');
    indexCache.set(webDistDir, html);
  }
  return injectMeta(await html, meta);
}
