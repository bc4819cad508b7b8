import { Anchor } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from '../components/auth-card';
import { FullScreenLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { fetchSession, sessionKey } from '../features/auth/auth-api';
import { LoginForm } from '../features/auth/login-form';
import { safeNextPath } from '../features/auth/next-path';
import { useSession } from '../features/auth/use-session';
import { homePathFor } from '../features/orgs/current-org';

export default function LoginPage() {
  usePageTitle('Log in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { session, isPending } = useSession();
  const requested = params.get('next');
  const nextQuery = requested ? `?next=${encodeURIComponent(safeNextPath(requested))}` : '';

  if (isPending) return <FullScreenLoader />;
  if (session) return <Navigate to={safeNextPath(requested, homePathFor(session.memberships))} replace />;

  const onLoggedIn = async () => {
    const fresh = await fetchSession();
    queryClient.setQueryData(sessionKey, fresh);
    await navigate(safeNextPath(requested, homePathFor(fresh?.memberships ?? [])), { replace: true });
  };

  return (
    <AuthCard
      title="Welcome back"
      subtitle="Log in to continue on your trail."
      footer={
        <>
          New to Cairn?{' '}
          <Anchor component={Link} to={`/signup${nextQuery}`}>
            Create an account
          </Anchor>
        </>
      }
    >
      <LoginForm onLoggedIn={onLoggedIn} />
    </AuthCard>
  );
}
