import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** Slate-teal: calm and steady, the colour of wet stone. */
const cairn: MantineColorsTuple = [
  '#eef6f6', '#dcebec', '#b6d4d6', '#8dbdc0', '#6aa9ad', '#539ca0', '#459599', '#357f84', '#287176', '#11606a',
];

/** Ember: a warm accent for highlights and the top stone of the mark. */
const ember: MantineColorsTuple = [
  '#fff3ec', '#fde4d6', '#f6c7ab', '#f0a77c', '#eb8c55', '#e87b3c', '#e7722f', '#cd6022', '#b7541c', '#a04614',
];

const fontStack =
  'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'cairn',
  primaryShade: { light: 7, dark: 5 },
  colors: { cairn, ember },
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
    Alert: { defaultProps: { radius: 'md' } },
  },
});
