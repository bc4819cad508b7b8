import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { useState, type ReactElement, type ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { theme } from '../theme';

/**
 * The app's theme, honouring the reduced motion the test browser asks for (see setup.ts): Mantine's
 * transitions finish at once, so no test waits on an animation or leaves its timer behind.
 */
export const testTheme = mergeThemeOverrides(theme, { respectReducedMotion: true });

/** Mantine with the test theme, and a fresh query client that does not retry. */
export function TestProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }),
  );
  return (
    <MantineProvider theme={testTheme} withCssVariables={false} withGlobalClasses={false}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}

/** Renders a component with the app's providers around it. */
export function renderWithProviders(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  return render(
    <TestProviders>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </TestProviders>,
  );
}

/** A fetch Response carrying a problem+json body. */
export function problemResponse(status: number, problem: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ status, ...problem }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}
