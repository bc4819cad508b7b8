import { Container } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { openShareLink, profilePath } from '../features/showcase/showcase-api';

/** `/s/:token`: opens a share link (counting the view) and goes where it leads. */
export default function ShareLinkPage() {
  const { token = '' } = useParams();
  usePageTitle('Shared credentials');
  const opened = useQuery({
    queryKey: ['share-link', token],
    queryFn: () => openShareLink(token),
    retry: false,
    staleTime: Infinity,
  });
  if (opened.isPending) return <PageLoader label="Opening the link" />;
  if (opened.isError)
    return (
      <Container size="sm" py={48}>
        <ErrorState error={opened.error} title="This link does not open anything" />
      </Container>
    );
  const to =
    opened.data.kind === 'profile' && opened.data.handle
      ? `${profilePath(opened.data.handle)}?share=${encodeURIComponent(token)}`
      : `/credentials/${opened.data.credentialId ?? ''}`;
  return <Navigate to={to} replace />;
}
