import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, Outlet, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { ErrorState, PageLoader } from '../components/page-states';
import { rememberCurrentOrg } from '../features/orgs/current-org';
import { useOrg } from '../features/orgs/orgs-api';

/** `/o/:slug/*`: loads the organisation once for every page under it and remembers the choice. */
export default function OrgLayout() {
  const { slug = '' } = useParams();
  const org = useOrg(slug);

  useEffect(() => {
    if (org.isSuccess) rememberCurrentOrg(slug);
  }, [org.isSuccess, slug]);

  if (org.isPending) return <PageLoader label="Loading the organisation" />;
  if (org.isError) {
    if (isApiError(org.error) && (org.error.status === 404 || org.error.status === 403)) {
      return (
        <Alert color="orange" icon={<IconLock aria-hidden />} title="Organisation not found" role="alert" maw={640}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              There is no organisation at /o/{slug}, or you are not one of its members. Ask an admin to invite you.
            </Text>
            <Button component={Link} to="/home" size="xs" variant="white">
              Go to my home
            </Button>
          </Stack>
        </Alert>
      );
    }
    return <ErrorState error={org.error} onRetry={() => void org.refetch()} />;
  }
  return <Outlet />;
}
