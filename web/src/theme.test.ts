import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { LIGHT_TEXT, theme } from './theme';

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `fg` laid at `opacity` over `bg`, as Mantine's light variants (10% of shade 7) are. */
function over(fg: string, opacity: number, bg: string): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16);
  return `#${[1, 3, 5]
    .map((i) =>
      Math.round(channel(fg, i) * opacity + channel(bg, i) * (1 - opacity))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

const WHITE = '#ffffff';
const merged = mergeMantineTheme(DEFAULT_THEME, theme);
const GREY_PAGE = merged.colors.gray[0]; // the signed-in app's background
const AA = 4.5;

describe('theme colours meet WCAG AA contrast in the light scheme', () => {
  it('draws with shade 7, the shade the palettes below are checked at', () => {
    expect(merged.primaryShade).toMatchObject({ light: 7 });
  });

  describe.each(Object.keys(merged.colors))('%s', (name) => {
    const shades = merged.colors[name]!;
    const tint = over(shades[7], 0.1, GREY_PAGE);

    it('white text on a filled background (shade 7)', () => {
      expect(contrast(WHITE, shades[7])).toBeGreaterThanOrEqual(AA);
    });
    it('light-variant text (shade 7) on its own tint over the grey page', () => {
      expect(contrast(shades[7], tint)).toBeGreaterThanOrEqual(AA);
    });
    it('light-variant text on its tint inside a yellow alert (the strongest tint the app layers)', () => {
      const alert = over(merged.colors.yellow[7], 0.1, GREY_PAGE);
      expect(contrast(shades[7], over(shades[7], 0.1, alert))).toBeGreaterThanOrEqual(AA);
    });
    it('text in shades 8 and 9 on white', () => {
      expect(contrast(shades[8], WHITE)).toBeGreaterThanOrEqual(AA);
      expect(contrast(shades[9], WHITE)).toBeGreaterThanOrEqual(AA);
    });
  });

  it('secondary text (grey 6: dimmed, descriptions) on white, the grey page, grey 1 and every tint', () => {
    // `dark` is the dark scheme's own palette: its shade 0 is a text colour there, not a surface.
    const palettes = Object.entries(merged.colors)
      .filter(([name]) => name !== 'dark')
      .map(([, c]) => c);
    const surfaces = [
      WHITE,
      GREY_PAGE,
      merged.colors.gray[1],
      ...palettes.flatMap((c) => [c[0], over(c[7], 0.1, GREY_PAGE)]),
    ];
    const worst = Math.min(...surfaces.map((s) => contrast(merged.colors.gray[6], s)));
    expect(worst).toBeGreaterThanOrEqual(AA);
  });

  it('placeholders on a white input', () => {
    expect(contrast(LIGHT_TEXT.placeholder, WHITE)).toBeGreaterThanOrEqual(AA);
  });

  it('field errors on white and on a tinted requirement group', () => {
    expect(contrast(LIGHT_TEXT.error, WHITE)).toBeGreaterThanOrEqual(AA);
    expect(contrast(LIGHT_TEXT.error, merged.colors.cairn![0])).toBeGreaterThanOrEqual(AA);
  });
});
