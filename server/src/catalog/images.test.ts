import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.js';
import { normaliseImage } from './images.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The chunk types of a PNG, in order (the structure a browser reads; text chunks would show here). */
function pngChunkTypes(png: Buffer): string[] {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const types: string[] = [];
  let at = 8;
  while (at + 8 <= png.length) {
    const length = png.readUInt32BE(at);
    types.push(png.subarray(at + 4, at + 8).toString('latin1'));
    at += 12 + length;
  }
  expect(at).toBe(png.length);
  return types;
}

/** Asserts the stored bytes are a plain PNG: pixel data only, nothing a browser could run or fetch. */
function expectInertPng(result: { mediaType: string; bytes: Buffer }) {
  expect(result.mediaType).toBe('image/png');
  const types = pngChunkTypes(result.bytes);
  expect(types[0]).toBe('IHDR');
  expect(types.at(-1)).toBe('IEND');
  // Pixels and how to display them only: no tEXt/iTXt/zTXt (where text could hide) or anything else.
  for (const type of types)
    expect(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND', 'pHYs', 'sRGB', 'gAMA', 'cHRM', 'bKGD']).toContain(type);
  const text = result.bytes.toString('latin1').toLowerCase();
  for (const word of ['<svg', 'script', 'javascript', 'alert', 'import', 'href']) expect(text).not.toContain(word);
}

const svgUpload = (svg: string) =>
  normaliseImage({ bytes: Buffer.from(svg), mimetype: 'image/svg+xml', filename: 'logo.svg' });
const wrap = (inner: string, attrs = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="200"${attrs}><rect width="200" height="200" fill="#2f6f4e"/>${inner}</svg>`;

/** Where a hostile SVG would send requests if anything fetched: counts every hit. */
let server: Server;
let origin: string;
let hits: string[] = [];
let dir: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end('body{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'cairn-svg-'));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('SVG uploads are rasterised to PNG', () => {
  it('keeps a normal logo: a PNG 1024 px on its longer edge, with the artwork drawn', async () => {
    const logo =
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150" viewBox="0 0 300 150"><rect width="300" height="150" fill="#ffffff"/><circle cx="150" cy="75" r="60" fill="#2f6f4e"/></svg>';
    const result = await svgUpload(logo);
    expectInertPng(result);
    expect({ width: result.width, height: result.height }).toEqual({ width: 1024, height: 512 });
    const { data, info } = await sharp(result.bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ];
    expect(pixel(512, 256)).toEqual([0x2f, 0x6f, 0x4e]);
    expect(pixel(10, 10)).toEqual([255, 255, 255]);
  });

  it('scales up a small icon with only a viewBox', async () => {
    const result = await svgUpload(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M2 2h20v20H2z" fill="#123456"/></svg>',
    );
    expectInertPng(result);
    expect(result.width).toBe(1024);
  });

  // The five payloads that passed the old regex sanitiser, then others an attacker would try.
  const hostile: [string, string][] = [
    [
      'entity-encoded javascript: in <set>',
      wrap(`<a id="x"><set attributeName="href" to="&#106;avascript:alert(1)"/><text x="20" y="40">click</text></a>`),
    ],
    [
      'entity-encoded javascript: in <animate>',
      wrap(
        `<a><animate attributeName="xlink:href" values="&#x6A;&#x61;vascript:alert(document.domain)" begin="0s"/><text y="40">go</text></a>`,
      ),
    ],
    [
      'entity-encoded url( in a style attribute',
      wrap(`<rect width="50" height="50" style="fill: u&#114;l(${origin}/fill.svg#p)"/>`),
    ],
    ['CSS-escaped url( in a stylesheet', wrap(`<style>rect { fill: \\75 rl(${origin}/escaped.svg#p) }</style>`)],
    ['CSS-escaped @import', wrap(`<style>@\\69mport url(${origin}/import.css);</style>`)],
    [
      'an external DOCTYPE',
      `<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "${origin}/svg.dtd">${wrap('<text y="40">hi</text>')}`,
    ],
    ['<script>', wrap('<script>alert(1)</script><script xlink:href="https://evil.example/x.js"/>')],
    ['an onload= handler', wrap('<circle cx="50" cy="50" r="40" fill="red" onload="alert(1)"/>', ' onload="alert(2)"')],
    [
      '<foreignObject> with HTML',
      wrap(
        '<foreignObject width="200" height="200"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="javascript:alert(1)"></iframe></body></foreignObject>',
      ),
    ],
    ['xlink:href="javascript:…"', wrap('<a xlink:href="javascript:alert(1)"><text y="40">click</text></a>')],
    [
      '<use href="data:…">',
      wrap(
        `<use href="data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" id="x"><script>alert(1)</script></svg>').toString('base64')}#x"/>`,
      ),
    ],
    [
      'an external <image href="http://…">',
      wrap(
        `<image href="${origin}/tracker.png" width="100" height="100"/><image xlink:href="${origin}/legacy.png" width="100" height="100"/>`,
      ),
    ],
    ['<use> of an external document', wrap(`<use href="${origin}/sprite.svg#icon"/>`)],
  ];

  for (const [name, svg] of hostile) {
    it(`stores ${name} as an inert PNG and fetches nothing`, async () => {
      hits = [];
      expectInertPng(await svgUpload(svg));
      expect(hits).toEqual([]);
    });
  }

  it('does not read local files named in the SVG', async () => {
    const red = join(dir, 'red.png');
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#ff0000' } })
      .png()
      .toFile(red);
    const result = await svgUpload(
      `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><image href="file://${red}" width="100" height="100"/></svg>`,
    );
    expectInertPng(result);
    const stats = await sharp(result.bytes).stats();
    // Nothing was drawn: the image is fully transparent, not red.
    expect(stats.channels[3]!.max).toBe(0);
  });

  it('refuses external and recursive entities rather than resolving them', async () => {
    const external = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/hostname"><!ENTITY y SYSTEM "${origin}/entity">]><svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><text y="20">&x;&y;</text></svg>`;
    hits = [];
    await expect(svgUpload(external)).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/could not be read/),
    });
    expect(hits).toEqual([]);
    const levels = [
      '<!ENTITY a "aaaaaaaaaa">',
      ...'bcdefgh'.split('').map((c, i) => `<!ENTITY ${c} "${`&${'abcdefg'[i]};`.repeat(10)}">`),
    ];
    const laughs = `<?xml version="1.0"?><!DOCTYPE svg [${levels.join('')}]><svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><text>&h;</text></svg>`;
    await expect(svgUpload(laughs)).rejects.toBeInstanceOf(AppError);
  });

  it('refuses an SVG too large to draw, with a message saying what to change', async () => {
    const huge =
      '<svg xmlns="http://www.w3.org/2000/svg" width="100000000" height="100000000"><rect width="10" height="10"/></svg>';
    await expect(svgUpload(huge)).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/could not be drawn/),
    });
  });
});
