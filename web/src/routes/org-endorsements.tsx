import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconRosette, IconUsersGroup } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../components/confirm-dialog';
import type { Column } from '../components/data-table';
import { ListContent } from '../components/list-page';
import { PageHeader } from '../components/page-header';
import { usePageTitle } from '../components/use-page-title';
import {
  CoDevelopmentDialog,
  InvitationStatus,
  InviteCoDeveloperModal,
} from '../features/endorsement/co-development-panel';
import { EndorseModal } from '../features/endorsement/endorse-modal';
import {
  type CoDevelopmentInvitation,
  type Endorsement,
  credentialPagePath,
  useCoDevelopment,
  useOrgEndorsements,
  useWithdrawEndorsement,
} from '../features/endorsement/endorsement-api';
import { useOrg } from '../features/orgs/orgs-api';
import { isAdminRole } from '../features/orgs/roles';
import { Section } from '../components/section';

const subjectName = (e: Endorsement) =>
  e.subject.type === 'programme'
    ? `${e.subject.title} (v${e.subject.versionNumber}) — ${e.subject.providerName}`
    : e.subject.name;

export default function OrgEndorsementsPage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  usePageTitle('Endorsements and co-development');
  const isPartner = org?.roles.includes('partner') ?? false;
  const isProvider = org?.roles.includes('provider') ?? false;
  const canSign = isAdminRole(org?.myRole);
  const endorsements = useOrgEndorsements(slug, isPartner);
  const invitations = useCoDevelopment(slug, Boolean(org));
  const withdraw = useWithdrawEndorsement(slug);
  const [isEndorsing, endorsing] = useDisclosure(false);
  const [isInviting, inviting] = useDisclosure(false);
  const [withdrawing, setWithdrawing] = useState<Endorsement | null>(null);
  const [openInvitation, setOpenInvitation] = useState<string | null>(null);
  if (!org) return null;

  const endorsementColumns: Column<Endorsement>[] = [
    {
      header: 'Endorsed',
      cell: (e) => (
        <Anchor component={Link} to={credentialPagePath(e.credentialId)}>
          {subjectName(e)}
        </Anchor>
      ),
    },
    { header: 'Since', visibleFrom: 'sm', cell: (e) => dayjs(e.validFrom).format('D MMM YYYY') },
    {
      header: 'Status',
      cell: (e) =>
        e.withdrawnAt ? (
          <Badge color="gray" variant="light">
            Withdrawn {dayjs(e.withdrawnAt).format('D MMM YYYY')}
          </Badge>
        ) : (
          <Badge color="teal" variant="light">
            In force
          </Badge>
        ),
    },
    {
      header: 'Actions',
      cell: (e) =>
        !e.withdrawnAt && canSign ? (
          <Button size="compact-sm" variant="default" color="red" onClick={() => setWithdrawing(e)}>
            Withdraw
          </Button>
        ) : null,
    },
  ];
  const invitationColumns: Column<CoDevelopmentInvitation>[] = [
    {
      header: 'Programme',
      cell: (i) => (
        <Anchor component="button" type="button" onClick={() => setOpenInvitation(i.id)}>
          {i.programme.slug}
        </Anchor>
      ),
    },
    {
      header: i18nOther(isProvider, isPartner),
      cell: (i) => (i.role === 'provider' ? i.partner.name : i.provider.name),
    },
    { header: 'Status', cell: (i) => <InvitationStatus status={i.status} /> },
    { header: 'Updated', visibleFrom: 'sm', cell: (i) => dayjs(i.updatedAt).format('D MMM YYYY') },
  ];

  return (
    <Stack gap="xl">
      <PageHeader
        title="Endorsements and co-development"
        description={
          isPartner
            ? `What ${org.name} endorses (each a signed credential) and the programmes it is invited to shape.`
            : `Industry partners you invited to co-develop ${org.name}’s programmes.`
        }
      />
      {isPartner ? (
        <Section
          title="Endorsements"
          titleId="endorsements-heading"
          actions={
            <Group>
              <Anchor component={Link} to={`/partners/${slug}`} size="sm">
                Public page
              </Anchor>
              {canSign ? (
                <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={endorsing.open}>
                  Endorse a programme
                </Button>
              ) : null}
            </Group>
          }
        >
          <ListContent
            query={endorsements}
            loadingLabel="Loading endorsements"
            empty={{
              icon: <IconRosette size={26} />,
              title: 'No endorsements yet',
              description:
                'Endorse a programme your industry stands behind: Cairn signs it with your key, and credentials issued from then on carry it.',
            }}
            table={{
              columns: endorsementColumns,
              rowKey: (e) => e.id,
              labelledBy: 'endorsements-heading',
              minWidth: 420,
            }}
          />
        </Section>
      ) : null}
      <Section
        title="Co-development"
        titleId="codev-heading"
        actions={
          isProvider ? (
            <Button variant="default" leftSection={<IconPlus size={18} aria-hidden />} onClick={inviting.open}>
              Invite a partner
            </Button>
          ) : null
        }
      >
        <ListContent
          query={invitations}
          loadingLabel="Loading invitations"
          empty={{
            icon: <IconUsersGroup size={26} />,
            title: 'No co-development yet',
            description: isProvider
              ? 'Invite an industry partner to read a draft, comment and approve it.'
              : 'Providers invite you to co-develop their programmes; invitations appear here.',
          }}
          table={{
            columns: invitationColumns,
            rowKey: (i) => i.id,
            labelledBy: 'codev-heading',
            minWidth: 420,
          }}
        />
      </Section>
      <Text size="xs" c="dimmed">
        Withdrawing an endorsement revokes its credential: credentials issued while it was in force keep it, and
        verifiers see when it was withdrawn.
      </Text>
      <EndorseModal slug={slug} opened={isEndorsing} onClose={endorsing.close} />
      <InviteCoDeveloperModal slug={slug} opened={isInviting} onClose={inviting.close} />
      <CoDevelopmentDialog slug={slug} id={openInvitation} onClose={() => setOpenInvitation(null)} />
      <ConfirmDialog
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title="Withdraw this endorsement?"
        confirmLabel="Withdraw"
        isPending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => {
          if (withdrawing)
            withdraw.mutate(
              { id: withdrawing.id, reason: 'Withdrawn by the partner' },
              { onSuccess: () => setWithdrawing(null) },
            );
        }}
      >
        {withdrawing ? `${org.name} will no longer endorse ${subjectName(withdrawing)}.` : ''}
      </ConfirmDialog>
    </Stack>
  );
}

function i18nOther(isProvider: boolean, isPartner: boolean) {
  return isProvider && !isPartner ? 'Partner' : isPartner && !isProvider ? 'Provider' : 'With';
}
