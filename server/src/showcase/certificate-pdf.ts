import { degrees, PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';
import QRCode from 'qrcode';
import { embedFonts, wrapText } from './pdf-fonts.js';

export type PaperSize = 'a4' | 'letter';

/** Page sizes in PDF points (1/72 inch), landscape. */
export const PAPER: Record<PaperSize, [number, number]> = {
  a4: [841.89, 595.28],
  letter: [792, 612],
};

export type CertificateStamp = 'revoked' | 'suspended' | 'expired' | 'unverified';

export type CertificateInput = {
  size: PaperSize;
  recipientName: string | null;
  achievementName: string;
  achievementDescription: string | null;
  issuerName: string;
  issuerLogo: { bytes: Uint8Array; mediaType: string } | null;
  issuedOn: string;
  expiresOn: string | null;
  credentialId: string;
  /** Grade, credits, CPD hours…: label and value lines. */
  facts: { label: string; value: string }[];
  /** Accreditations and endorsements in force, one line each. */
  recognitions: string[];
  verificationUrl: string;
  /** `#rrggbb`; Cairn's teal when the provider chose none. */
  colour: string | null;
  signatory: { name: string; title: string | null } | null;
  stamp: CertificateStamp | null;
};

const DEFAULT_COLOUR = '#267076';

const stampText: Record<CertificateStamp, string> = {
  revoked: 'REVOKED',
  suspended: 'SUSPENDED',
  expired: 'EXPIRED',
  unverified: 'NOT VERIFIED',
};

function hexColour(hex: string | null): RGB {
  const value = /^#[0-9a-f]{6}$/i.test(hex ?? '') ? hex! : DEFAULT_COLOUR;
  const n = Number.parseInt(value.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/** The QR code of the verification URL as a PNG (so it can be extracted and decoded from the PDF). */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
}

function centred(page: PDFPage, text: string, font: PDFFont, size: number, y: number, colour: RGB) {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (page.getWidth() - width) / 2, y, size, font, color: colour });
}

/** Shrinks `size` until `text` fits `width`, down to `min`. */
function fittingSize(text: string, font: PDFFont, size: number, min: number, width: number) {
  let s = size;
  while (s > min && font.widthOfTextAtSize(text, s) > width) s -= 1;
  return s;
}

async function embedLogo(pdf: PDFDocument, logo: CertificateInput['issuerLogo']): Promise<PDFImage | null> {
  if (!logo) return null;
  try {
    return logo.mediaType === 'image/png' ? await pdf.embedPng(logo.bytes) : await pdf.embedJpg(logo.bytes);
  } catch {
    return null; // an unreadable logo leaves the certificate without one rather than failing it
  }
}

/**
 * Draws a one-page landscape certificate: recipient, achievement, issuer (with logo), dates,
 * facts, recognitions, signatory, the credential id and a QR code to the verification page.
 * A revoked, suspended, expired or unverifiable credential is stamped across the page.
 */
export async function renderCertificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${input.achievementName} — certificate`);
  pdf.setSubject(`Verify at ${input.verificationUrl}`);
  pdf.setCreator('Cairn');
  pdf.setProducer('Cairn');
  const fonts = await embedFonts(pdf);
  const [width, height] = PAPER[input.size];
  const page = pdf.addPage([width, height]);
  const accent = hexColour(input.colour);
  const ink = rgb(0.13, 0.15, 0.17);
  const muted = rgb(0.38, 0.42, 0.45);
  const margin = 36;

  page.drawRectangle({
    x: margin / 2,
    y: margin / 2,
    width: width - margin,
    height: height - margin,
    borderColor: accent,
    borderWidth: 3,
  });
  page.drawRectangle({ x: margin / 2, y: height - margin / 2 - 10, width: width - margin, height: 10, color: accent });

  let y = height - 78;
  const logo = await embedLogo(pdf, input.issuerLogo);
  if (logo) {
    const scaled = logo.scaleToFit(160, 56);
    page.drawImage(logo, {
      x: (width - scaled.width) / 2,
      y: y - scaled.height + 14,
      width: scaled.width,
      height: scaled.height,
    });
    y -= scaled.height + 6;
  }
  centred(page, input.issuerName, fonts.bold, fittingSize(input.issuerName, fonts.bold, 16, 9, width - 160), y, accent);
  y -= 42;
  centred(page, 'CERTIFICATE', fonts.bold, 13, y, muted);
  y -= 34;
  if (input.recipientName) {
    centred(page, 'This certifies that', fonts.regular, 12, y, muted);
    y -= 36;
    centred(
      page,
      input.recipientName,
      fonts.bold,
      fittingSize(input.recipientName, fonts.bold, 30, 12, width - 160),
      y,
      ink,
    );
    y -= 28;
    centred(page, 'has earned', fonts.regular, 12, y, muted);
    y -= 36;
  } else {
    centred(page, 'Awarded for', fonts.regular, 12, y, muted);
    y -= 36;
  }
  for (const line of wrapText(input.achievementName, fonts.bold, 24, width - 200).slice(0, 2)) {
    centred(page, line, fonts.bold, 24, y, accent);
    y -= 30;
  }
  if (input.achievementDescription) {
    for (const line of wrapText(input.achievementDescription, fonts.regular, 10.5, width - 240).slice(0, 3)) {
      centred(page, line, fonts.regular, 10.5, y, muted);
      y -= 14;
    }
  }

  // Lower left: dates, facts, recognitions, the id.
  const lines: [string, string][] = [
    ['Issued', input.issuedOn],
    ...(input.expiresOn ? ([['Expires', input.expiresOn]] as [string, string][]) : []),
    ...input.facts.map((f): [string, string] => [f.label, f.value]),
    ...input.recognitions.slice(0, 3).map((r): [string, string] => ['Recognised by', r]),
  ];
  let ly = 190;
  for (const [label, value] of lines.slice(0, 7)) {
    page.drawText(label, { x: 56, y: ly, size: 9, font: fonts.regular, color: muted });
    const text = wrapText(value, fonts.bold, 10, 300)[0] ?? '';
    page.drawText(text, { x: 150, y: ly, size: 10, font: fonts.bold, color: ink });
    ly -= 15;
  }
  page.drawText(`Credential ${input.credentialId}`, { x: 56, y: 58, size: 7.5, font: fonts.regular, color: muted });

  // Signatory, centre bottom.
  if (input.signatory) {
    const sx = width / 2 - 90;
    page.drawLine({ start: { x: sx, y: 96 }, end: { x: sx + 180, y: 96 }, thickness: 0.8, color: muted });
    centred(page, input.signatory.name, fonts.bold, 10.5, 82, ink);
    if (input.signatory.title) centred(page, input.signatory.title, fonts.regular, 9, 69, muted);
  }

  // QR code to the verification page, lower right, with the URL spelt out.
  const qr = await pdf.embedPng(await qrPng(input.verificationUrl));
  const qrSize = 104;
  const qx = width - 56 - qrSize;
  page.drawImage(qr, { x: qx, y: 84, width: qrSize, height: qrSize });
  const verifyLines = wrapText(`Verify at ${input.verificationUrl}`, fonts.regular, 7.5, 190);
  let vy = 72;
  for (const line of verifyLines.slice(0, 3)) {
    const w = fonts.regular.widthOfTextAtSize(line, 7.5);
    page.drawText(line, { x: width - 56 - w, y: vy, size: 7.5, font: fonts.regular, color: muted });
    vy -= 10;
  }

  if (input.stamp) {
    const text = stampText[input.stamp];
    const size = 64;
    const red = rgb(0.75, 0.1, 0.1);
    const w = fonts.bold.widthOfTextAtSize(text, size);
    page.drawText(text, {
      x: width / 2 - (w / 2) * Math.cos(Math.PI / 9),
      y: height / 2 - (w / 2) * Math.sin(Math.PI / 9) - 10,
      size,
      font: fonts.bold,
      color: red,
      opacity: 0.35,
      rotate: degrees(20),
    });
  }
  return pdf.save();
}
