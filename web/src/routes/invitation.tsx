import { Alert, Button, Container, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconMailOpened } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import { client, data, errorMessage, isApiError } from '../api/client';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { loginPathFor } from '../features/auth/next-path';
import { useRefreshSession, useSession } from '../features/auth/use-session';
import { rememberCurrentOrg } from '../features/orgs/current-org';
import { memberRoleLabel } from '../features/orgs/roles';

export default function InvitationPage() {
  usePageTitle('Invitation');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const refreshSession = useRefreshSession();
  const { session, isPending: isSessionPending } = useSession();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => data(client.GET('/api/v1/invitations/{token}', { params: { path: { token } }, signal })),
  });
  const accept = useMutation({
    mutationFn: () =>
      data(client.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } }, body: {} })),

    onSuccess: async (membership) => {
      rememberCurrentOrg(membership.org.slug);
      await refreshSession();
      await navigate(`/o/${membership.org.slug}`);
    },
  });

  const here = `/invitations/${token}`;

  let body;
  if (invitation.isPending || isSessionPending) {
    body = <PageLoader label="Loading the invitation" />;
  } else if (invitation.isError) {
    const status = isApiError(invitation.error) ? invitation.error.status : 0;
    body =
      status === 404 || status === 410 ? (
        <Alert
          color="orange"
          icon={<IconAlertCircle aria-hidden />}
          title={status === 410 ? 'This invitation has expired' : 'This invitation is not valid'}
          role="alert"
        >
          <Text size="sm">
            {status === 410
              ? 'Ask the person who invited you to send a new invitation.'
              : 'It may have been used already or withdrawn. Ask the person who invited you for a new one.'}
          </Text>
        </Alert>
      ) : (
        <ErrorState error={invitation.error} onRetry={() => void invitation.refetch()} />
      );
  } else {
    const inv = invitation.data;
    const isOtherEmail = session && session.user.email.toLowerCase() !== inv.email.toLowerCase();
    body = (
      <Stack gap="lg">
        <Stack gap={4} align="center" ta="center">
          <ThemeIcon size={56} radius="xl" variant="light" aria-hidden>
            <IconMailOpened size={30} />
          </ThemeIcon>
          <Title order={1} fz={26}>
            Join {inv.orgName} on Cairn
          </Title>
          <Text c="dimmed">
            You are invited as <strong>{memberRoleLabel(inv.role)}</strong>. The invitation is for{' '}
            <strong>{inv.email}</strong> and expires {dayjs(inv.expiresAt).format('D MMMM YYYY')}.
          </Text>
        </Stack>
        {accept.isError ? (
          <Alert
            color="red"
            icon={<IconAlertCircle aria-hidden />}
            title="Could not accept the invitation"
            role="alert"
          >
            {errorMessage(accept.error)}
          </Alert>
        ) : null}
        {session ? (
          <Stack gap="sm">
            {isOtherEmail ? (
              <Alert color="yellow" icon={<IconAlertCircle aria-hidden />} role="status">
                You are logged in as {session.user.email}, but this invitation was sent to {inv.email}. Log in with that
                address to accept it.
              </Alert>
            ) : null}
            <Button size="md" onClick={() => accept.mutate()} loading={accept.isPending}>
              Accept and join {inv.orgName}
            </Button>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Text ta="center" size="sm">
              Sign up or log in as {inv.email} to accept. You will come back here afterwards.
            </Text>
            <Group grow>
              <Button
                component={Link}
                to={`${loginPathFor(here, 'signup')}&email=${encodeURIComponent(inv.email)}`}
                size="md"
              >
                Sign up
              </Button>
              <Button component={Link} to={loginPathFor(here)} size="md" variant="default">
                Log in
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    );
  }

  return (
    <Container size={520} py={{ base: 32, sm: 64 }}>
      <Paper withBorder shadow="xs" p={{ base: 'lg', sm: 'xl' }}>
        {body}
      </Paper>
    </Container>
  );
}
