import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { lifecycleOf } from '../../issuance/credential-lifecycle.js';
import { findShowcaseSettings } from '../../orgs/org-showcase-settings.store.js';
import { credentialJsonOf, nameInLabel, readCredentialContent } from '../credential-content.js';
import { showcaseUrls } from '../showcase-urls.js';
import * as store from '../stores/showcase-credentials.store.js';

/** Loads a credential for showcasing, or 404. */
export async function loadShowcaseCredential(deps: Deps, id: string) {
  const row = await store.findShowcaseCredential(deps.db, id);
  if (!row) throw new AppError('not_found', 'No credential with this id.');
  return row;
}

export const isHolderOf = (actor: Actor, row: store.ShowcaseCredentialRow) =>
  actor.kind === 'user' && row.recipient_user_id !== null && actor.userId === row.recipient_user_id;

/**
 * The name the issuer recorded for the holder: a name in the signed subject, else the name in
 * the recipient label ("Name <email>"), else the holder's account name.
 */
export function recordedNameOf(row: store.ShowcaseCredentialRow): string | null {
  let subjectName: string | null;
  try {
    subjectName = readCredentialContent(credentialJsonOf(row.format, row.document)).subjectName;
  } catch {
    subjectName = null;
  }
  return subjectName ?? nameInLabel(row.recipient_label) ?? row.holderName ?? null;
}

/**
 * What the public credential page shows beyond the signed credential: whose it is (only with
 * the holder's consent, or to the holder), where its certificate is (to the holder, or when the
 * holder shared it publicly), and the issuer's LinkedIn page. None of it changes what was signed.
 */
export async function getCredentialShowcase(deps: Deps, actor: Actor, id: string) {
  const row = await loadShowcaseCredential(deps, id);
  const now = deps.clock();
  const isHolder = isHolderOf(actor, row);
  const isShared =
    row.recipient_user_id !== null && (await store.isSharedPublicly(deps.db, row.id, row.recipient_user_id, now));
  const settings = await findShowcaseSettings(deps.db, row.org_id);
  const urls = showcaseUrls(deps.publicUrl, row.id);
  const canSeeName = isHolder || row.isNameShown === true;
  const canGetCertificate = isHolder || isShared;
  return {
    id: row.id,
    credentialUrl: row.credential_id,
    verificationUrl: urls.page,
    status: lifecycleOf(row, now),
    issuedTo: canSeeName ? recordedNameOf(row) : null,
    isHolder,
    isNameShown: row.isNameShown === true,
    issuer: {
      name: row.issuerName,
      slug: row.issuerSlug,
      logoUrl: settings.logoFileId ? new URL(`/api/v1/images/${settings.logoFileId}`, deps.publicUrl).toString() : null,
      linkedInOrganizationId: settings.linkedInOrganizationId,
    },
    badgeUrl: urls.badge,
    // renderMethod-style links: how to show this credential, kept outside the signed document.
    renderMethod: canGetCertificate
      ? [
          {
            type: 'CairnCertificatePdf',
            name: 'Certificate (A4)',
            id: urls.certificate('a4'),
            mediaType: 'application/pdf',
          },
          {
            type: 'CairnCertificatePdf',
            name: 'Certificate (US Letter)',
            id: urls.certificate('letter'),
            mediaType: 'application/pdf',
          },
        ]
      : [],
  };
}
