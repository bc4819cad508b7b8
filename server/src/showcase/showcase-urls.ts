import type { PaperSize } from './certificate-pdf.js';

/** Where a credential is shown: its page (which verifies it live), baked badge and certificate. */
export function showcaseUrls(publicUrl: URL, id: string) {
  return {
    page: new URL(`/credentials/${id}`, publicUrl).toString(),
    badge: new URL(`/credentials/${id}/badge.png`, publicUrl).toString(),
    certificate: (size: PaperSize) =>
      new URL(`/api/v1/credentials/${id}/certificate.pdf?size=${size}`, publicUrl).toString(),
  };
}

/** A public profile's page. */
export const profilePageUrl = (publicUrl: URL, handle: string) => new URL(`/p/${handle}`, publicUrl).toString();
