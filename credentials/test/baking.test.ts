import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { bakePng, bakeSvg, BakingError, extractPng, extractSvg, verifyCredential } from '../src/index.js';
import { encodeItxt } from '../src/baking/png.js';
import { fixture, fixtureBytes, fixtureLoader, fixtureText } from './helpers.js';

function blankPng(): Uint8Array {
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(200);
  return new Uint8Array(PNG.sync.write(png));
}

/** Inserts a raw chunk before IEND (to build malformed inputs). */
function withChunk(png: Uint8Array, type: string, data: Uint8Array): Uint8Array {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc(body), 8 + data.length);
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}

function crc(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

describe('PNG baking', () => {
  it('extracts the 1EdTech baked PNG fixture, whose credential still verifies', async () => {
    const credential = extractPng(fixtureBytes('ob3-baked-json.png'));
    expect(typeof credential).toBe('object');
    expect((credential as { id: string }).id).toBe('http://example.com/credentials/3527');
    const result = await verifyCredential({ credential, documentLoader: fixtureLoader(credential) });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
  });

  it('round-trips JSON and JWT payloads, replacing an earlier credential', () => {
    const credential = fixture('ob3-simple-eddsa-rdfc-2022.json');
    const baked = bakePng(blankPng(), credential);
    expect(extractPng(baked)).toEqual(credential);
    const jwt = fixtureText('ob3-vc-jwt-rs256.jwt').trim();
    const rebaked = bakePng(baked, jwt);
    expect(extractPng(rebaked)).toBe(jwt);
    // Still a valid PNG image.
    expect(PNG.sync.read(Buffer.from(rebaked)).width).toBe(4);
  });

  it('writes one iTXt chunk, uncompressed, with empty language and translated keyword', () => {
    const baked = Buffer.from(bakePng(blankPng(), { a: 'é' }));
    const at = baked.indexOf('iTXtopenbadgecredential');
    expect(at).toBeGreaterThan(0);
    expect([...baked.subarray(at + 4 + 19, at + 4 + 24)]).toEqual([0, 0, 0, 0, 0]);
    expect(baked.indexOf('iTXtopenbadgecredential', at + 1)).toBe(-1);
  });

  it('rejects two credential chunks, a non-PNG, a corrupt chunk and oversize input', () => {
    const twice = withChunk(bakePng(blankPng(), { a: 1 }), 'iTXt', encodeItxt('openbadgecredential', '{"b":2}'));
    expect(() => extractPng(twice)).toThrow(/more than one baked credential/);
    expect(() => extractPng(new TextEncoder().encode('GIF89a...'))).toThrow(/Not a PNG/);
    const corrupt = Uint8Array.from(bakePng(blankPng(), { a: 1 }));
    corrupt[corrupt.length - 20] = (corrupt[corrupt.length - 20] ?? 0) ^ 0xff;
    expect(() => extractPng(corrupt)).toThrow(/corrupt|checksum/);
    expect(() => extractPng(blankPng().subarray(0, 40))).toThrow(BakingError);
    expect(() => extractPng(blankPng())).toThrow(/no baked credential/);
    expect(() => bakePng(blankPng(), { a: 1 }, { maxBytes: 50 })).toThrow(/limit is 50/);
    expect(() => bakePng(blankPng(), 'not a jwt')).toThrow(/neither JSON nor a compact JWT/);
  });
});

describe('SVG baking', () => {
  it('extracts the 1EdTech JSON and JWT SVG fixtures', () => {
    expect((extractSvg(fixtureText('ob3-baked-json.svg')) as { type: string[] }).type).toContain('OpenBadgeCredential');
    expect(extractSvg(fixtureText('ob3-baked-jwt.svg'))).toBe(fixtureText('ob3-vc-jwt-rs256.jwt').trim());
  });

  const svg =
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="4"/></svg>';

  it('bakes JSON in CDATA right after the svg tag, with the namespace declared', () => {
    const credential = { id: 'urn:x', note: 'contains ]]> and <tags>' };
    const baked = bakeSvg(svg, credential);
    expect(baked).toContain('xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"');
    expect(baked).toMatch(/<svg [^>]*><openbadges:credential><!\[CDATA\[/);
    expect(extractSvg(baked)).toEqual(credential);
  });

  it('bakes a JWT in the verify attribute and replaces an earlier credential', () => {
    const jwt = fixtureText('ob3-vc-jwt-rs256.jwt').trim();
    const baked = bakeSvg(bakeSvg(svg, { id: 'urn:old' }), jwt);
    expect(baked).toContain(`<openbadges:credential verify="${jwt}"/>`);
    expect(baked.match(/openbadges:credential/g)).toHaveLength(1);
    expect(baked.match(/xmlns:openbadges/g)).toHaveLength(1);
    expect(extractSvg(baked)).toBe(jwt);
  });

  it('rejects two credentials, non-SVG text and oversize input', () => {
    const twice = bakeSvg(svg, { id: 'a' }).replace('</svg>', '<openbadges:credential verify="a.b.c"/></svg>');
    expect(() => extractSvg(twice)).toThrow(/more than one/);
    expect(() => extractSvg('<html></html>')).toThrow(/Not an SVG/);
    expect(() => extractSvg(svg)).toThrow(/no baked credential/);
    expect(() => bakeSvg(svg, { id: 'a' }, { maxBytes: 10 })).toThrow(/limit is 10/);
  });
});
