import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './api/query-client';
import { createRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        {/* Notifications are rendered here rather than in a portal so the live region holds them. */}
        <div aria-live="polite" aria-atomic="false">
          <Notifications position="top-right" withinPortal={false} zIndex={1000} />
        </div>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
