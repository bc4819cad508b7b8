import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { lifecycleOf } from '../../issuance/credential-lifecycle.js';
import { findLogoBytes, findShowcaseSettings } from '../../orgs/org-showcase-settings.store.js';
import { verifyPresentedCredential } from '../../verification/verification.service.js';
import type { CertificateStamp, PaperSize } from '../certificate-pdf.js';
import { readCredentialContent, credentialJsonOf } from '../credential-content.js';
import { showcaseUrls } from '../showcase-urls.js';
import * as store from '../stores/showcase-credentials.store.js';
import { isHolderOf, loadShowcaseCredential, recordedNameOf } from './get-credential-showcase.js';

const longDate = (iso: string | Date) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The PDF certificate of a credential, for its holder, or for anyone once the holder shared it
 * publicly (on their profile or by a share link); otherwise 404, as if there were none. The
 * credential is verified as it is drawn: a revoked, suspended, expired or unverifiable one is
 * stamped. The recipient's name appears to the holder, and to others only with their consent.
 */
export async function getCertificate(deps: Deps, actor: Actor, id: string, size: PaperSize): Promise<Uint8Array> {
  const row = await loadShowcaseCredential(deps, id);
  const now = deps.clock();
  const isHolder = isHolderOf(actor, row);
  if (
    !isHolder &&
    (row.recipient_user_id === null || !(await store.isSharedPublicly(deps.db, row.id, row.recipient_user_id, now)))
  )
    throw new AppError('not_found', 'No certificate for this credential: its holder has not shared it.');

  const credential = credentialJsonOf(row.format, row.document);
  const content = readCredentialContent(credential);
  const verification = await verifyPresentedCredential(deps, {
    credential: row.format === 'jwt' ? row.document : credential,
  });
  const lifecycle = lifecycleOf(row, now);
  const stamp: CertificateStamp | null =
    lifecycle !== 'active' ? lifecycle : verification.verified ? null : 'unverified';

  const settings = await findShowcaseSettings(deps.db, row.org_id);
  const logo = settings.logoFileId ? await findLogoBytes(deps.db, row.org_id, settings.logoFileId) : undefined;
  const facts = [
    ...content.results.map((r) => ({ label: r.name, value: r.value })),
    ...(content.creditsEarned !== null ? [{ label: 'Credits', value: String(content.creditsEarned) }] : []),
  ];
  // pdf-lib and the QR encoder load with the first PDF, not with the server.
  const { renderCertificatePdf } = await import('../certificate-pdf.js');
  return renderCertificatePdf({
    size,
    recipientName: isHolder || row.isNameShown === true ? recordedNameOf(row) : null,
    achievementName: content.achievementName,
    achievementDescription: content.achievementDescription,
    issuerName: content.issuerName ?? row.issuerName,
    issuerLogo: logo ? { bytes: logo.bytes, mediaType: logo.media_type } : null,
    issuedOn: longDate(content.validFrom ?? row.issued_at),
    expiresOn: content.validUntil ? longDate(content.validUntil) : null,
    credentialId: row.credential_id,
    facts,
    // Accreditations and endorsements in force now, as the verifier found them (signature and register checked).
    recognitions: [
      ...verification.accreditations
        .filter((a) => a.now && a.problems.length === 0)
        .map((a) => `${a.by} (${a.scheme})`),
      ...verification.endorsements.filter((e) => e.now && e.problems.length === 0).map((e) => `Endorsed by ${e.by}`),
    ],
    verificationUrl: showcaseUrls(deps.publicUrl, row.id).page,
    colour: settings.certificateColour,
    signatory: settings.signatoryName ? { name: settings.signatoryName, title: settings.signatoryTitle } : null,
    stamp,
  });
}
