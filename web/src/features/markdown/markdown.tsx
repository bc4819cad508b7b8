import { Anchor, Blockquote, Code, List, Table, Text, Title, TypographyStylesProvider } from '@mantine/core';
import Markdown, { type Components } from 'react-markdown';

/**
 * Markdown written by authors, shown safely: raw HTML in the source is dropped (never rendered),
 * and react-markdown's URL check keeps `javascript:` and other unsafe links out. Headings start
 * below the page's own so the outline stays right.
 */
const components: Components = {
  h1: ({ children }) => <Title order={3}>{children}</Title>,
  h2: ({ children }) => <Title order={4}>{children}</Title>,
  h3: ({ children }) => <Title order={5}>{children}</Title>,
  h4: ({ children }) => <Title order={6}>{children}</Title>,
  h5: ({ children }) => <Title order={6}>{children}</Title>,
  h6: ({ children }) => <Title order={6}>{children}</Title>,
  p: ({ children }) => <Text mb="sm">{children}</Text>,
  a: ({ href, children }) => (
    <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </Anchor>
  ),
  ul: ({ children }) => <List mb="sm">{children}</List>,
  ol: ({ children }) => (
    <List type="ordered" mb="sm">
      {children}
    </List>
  ),
  li: ({ children }) => <List.Item>{children}</List.Item>,
  blockquote: ({ children }) => <Blockquote mb="sm">{children}</Blockquote>,
  code: ({ children }) => <Code>{children}</Code>,
  table: ({ children }) => <Table withTableBorder>{children}</Table>,
  // Images in author content could track readers and break layouts; link to them instead.
  img: ({ src, alt }) =>
    typeof src === 'string' ? (
      <Anchor href={src} target="_blank" rel="noopener noreferrer nofollow">
        {alt || 'Image'}
      </Anchor>
    ) : null,
};

export function MarkdownText({ children }: { children: string }) {
  return (
    <TypographyStylesProvider pl={0} style={{ overflowWrap: 'anywhere' }}>
      <Markdown skipHtml components={components}>
        {children}
      </Markdown>
    </TypographyStylesProvider>
  );
}
