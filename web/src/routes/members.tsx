import { Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import { ListContent } from '../components/list-page';
import { PageHeader } from '../components/page-header';
import { Section } from '../components/section';
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
        <Section frame="paper" title="Invite someone" titleId="invite-heading">
          <InviteForm slug={slug} myRole={org.myRole} />
        </Section>
      ) : null}

      {canManage ? (
        <Section frame="paper" title="Invite many people from a CSV" titleId="invite-csv-heading">
          <InviteCsv slug={slug} />
        </Section>
      ) : null}

      <Section frame="paper" title="Current members" titleId="members-heading">
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
      </Section>

      {canManage ? (
        <Section frame="paper" title="Pending invitations" titleId="invitations-heading">
          <PendingInvitations slug={slug} />
        </Section>
      ) : null}
    </Stack>
  );
}
