/** What LinkedIn's add-to-profile form asks for, taken from one credential. */
export type LinkedInCertification = {
  /** The achievement's name, shown as the certification's title. */
  name: string;
  organizationName: string;
  /** ISO 8601 date-time the credential was issued (validFrom). */
  issuedAt: string;
  /** ISO 8601 date-time the credential expires (validUntil), if it does. */
  expiresAt?: string | null;
  /** The credential's public page, where anyone can verify it. */
  certUrl: string;
  certId: string;
};

const ADD_TO_PROFILE = 'https://www.linkedin.com/profile/add';

/**
 * LinkedIn's "add a licence or certification" link, pre-filled. It is a plain link: the learner
 * chooses to open it and Cairn never calls LinkedIn. Dates use UTC so the month does not depend
 * on where the page is opened.
 */
export function linkedInAddToProfileUrl(cert: LinkedInCertification): string {
  const issued = new Date(cert.issuedAt);
  const fields: [string, string][] = [
    ['startTask', 'CERTIFICATION_NAME'],
    ['name', cert.name],
    ['organizationName', cert.organizationName],
  ];
  if (!Number.isNaN(issued.getTime())) {
    fields.push(['issueYear', String(issued.getUTCFullYear())], ['issueMonth', String(issued.getUTCMonth() + 1)]);
  }
  const expires = cert.expiresAt ? new Date(cert.expiresAt) : null;
  if (expires && !Number.isNaN(expires.getTime())) {
    fields.push(
      ['expirationYear', String(expires.getUTCFullYear())],
      ['expirationMonth', String(expires.getUTCMonth() + 1)],
    );
  }
  fields.push(['certUrl', cert.certUrl], ['certId', cert.certId]);
  // encodeURIComponent rather than URLSearchParams: spaces become %20, never "+".
  const query = fields.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return `${ADD_TO_PROFILE}?${query}`;
}
