import {
  assertSize,
  BakingError,
  DEFAULT_MAX_BYTES,
  parsePayload,
  payloadText,
  type BakedCredential,
  type SizeLimit,
} from './limits.js';

export const OPENBADGES_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';

const ELEMENT = /<openbadges:credential\b[^>]*?(?:\/>|>[\s\S]*?<\/openbadges:credential\s*>)/g;

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

/**
 * Bakes a credential into an SVG: declares the `openbadges` namespace on the root and puts one
 * `<openbadges:credential>` right after the `<svg>` tag (JSON in CDATA, or a JWT in `verify`).
 * Any earlier credential element is replaced.
 */
export function bakeSvg(
  svg: string,
  payload: BakedCredential,
  { maxBytes = DEFAULT_MAX_BYTES }: SizeLimit = {},
): string {
  if (typeof svg !== 'string') throw new BakingError('The SVG must be text');
  assertSize(Buffer.byteLength(svg), maxBytes);
  const { text, isJwt } = payloadText(payload);
  const cleaned = svg.replace(ELEMENT, '');
  const open = /<svg\b[^>]*>/.exec(cleaned);
  if (!open) throw new BakingError('Not an SVG image (no <svg> element)');
  let tag = open[0];
  if (tag.endsWith('/>')) throw new BakingError('The SVG root element is empty; nothing to bake into');
  if (!/\sxmlns:openbadges\s*=/.test(tag)) tag = `${tag.slice(0, -1)} xmlns:openbadges="${OPENBADGES_NAMESPACE}">`;
  // "]]>" cannot appear inside CDATA: split it across two sections.
  const element = isJwt
    ? `<openbadges:credential verify="${escapeAttribute(text)}"/>`
    : `<openbadges:credential><![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]></openbadges:credential>`;
  const out = cleaned.slice(0, open.index) + tag + element + cleaned.slice(open.index + open[0].length);
  assertSize(Buffer.byteLength(out), maxBytes, 'The baked image');
  return out;
}

/** The credential baked into an SVG: an object for JSON, a string for a JWT. Rejects two credentials. */
export function extractSvg(svg: string, { maxBytes = DEFAULT_MAX_BYTES }: SizeLimit = {}): BakedCredential {
  if (typeof svg !== 'string') throw new BakingError('The SVG must be text');
  assertSize(Buffer.byteLength(svg), maxBytes);
  if (!/<svg\b/.test(svg)) throw new BakingError('Not an SVG image (no <svg> element)');
  const found = svg.match(ELEMENT) ?? [];
  if (found.length === 0) throw new BakingError('The SVG has no baked credential');
  if (found.length > 1) throw new BakingError('The SVG has more than one baked credential');
  const element = found[0]!;
  const verify = /^<openbadges:credential\b[^>]*?\sverify\s*=\s*("([^"]*)"|'([^']*)')/.exec(element);
  if (verify) return parsePayload(unescapeXml(verify[2] ?? verify[3] ?? ''));
  const inner = element.replace(/^<openbadges:credential\b[^>]*>/, '').replace(/<\/openbadges:credential\s*>$/, '');
  const text = inner.includes('<![CDATA[')
    ? [...inner.matchAll(/<!\[CDATA\[([\s\S]*?)]]>/g)].map((m) => m[1]).join('')
    : unescapeXml(inner);
  if (text.trim() === '') throw new BakingError('The SVG credential element is empty');
  return parsePayload(text);
}
