import { Anchor } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from '../components/auth-card';
import { FullScreenLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { fetchSession, sessionKey } from '../features/auth/auth-api';
import { safeNextPath } from '../features/auth/next-path';
import { SignupForm } from '../features/auth/signup-form';
import { useSession } from '../features/auth/use-session';

export default function SignupPage() {
  usePageTitle('Sign up');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { session, isPending } = useSession();
  const next = safeNextPath(params.get('next'), '/welcome');
  const nextQuery = params.get('next') ? `?next=${encodeURIComponent(next)}` : '';

  if (isPending) return <FullScreenLoader />;
  if (session) return <Navigate to={next === '/welcome' ? '/home' : next} replace />;

  const onSignedUp = async () => {
    // Read the new session before leaving, so the guarded page finds it at once.
    queryClient.setQueryData(sessionKey, await fetchSession());
    await navigate(next, { replace: true });
  };

  return (
    <AuthCard
      title="Create your Cairn account"
      subtitle="Learn, issue or verify micro-credentials. It takes a minute."
      footer={
        <>
          Already have an account?{' '}
          <Anchor component={Link} to={`/login${nextQuery}`}>
            Log in
          </Anchor>
        </>
      }
    >
      <SignupForm initialEmail={params.get('email') ?? ''} onSignedUp={onSignedUp} />
    </AuthCard>
  );
}
