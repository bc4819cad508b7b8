import { Paper, Stack, Text, Title } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import { ListContent } from '../components/list-page';
import { PageHeader } from '../components/page-header';
import { usePageTitle } from '../components/use-page-title';
import { useRefreshSession, useSession } from '../features/auth/use-session';
import { InviteCsv } from '../features/members/invite-csv';
import { InviteForm } from '../features/members/invite-form';
import { useMembers } from '../features/members/members-api';
import { MembersTable } from '../features/members/members-table';
import { PendingInvitations } from '../features/members/pending-invitations';
import { useOrg } from '../features/orgs/orgs-api';
import { isAdminRole } from '../features/orgs/roles';

export default function MembersPage() {
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const refreshSession = useRefreshSession();
  const { data: org } = useOrg(slug);
  const { session } = useSession();
  const members = useMembers(slug);
  usePageTitle(org ? `Members of ${org.name}` : 'Members');
  if (!org || !session) return null;
  const canManage = isAdminRole(org.myRole);

  const onLeft = async () => {
    await refreshSession();
    await navigate('/home');
  };

  return (
    <Stack gap="xl">
      <PageHeader
        title="Members"
        description={
          <Text c="dimmed">
            People who work in {org.name} on Cairn.{' '}
            {canManage
              ? 'Invite colleagues and choose what each can do.'
              : 'Only admins can invite people or change roles.'}
          </Text>
        }
      />

      {canManage ? (
        <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="invite-heading">
          <Stack gap="sm">
            <Title order={2} fz="lg" id="invite-heading">
              Invite someone
            </Title>
            <InviteForm slug={slug} myRole={org.myRole} />
          </Stack>
        </Paper>
      ) : null}

      {canManage ? (
        <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="invite-csv-heading">
          <Stack gap="sm">
            <Title order={2} fz="lg" id="invite-csv-heading">
              Invite many people from a CSV
            </Title>
            <InviteCsv slug={slug} />
          </Stack>
        </Paper>
      ) : null}

      <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="members-heading">
        <Stack gap="sm">
          <Title order={2} fz="lg" id="members-heading">
            Current members
          </Title>
          <ListContent
            query={members}
            loadingLabel="Loading members"
            empty={{
              icon: <IconUsers size={26} />,
              title: 'No members yet',
              description: 'Invite your colleagues with the form above.',
            }}
          >
            {(rows) => (
              <MembersTable
                slug={slug}
                orgName={org.name}
                members={rows}
                myRole={org.myRole}
                myUserId={session.user.id}
                canManage={canManage}
                labelledBy="members-heading"
                onLeft={() => void onLeft()}
              />
            )}
          </ListContent>
        </Stack>
      </Paper>

      {canManage ? (
        <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="invitations-heading">
          <Stack gap="sm">
            <Title order={2} fz="lg" id="invitations-heading">
              Pending invitations
            </Title>
            <PendingInvitations slug={slug} />
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
