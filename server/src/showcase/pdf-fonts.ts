import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

// server/assets/fonts, from src/showcase (tsx) and from dist/showcase (compiled) alike.
const fontsDir = new URL('../../assets/fonts/', import.meta.url);

let loaded: Promise<{ regular: Buffer; bold: Buffer }> | undefined;

function fontBytes() {
  loaded ??= Promise.all([
    readFile(new URL('DejaVuSans.ttf', fontsDir)),
    readFile(new URL('DejaVuSans-Bold.ttf', fontsDir)),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return loaded;
}

/** Embeds the bundled DejaVu Sans (regular, bold) as subsets, so any script a name uses prints. */
export async function embedFonts(pdf: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  pdf.registerFontkit(fontkit);
  const bytes = await fontBytes();
  return {
    regular: await pdf.embedFont(bytes.regular, { subset: true }),
    bold: await pdf.embedFont(bytes.bold, { subset: true }),
  };
}

/** Splits text into lines no wider than `width` at `size`, breaking at spaces (or inside a too-long word). */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line) lines.push(line);
  }
  return lines;
}
