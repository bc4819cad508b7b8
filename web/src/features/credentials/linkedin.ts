/** What LinkedIn's add-to-profile form asks for, taken from one credential. */
export type LinkedInCertification = {
  /** The achievement's name, shown as the certification's title. */
  name: string;
  organizationName: string;
  /** The issuer's LinkedIn page id, when it set one: LinkedIn then links the certification to the page. */
  organizationId?: string | null;
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
    cert.organizationId ? ['organizationId', cert.organizationId] : ['organizationName', cert.organizationName],
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

/**
 * The same facts as labelled values, for copying by hand: LinkedIn's auto-fill is best-effort
 * (it drops fields it does not recognise, and an organisation id it cannot find).
 */
export function linkedInFields(cert: LinkedInCertification): { label: string; value: string }[] {
  const monthYear = (iso: string | null | undefined) => {
    const d = iso ? new Date(iso) : null;
    return d && !Number.isNaN(d.getTime())
      ? d.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
      : null;
  };
  const fields = [
    { label: 'Name', value: cert.name },
    { label: 'Issuing organisation', value: cert.organizationName },
    { label: 'Issue date', value: monthYear(cert.issuedAt) ?? '' },
    { label: 'Expiration date', value: monthYear(cert.expiresAt) ?? '' },
    { label: 'Credential ID', value: cert.certId },
    { label: 'Credential URL', value: cert.certUrl },
  ];
  return fields.filter((f) => f.value !== '');
}
