/** The addresses of an exchange, all under the configured public URL (CAIRN_PUBLIC_URL). */

/** The one VC-API workflow Cairn runs: a holder picks up one of their credentials into a wallet. */
export const PICKUP_WORKFLOW = 'credential-pickup';

/** What the DCC Learner Credential Wallet and other VC-API wallets scan: `…/interactions/{id}?iuv=1`. */
export function interactionUrl(publicUrl: URL, interactionId: string): string {
  const url = new URL(`/interactions/${interactionId}`, publicUrl);
  url.searchParams.set('iuv', '1');
  return url.toString();
}

/** Where the wallet posts (`{}`, then its presentation): `…/workflows/{wf}/exchanges/{ex}`. */
export function exchangeUrl(publicUrl: URL, exchangeId: string): string {
  return new URL(`/workflows/${PICKUP_WORKFLOW}/exchanges/${exchangeId}`, publicUrl).toString();
}

/** A QR code of the interaction URL, as an SVG image. */
export function qrCodePath(interactionId: string): string {
  return `/interactions/${interactionId}/qr.svg`;
}

/**
 * The deep link older Learner Credential Wallet builds open: they sign a DIDAuthentication
 * presentation with `challenge` and post it straight to `vc_request_url` (no `{}` step).
 */
export function legacyWalletDeepLink(options: { publicUrl: URL; challenge: string; exchangeId: string }): string {
  const url = new URL('https://lcw.app/request.html');
  url.searchParams.set('issuer', options.publicUrl.host);
  url.searchParams.set('auth_type', 'bearer');
  url.searchParams.set('challenge', options.challenge);
  url.searchParams.set('vc_request_url', exchangeUrl(options.publicUrl, options.exchangeId));
  return url.toString();
}

/** The `domain` a wallet's proof must name: this Cairn's origin. */
export function exchangeDomain(publicUrl: URL): string {
  return publicUrl.origin;
}
