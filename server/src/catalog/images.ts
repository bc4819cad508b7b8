import type Sharp from 'sharp';
import type { MediaType } from '../db/schema.js';
import { AppError } from '../http/app-error.js';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Raster images are scaled down to fit this box; badge images need no more. */
const MAX_EDGE = 1024;
const MIN_EDGE = 64;

export type NormalisedImage = { mediaType: MediaType; bytes: Buffer; width: number; height: number };

let loading: Promise<typeof Sharp> | undefined;

/**
 * sharp (libvips and its thread pool) costs the process about 25 MB once loaded, and most servers
 * process an image rarely: it is loaded on the first image. Its operation cache is off: uploads
 * are never repeated, so cached pipelines would only hold memory while the server idles.
 */
export function loadSharp(): Promise<typeof Sharp> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    return sharp;
  });
  return loading;
}

const names: Record<MediaType, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/svg+xml': 'SVG' };

/** What the bytes are, from their magic numbers (SVG: an XML document whose root is <svg>). */
export function sniffImageType(bytes: Buffer): MediaType | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const head = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  // Skip an XML declaration, comments and a doctype (with any internal subset), then expect the
  // <svg> root element. Only the type is decided here: the SVG itself is only ever rasterised.
  const rest = head.replace(/^\s*(<\?xml[^>]*\?>\s*)?((<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\]\s*)?>)\s*)*/i, '');
  if (/^<svg[\s>]/i.test(rest)) return 'image/svg+xml';
  return undefined;
}

/** The type a client declared, from its Content-Type, falling back to the file name. */
export function declaredImageType(mimetype: string, filename: string): MediaType | undefined {
  const type = mimetype.toLowerCase().split(';')[0]!.trim();
  if (type === 'image/png') return 'image/png';
  if (type === 'image/jpeg' || type === 'image/jpg') return 'image/jpeg';
  if (type === 'image/svg+xml') return 'image/svg+xml';
  if (type && type !== 'application/octet-stream') return undefined;
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'png') return 'image/png';
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  if (ext === 'svg') return 'image/svg+xml';
  return undefined;
}

/**
 * Renders an uploaded SVG to a PNG whose longer edge is MAX_EDGE px.
 *
 * Why rasterise rather than sanitise: SVG is a scriptable document (script, event handlers,
 * SMIL <set>/<animate> rewriting href, CSS with escapes, entities, HTML in foreignObject), and a
 * sanitiser is a list of what its authors thought of: the regex this replaces let five payloads
 * through. A PNG has no script surface at all, and nothing needs the vector: uploads are only
 * programme images (the Achievement's image URL), and baked badges are PNGs Cairn draws itself.
 * librsvg (inside sharp) fetches nothing when it renders from a buffer (no network, no files),
 * refuses external entities and caps entity expansion; the pixel limit and the timeout bound
 * the work a hostile SVG can cause.
 */
export async function rasteriseSvg(bytes: Buffer): Promise<{ bytes: Buffer; width: number; height: number }> {
  const sharp = await loadSharp();
  let width: number;
  let height: number;
  try {
    // Reading the intrinsic size renders nothing, so no pixel limit is needed here.
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    width = meta.width ?? 0;
    height = meta.height ?? 0;
  } catch {
    throw invalid(
      'The SVG could not be read as an image: check that it is a complete, well-formed SVG file (external entities and DTDs are not read).',
    );
  }
  if (width <= 0 || height <= 0)
    throw invalid('The SVG has no size: give the <svg> element a width and height, or a viewBox.');
  // Vector art is drawn at the density that makes its longer edge MAX_EDGE, so it stays sharp.
  const density = Math.min(Math.max((72 * MAX_EDGE) / Math.max(width, height), 1), 100_000);
  try {
    const { data, info } = await sharp(bytes, { density, limitInputPixels: 40_000_000 })
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside' })
      .png({ compressionLevel: 9 })
      .timeout({ seconds: 10 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch {
    throw invalid(
      `The SVG could not be drawn as a ${MAX_EDGE}×${MAX_EDGE} px image: simplify it, or give it a width, height and viewBox of ordinary proportions.`,
    );
  }
}

function invalid(message: string): AppError {
  return new AppError('validation_failed', message, { fields: [{ field: 'file', message }] });
}

/**
 * Checks an uploaded image and normalises it: the bytes must be the type the client said
 * (magic numbers, not the file name), at most 5 MB; PNG and JPEG are decoded, stripped of
 * metadata and scaled to fit 1024 px; SVG is rasterised to a PNG (see `rasteriseSvg`), so
 * what Cairn stores and serves is never SVG.
 */
export async function normaliseImage(input: {
  bytes: Buffer;
  mimetype: string;
  filename: string;
}): Promise<NormalisedImage> {
  if (input.bytes.length === 0) throw invalid('The file is empty.');
  if (input.bytes.length > MAX_IMAGE_BYTES)
    throw new AppError('payload_too_large', `The image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  const declared = declaredImageType(input.mimetype, input.filename);
  if (!declared)
    throw new AppError(
      'unsupported_media_type',
      `"${input.mimetype || input.filename}" is not accepted: upload a PNG, JPEG or SVG image.`,
    );
  const actual = sniffImageType(input.bytes);
  if (actual !== declared) {
    throw invalid(
      `The file says it is ${names[declared]} but its content is ${actual ? names[actual] : 'not a PNG, JPEG or SVG image'}. Upload the image itself, with its real type.`,
    );
  }
  if (actual === 'image/svg+xml') return { mediaType: 'image/png', ...(await rasteriseSvg(input.bytes)) };
  const sharp = await loadSharp();
  try {
    const image = sharp(input.bytes, { limitInputPixels: 40_000_000, failOn: 'error' }).rotate();
    const meta = await image.metadata();
    const width = meta.autoOrient?.width ?? meta.width ?? 0;
    const height = meta.autoOrient?.height ?? meta.height ?? 0;
    if (width < MIN_EDGE || height < MIN_EDGE)
      throw invalid(`The image is ${width}×${height} pixels; use at least ${MIN_EDGE}×${MIN_EDGE}.`);
    const resized = image.resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true });
    const out =
      actual === 'image/png' ? resized.png({ compressionLevel: 9 }) : resized.jpeg({ quality: 85, mozjpeg: true });
    const { data, info } = await out.toBuffer({ resolveWithObject: true });
    return { mediaType: actual, bytes: data, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(`The ${names[actual]} image could not be decoded: it is damaged or not really an image.`);
  }
}
