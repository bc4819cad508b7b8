import { Navigate } from 'react-router';
import { FullScreenLoader } from '../components/page-states';
import { useSession } from '../features/auth/use-session';
import { homePathFor } from '../features/orgs/current-org';

/** `/home`: the signed-in person's starting page (last organisation, learner space or welcome). */
export default function HomeRedirect() {
  const { session } = useSession();
  if (!session) return <FullScreenLoader />;
  return <Navigate to={homePathFor(session.memberships)} replace />;
}
