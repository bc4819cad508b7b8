import { inflateSync } from 'node:zlib';
import jsQRModule from 'jsqr';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFDict } from 'pdf-lib';

// jsQR is CommonJS with an ES-style default in its types: under NodeNext the function is `.default`.
type JsQr = typeof jsQRModule.default;
const jsQR: JsQr = typeof jsQRModule === 'function' ? jsQRModule : jsQRModule.default;

/**
 * Finds every image XObject in a PDF, decodes it (pdf-lib stores PNGs as Flate-compressed RGB or
 * grey pixels) and returns what jsQR reads in each.
 */
export async function decodeQrCodesInPdf(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  const found: string[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const dict: PDFDict = object.dict;
    if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const width = (dict.get(PDFName.of('Width')) as PDFNumber).asNumber();
    const height = (dict.get(PDFName.of('Height')) as PDFNumber).asNumber();
    const colourSpace = dict.get(PDFName.of('ColorSpace'));
    const channels = colourSpace === PDFName.of('DeviceGray') ? 1 : 3;
    const pixels = inflateSync(Buffer.from(object.contents));
    if (pixels.length < width * height * channels) continue;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const r = pixels[i * channels]!;
      rgba[i * 4] = r;
      rgba[i * 4 + 1] = channels === 1 ? r : pixels[i * channels + 1]!;
      rgba[i * 4 + 2] = channels === 1 ? r : pixels[i * channels + 2]!;
      rgba[i * 4 + 3] = 255;
    }
    const code = jsQR(rgba, width, height);
    if (code) found.push(code.data);
  }
  return found;
}
