import { createTheme, DEFAULT_THEME, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** Slate-teal: calm and steady, the colour of wet stone (shades 7-9 deep enough for AA text, see below). */
const cairn: MantineColorsTuple = [
  '#eef6f6',
  '#dcebec',
  '#b6d4d6',
  '#8dbdc0',
  '#6aa9ad',
  '#539ca0',
  '#459599',
  '#2b686c',
  '#205b5f',
  '#0e4f58',
];

/** Ember: a warm accent for highlights and the top stone of the mark. */
const ember: MantineColorsTuple = [
  '#fff3ec',
  '#fde4d6',
  '#f6c7ab',
  '#f0a77c',
  '#eb8c55',
  '#e87b3c',
  '#e7722f',
  '#9a481a',
  '#883e15',
  '#77340f',
];

/**
 * In the light scheme Mantine draws with shade 7 of every colour: filled backgrounds under white
 * text, light-variant text on its own 10% tint, and `c="red"` text. Its stock shades 7 reach only
 * 2.1:1 (yellow) to 4.6:1 (pink) against white, so shades 7-9 are deepened (same hue) until white
 * on shade 7 is at least 6.3:1: then shade 7 keeps 4.5:1 on its tint laid over the grey page or a
 * coloured alert. Shades 0-6 (tints, borders, icons) are Mantine's. theme.test.ts holds the line.
 */
function deepened(colors: MantineColorsTuple, deep: [string, string, string]): MantineColorsTuple {
  return [colors[0], colors[1], colors[2], colors[3], colors[4], colors[5], colors[6], ...deep];
}

function deepenedGrey6(colors: MantineColorsTuple, grey6: string): MantineColorsTuple {
  return [colors[0], colors[1], colors[2], colors[3], colors[4], colors[5], grey6, colors[7], colors[8], colors[9]];
}

const accessibleColors = {
  // Grey 6 is Mantine's secondary text (dimmed, notification descriptions, slider marks, switch
  // labels): its #868e96 is 3.3:1 on white; this one is 6.1:1 (5.1:1 on a tinted alert).
  gray: deepenedGrey6(DEFAULT_THEME.colors.gray, '#5c636a'),
  red: deepened(DEFAULT_THEME.colors.red, ['#b90e0e', '#a51919', '#8a1d1d']),
  pink: deepened(DEFAULT_THEME.colors.pink, ['#ac2353', '#9f1e4b', '#891940']),
  grape: deepened(DEFAULT_THEME.colors.grape, ['#9531ae', '#812d96', '#6f2681']),
  violet: deepened(DEFAULT_THEME.colors.violet, ['#663be6', '#572dd5', '#4d31a1']),
  indigo: deepened(DEFAULT_THEME.colors.indigo, ['#274de8', '#2445c7', '#2b3e9d']),
  blue: deepened(DEFAULT_THEME.colors.blue, ['#1662a6', '#135592', '#12497d']),
  cyan: deepened(DEFAULT_THEME.colors.cyan, ['#0b6978', '#085c6a', '#084e5c']),
  teal: deepened(DEFAULT_THEME.colors.teal, ['#086d4f', '#065f44', '#05523b']),
  green: deepened(DEFAULT_THEME.colors.green, ['#226d2f', '#1d6029', '#1a5225']),
  lime: deepened(DEFAULT_THEME.colors.lime, ['#436a0d', '#395d08', '#315007']),
  yellow: deepened(DEFAULT_THEME.colors.yellow, ['#855600', '#7a4700', '#6f3900']),
  orange: deepened(DEFAULT_THEME.colors.orange, ['#a14305', '#903707', '#802b09']),
};

const fontStack =
  'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'cairn',
  primaryShade: { light: 7, dark: 5 },
  colors: { ...accessibleColors, cairn, ember },
  fontFamily: fontStack,
  headings: {
    fontFamily: fontStack,
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '2rem', lineHeight: '1.25' },
      h2: { fontSize: '1.5rem', lineHeight: '1.3' },
      h3: { fontSize: '1.2rem', lineHeight: '1.35' },
    },
  },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Alert: { defaultProps: { radius: 'md', closeButtonLabel: 'Dismiss' } },
    // A link in running text must not be told apart by colour alone (WCAG 1.4.1): underline it.
    Anchor: { defaultProps: { underline: 'always' } },
    // Mantine's close buttons have no name of their own: give every one a name a person can say.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } },
    // Mantine fades an active link's description to 90%, just under AA on the active tint.
    NavLink: { styles: { description: { opacity: 1 } } },
  },
});

/**
 * Light-scheme text Mantine draws in a shade too pale for AA: placeholders in grey 5 (#adb5bd,
 * 2.1:1 on white) and field errors in red 6 (3.3:1). Secondary text is grey 6, deepened above.
 */
export const LIGHT_TEXT = { placeholder: '#6b7178', error: accessibleColors.red[7] } as const;

/**
 * Passed to MantineProvider: placeholders (4.9:1 on a white input) and field errors (6.7:1) meet
 * WCAG AA. The app has no dark scheme (MantineProvider fixes it to light): Mantine's dark values stay.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-placeholder': LIGHT_TEXT.placeholder, '--mantine-color-error': LIGHT_TEXT.error },
  dark: {},
});
