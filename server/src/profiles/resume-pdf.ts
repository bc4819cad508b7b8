import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { PAPER, type PaperSize } from '../showcase/certificate-pdf.js';
import { embedFonts, wrapText } from '../showcase/pdf-fonts.js';
import type { JsonResume } from './use-cases/build-resume.js';

/**
 * A plain, printable CV from a JSON Resume (portrait): name and headline, certificates and
 * pathways with their verification links, skills with what evidences them. Flows onto more pages.
 */
export async function renderResumePdf(resume: JsonResume, size: PaperSize = 'a4'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${resume.basics.name || 'CV'} — CV`);
  pdf.setCreator('Cairn');
  const fonts = await embedFonts(pdf);
  const [landscapeWidth, landscapeHeight] = PAPER[size];
  const width = landscapeHeight;
  const height = landscapeWidth;
  const margin = 56;
  const ink = rgb(0.13, 0.15, 0.17);
  const muted = rgb(0.38, 0.42, 0.45);
  const accent = rgb(0.15, 0.44, 0.46);
  let page: PDFPage = pdf.addPage([width, height]);
  let y = height - margin;

  const ensure = (needed: number) => {
    if (y - needed < margin) {
      page = pdf.addPage([width, height]);
      y = height - margin;
    }
  };
  const write = (text: string, font: PDFFont, size: number, colour = ink, indent = 0) => {
    for (const line of wrapText(text, font, size, width - 2 * margin - indent)) {
      ensure(size + 4);
      page.drawText(line, { x: margin + indent, y: y - size, size, font, color: colour });
      y -= size + 4;
    }
  };
  const heading = (text: string) => {
    ensure(40);
    y -= 14;
    write(text, fonts.bold, 13, accent);
    page.drawLine({ start: { x: margin, y: y }, end: { x: width - margin, y: y }, thickness: 0.6, color: accent });
    y -= 8;
  };

  write(resume.basics.name || 'Curriculum vitae', fonts.bold, 24);
  if (resume.basics.label) write(resume.basics.label, fonts.regular, 12, muted);
  const contact = [resume.basics.email, resume.basics.url].filter(Boolean).join('  ·  ');
  if (contact) write(contact, fonts.regular, 9.5, muted);

  if (resume.certificates.length > 0) {
    heading('Certificates');
    for (const c of resume.certificates) {
      write(c.name, fonts.bold, 11);
      write(`${c.issuer} · ${c.date}`, fonts.regular, 9.5, muted, 0);
      write(`Verify: ${c.url}`, fonts.regular, 8.5, muted, 0);
      y -= 4;
    }
  }
  if (resume.education.length > 0) {
    heading('Qualifications');
    for (const e of resume.education) {
      write(e.area, fonts.bold, 11);
      write(`${e.institution} · ${e.studyType} · ${e.endDate}`, fonts.regular, 9.5, muted);
      write(`Verify: ${e.url}`, fonts.regular, 8.5, muted);
      y -= 4;
    }
  }
  if (resume.skills.length > 0) {
    heading('Skills');
    for (const s of resume.skills) write(`${s.name} — evidenced by ${s.keywords.join(', ')}`, fonts.regular, 10);
  }
  return pdf.save();
}
