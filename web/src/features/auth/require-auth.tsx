import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Container } from '@mantine/core';
import { ErrorState, FullScreenLoader } from '../../components/page-states';
import { loginPathFor } from './next-path';
import { useSession } from './use-session';

/** Renders its children only for a signed-in person; others go to `/login?next=<here>`. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session, isPending, error, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <FullScreenLoader label="Checking your session" />;
  if (error) {
    return (
      <Container size="sm" py="xl">
        <ErrorState error={error} title="Cairn could not check your session" onRetry={() => void refetch()} />
      </Container>
    );
  }
  if (!session) {
    return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  }
  return children;
}
