import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';

type Rgb = [number, number, number];

// The Cairn palette: slate-teal stones on a light disc, with a warm top stone.
const palettes: { ring: Rgb; disc: Rgb; stones: [Rgb, Rgb, Rgb] }[] = [
  {
    ring: [38, 112, 118],
    disc: [236, 245, 245],
    stones: [
      [38, 112, 118],
      [84, 158, 162],
      [232, 125, 62],
    ],
  },
  {
    ring: [52, 78, 120],
    disc: [238, 242, 250],
    stones: [
      [52, 78, 120],
      [96, 128, 176],
      [232, 125, 62],
    ],
  },
  {
    ring: [86, 104, 60],
    disc: [243, 246, 236],
    stones: [
      [86, 104, 60],
      [134, 156, 96],
      [224, 150, 58],
    ],
  },
  {
    ring: [118, 72, 96],
    disc: [248, 239, 244],
    stones: [
      [118, 72, 96],
      [162, 112, 140],
      [232, 125, 62],
    ],
  },
];

/** Coverage of a pixel by a shape, sampled 4×4, so edges are smooth without a graphics library. */
function coverage(inside: (x: number, y: number) => boolean, px: number, py: number): number {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(px + (i + 0.5) / 4, py + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

/**
 * Draws a badge image (PNG, `size`×`size`): a ringed disc with three stacked stones, coloured
 * by a seed (the achievement id), so each programme's badge is recognisable and stable.
 */
export function renderBadgePng({ seed, size = 400 }: { seed: string; size?: number }): Buffer {
  const digest = createHash('sha256').update(seed).digest();
  const palette = palettes[digest[0]! % palettes.length]!;
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  const r = size * 0.48;
  const jitter = (k: number) => (digest[k]! / 255 - 0.5) * size * 0.03;
  const stones = [
    { cx: c + jitter(1), cy: c + size * 0.17, rx: size * 0.26, ry: size * 0.1 },
    { cx: c + jitter(2), cy: c - size * 0.01, rx: size * 0.19, ry: size * 0.085 },
    { cx: c + jitter(3), cy: c - size * 0.16, rx: size * 0.12, ry: size * 0.07 },
  ];
  const layers: { colour: Rgb; inside: (x: number, y: number) => boolean }[] = [
    { colour: palette.ring, inside: (x, y) => (x - c) ** 2 + (y - c) ** 2 <= r * r },
    { colour: palette.disc, inside: (x, y) => (x - c) ** 2 + (y - c) ** 2 <= (r * 0.9) ** 2 },
    ...stones.map((s, i) => ({
      colour: palette.stones[i]!,
      inside: (x: number, y: number) => ((x - s.cx) / s.rx) ** 2 + ((y - s.cy) / s.ry) ** 2 <= 1,
    })),
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Composite the layers in premultiplied colour, then store straight alpha.
      let [rr, gg, bb, aa] = [0, 0, 0, 0];
      for (const layer of layers) {
        const a = coverage(layer.inside, x, y);
        if (a === 0) continue;
        rr = rr * (1 - a) + layer.colour[0] * a;
        gg = gg * (1 - a) + layer.colour[1] * a;
        bb = bb * (1 - a) + layer.colour[2] * a;
        aa = aa * (1 - a) + a;
      }
      const o = (y * size + x) * 4;
      png.data[o] = aa > 0 ? Math.round(rr / aa) : 0;
      png.data[o + 1] = aa > 0 ? Math.round(gg / aa) : 0;
      png.data[o + 2] = aa > 0 ? Math.round(bb / aa) : 0;
      png.data[o + 3] = Math.round(aa * 255);
    }
  }
  return PNG.sync.write(png);
}
