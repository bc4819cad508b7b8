import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import {
  IconAward,
  IconBook2,
  IconCertificate,
  IconChecklist,
  IconFingerprint,
  IconHeartHandshake,
  IconRoute,
  IconUserPlus,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useParams } from 'react-router';
import type { OrgRole } from '../api/types';
import { EmptyState } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { ProviderDashboard } from '../features/dashboard/provider-dashboard';
import { NextSteps, type NextStep } from '../features/home/next-steps';
import { useOrg } from '../features/orgs/orgs-api';
import { memberRoleLabel, orgRoleLabel } from '../features/orgs/roles';

function stepsFor(role: OrgRole, slug: string): { title: string; steps: NextStep[] } {
  const members = `/o/${slug}/members`;
  switch (role) {
    case 'provider':
      return {
        title: 'As a training provider',
        steps: [
          {
            icon: <IconBook2 size={22} />,
            title: 'Author a micro-credential',
            text: 'Modules, outcomes, skills and assessment, published in the catalogue as a signed Open Badges achievement.',
            to: `/o/${slug}/programmes`,
            action: 'Your programmes',
          },
          {
            icon: <IconRoute size={22} />,
            title: 'Build a pathway',
            text: 'Stack micro-credentials (yours, other providers’ or from elsewhere) into a qualification awarded with a record of the whole stack.',
            to: `/o/${slug}/pathways`,
            action: 'Your pathways',
          },
          {
            icon: <IconCertificate size={22} />,
            title: 'Issue a credential',
            text: 'Award a signed Open Badges 3.0 credential to a learner now: they get a link to share, anyone can verify it.',
            to: `/o/${slug}/credentials/new`,
            action: 'Issue a credential',
          },
          {
            icon: <IconFingerprint size={22} />,
            title: 'Signing keys',
            text: 'Your organisation’s DID and the keys that sign its credentials; rotate them without breaking old ones.',
            to: `/o/${slug}/settings/keys`,
            action: 'See signing keys',
          },
          {
            icon: <IconUserPlus size={22} />,
            title: 'Invite your team',
            text: 'Authors write programmes, assessors review evidence, admins manage the organisation.',
            to: members,
            action: 'Invite people',
          },
        ],
      };
    case 'employer':
      return {
        title: 'As an employer',
        steps: [
          {
            icon: <IconChecklist size={22} />,
            title: 'Define a role profile',
            text: 'List the skills a role needs, then see gaps from verified credentials rather than self-declared skills.',
          },
          {
            icon: <IconUsersGroup size={22} />,
            title: 'Invite managers',
            text: 'Managers follow their team’s progress and assign training.',
            to: members,
            action: 'Invite managers',
          },
        ],
      };
    case 'accreditor':
      return {
        title: 'As an accrediting body',
        steps: [
          {
            icon: <IconAward size={22} />,
            title: 'Review applications',
            text: 'Providers apply for accreditation of themselves or a programme; what you grant is a verifiable credential.',
          },
        ],
      };
    case 'partner':
      return {
        title: 'As an industry partner',
        steps: [
          {
            icon: <IconHeartHandshake size={22} />,
            title: 'Endorse a programme',
            text: 'Co-develop programmes with providers and endorse them with a signed endorsement shown in the catalogue.',
          },
        ],
      };
  }
}

export default function OrgHomePage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  usePageTitle(org?.name ?? 'Organisation');
  if (!org) return null;
  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <Title order={1}>{org.name}</Title>
        <Group gap="xs">
          {org.roles.map((role) => (
            <Badge key={role} variant="light">
              {orgRoleLabel(role)}
            </Badge>
          ))}
          <Text size="sm" c="dimmed">
            You are {memberRoleLabel(org.myRole).toLowerCase()}.
          </Text>
        </Group>
        <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
          Signing identity: {org.did}
        </Text>
      </Stack>
      {org.roles.length === 0 ? (
        <EmptyState icon={<IconUsersGroup size={26} />} title="No role chosen yet" action={null}>
          An organisation acts on Cairn as a provider, employer, accrediting body or industry partner. Ask an owner to
          choose its roles; meanwhile you can invite your team from the Members page.
        </EmptyState>
      ) : null}
      {org.roles.includes('provider') ? <ProviderDashboard slug={slug} /> : null}
      {org.roles.map((role) => {
        const { title, steps } = stepsFor(role, slug);
        return <NextSteps key={role} title={title} steps={steps} />;
      })}
    </Stack>
  );
}
