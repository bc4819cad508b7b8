import { Anchor, Badge, Button, Group, Menu, Stack, Tabs, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCertificate, IconDots, IconFileCertificate, IconPencil, IconPlus, IconRefresh } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ListContent } from '../components/list-page';
import { PageHeader } from '../components/page-header';
import { usePageTitle } from '../components/use-page-title';
import {
  stateLabels,
  useApplications,
  useChangeAccreditationStatus,
  useGranted,
  useHeld,
  useSchemes,
  type Accreditation,
  type Scheme,
  type StatusChange,
} from '../features/accreditation/accreditation-api';
import { AccreditationStatusBadge } from '../features/accreditation/accreditation-status-badge';
import { ApplyModal, type Renewal } from '../features/accreditation/apply-modal';
import { SchemeFormModal } from '../features/accreditation/scheme-form-modal';
import { useOrg } from '../features/orgs/orgs-api';
import { isAdminRole } from '../features/orgs/roles';
import { AccreditedSubject } from '../features/accreditation/accredited-subject';

const day = (value: string | null) => (value ? dayjs(value).format('D MMM YYYY') : '—');

type PendingChange = { accreditation: Accreditation; action: StatusChange['action'] };

function GrantedTable({ slug, canManage }: { slug: string; canManage: boolean }) {
  const granted = useGranted(slug);
  const change = useChangeAccreditationStatus(slug);
  const [pending, setPending] = useState<PendingChange | null>(null);
  const [reason, setReason] = useState('');
  const confirm = () => {
    if (!pending) return;
    const body: StatusChange =
      pending.action === 'reinstate' ? { action: 'reinstate' } : { action: pending.action, reason: reason.trim() };
    change.mutate(
      { id: pending.accreditation.id, change: body },
      {
        onSuccess: (a) => {
          setPending(null);
          setReason('');
          notifications.show({
            title: 'Accreditation updated',
            message: `${a.subject.name}: ${a.status}. The provider has been mailed.`,
          });
        },
      },
    );
  };
  const verb = pending?.action === 'withdraw' ? 'Withdraw' : pending?.action === 'suspend' ? 'Suspend' : 'Reinstate';
  return (
    <>
      <ListContent
        query={granted}
        loadingLabel="Loading accreditations"
        empty={{
          icon: <IconCertificate size={28} aria-hidden />,
          title: 'Nothing granted yet',
          description: 'Decisions on applications appear here.',
        }}
        table={{
          rowKey: (r) => r.id,
          minWidth: 760,
          labelledBy: 'granted-title',
          columns: [
            {
              header: 'Subject',
              isRowHeader: true,
              cell: (r) => <AccreditedSubject subject={r.subject} />,
            },
            { header: 'Scheme', cell: (r) => r.scheme.name },
            { header: 'Status', cell: (r) => <AccreditationStatusBadge status={r.status} /> },
            { header: 'Valid until', cell: (r) => day(r.validUntil), visibleFrom: 'sm' },
            {
              header: 'Code',
              cell: (r) => (
                <Text ff="monospace" size="sm">
                  {r.verificationCode}
                </Text>
              ),
              visibleFrom: 'md',
            },
            {
              header: <VisuallyHidden>Actions</VisuallyHidden>,
              width: 60,
              cell: (r) =>
                canManage && ['accredited', 'candidate', 'suspended'].includes(r.status) ? (
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button variant="subtle" size="compact-sm" aria-label={`Change the status of ${r.subject.name}`}>
                        <IconDots size={18} aria-hidden />
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {r.status === 'suspended' ? (
                        <Menu.Item onClick={() => setPending({ accreditation: r, action: 'reinstate' })}>
                          Reinstate
                        </Menu.Item>
                      ) : (
                        <Menu.Item onClick={() => setPending({ accreditation: r, action: 'suspend' })}>
                          Suspend
                        </Menu.Item>
                      )}
                      <Menu.Item color="red" onClick={() => setPending({ accreditation: r, action: 'withdraw' })}>
                        Withdraw
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                ) : null,
            },
          ],
        }}
      />
      <ConfirmDialog
        opened={pending !== null}
        title={`${verb} the accreditation of ${pending?.accreditation.subject.name ?? ''}`}
        confirmLabel={verb}
        color={pending?.action === 'reinstate' ? 'teal' : 'red'}
        onConfirm={confirm}
        onClose={() => {
          setPending(null);
          change.reset();
        }}
        isPending={change.isPending}
        error={change.error}
      >
        {pending?.action === 'withdraw'
          ? 'Withdrawal is final: the signed accreditation is revoked in your status list and the provider is mailed.'
          : pending?.action === 'suspend'
            ? 'Verifiers will see the accreditation as suspended until you reinstate it. The provider is mailed.'
            : 'Verifiers will see the accreditation as valid again. The provider is mailed.'}
        {pending && pending.action !== 'reinstate' ? (
          <Textarea
            mt="sm"
            label="Reason"
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
        ) : null}
      </ConfirmDialog>
    </>
  );
}

function ApplicationsTable({ slug, side }: { slug: string; side: 'received' | 'sent' }) {
  const applications = useApplications(slug, side);
  return (
    <ListContent
      query={applications}
      loadingLabel="Loading applications"
      empty={{
        icon: <IconFileCertificate size={28} aria-hidden />,
        title: side === 'received' ? 'No applications yet' : 'You have not applied yet',
        description:
          side === 'received'
            ? 'Providers apply to your open schemes.'
            : 'Apply to a scheme to have your organisation or programmes accredited.',
      }}
      table={{
        rowKey: (r) => r.id,
        minWidth: 640,
        columns: [
          {
            header: side === 'received' ? 'Provider' : 'Accrediting body',
            isRowHeader: true,
            cell: (r) => (
              <Anchor component={Link} to={`/o/${slug}/accreditation/applications/${r.id}`}>
                {side === 'received' ? r.provider.name : r.accreditor.name}
              </Anchor>
            ),
          },
          { header: 'Scheme', cell: (r) => r.scheme.name },
          {
            header: 'For',
            cell: (r) => (r.subjectType === 'programme' ? 'Programmes' : 'Organisation'),
            visibleFrom: 'sm',
          },
          {
            header: 'State',
            cell: (r) => (
              <Group gap={6}>
                <Badge variant="light" color={r.state === 'decided' ? 'gray' : 'blue'}>
                  {r.state === 'decided' && r.decision ? `Decided: ${r.decision}` : stateLabels[r.state]}
                </Badge>
                {r.isRenewal ? <Badge variant="outline">Renewal</Badge> : null}
              </Group>
            ),
          },
          { header: 'Updated', cell: (r) => day(r.updatedAt), visibleFrom: 'md' },
        ],
      }}
    />
  );
}

function SchemesTable({ slug, canManage }: { slug: string; canManage: boolean }) {
  const schemes = useSchemes(slug);
  const [editing, setEditing] = useState<Scheme | null>(null);
  return (
    <>
      <ListContent
        query={schemes}
        loadingLabel="Loading schemes"
        empty={{
          icon: <IconCertificate size={28} aria-hidden />,
          title: 'No schemes yet',
          description: 'Create a scheme providers can apply to.',
        }}
        table={{
          rowKey: (r) => r.id,
          minWidth: 560,
          columns: [
            {
              header: 'Scheme',
              isRowHeader: true,
              cell: (r) => (
                <Anchor component={Link} to={`/accreditation/${slug}/schemes/${r.slug}`}>
                  {r.name}
                </Anchor>
              ),
            },
            { header: 'Valid for', cell: (r) => `${r.validityMonths} months` },
            { header: 'EQF levels', cell: (r) => (r.scope.eqfLevels.length ? r.scope.eqfLevels.join(', ') : 'Any') },
            { header: 'Open', cell: (r) => (r.isOpen ? 'Yes' : 'No') },
            ...(canManage
              ? [
                  {
                    header: <VisuallyHidden>Actions</VisuallyHidden>,
                    width: 80,
                    cell: (r: Scheme) => (
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        leftSection={<IconPencil size={16} aria-hidden />}
                        aria-label={`Edit ${r.name}`}
                        onClick={() => setEditing(r)}
                      >
                        Edit
                      </Button>
                    ),
                  },
                ]
              : []),
          ],
        }}
      />
      {editing ? (
        <SchemeFormModal key={editing.id} slug={slug} scheme={editing} opened onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

export default function AccreditationPage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  const [isSchemeOpen, setIsSchemeOpen] = useState(false);
  const [isApplyOpen, setIsApplyOpen] = useState(false);
  usePageTitle('Accreditation');
  if (!org) return null;
  const isAccreditor = org.roles.includes('accreditor');
  const isProvider = org.roles.includes('provider');
  const canManage = isAdminRole(org.myRole);
  const canApply = canManage || org.myRole === 'author';
  return (
    <Stack gap="xl">
      <PageHeader
        title="Accreditation"
        description={
          isAccreditor
            ? 'Your schemes, the applications providers send, and the accreditations you granted.'
            : 'Apply to accrediting bodies and keep track of your accreditations.'
        }
        actions={
          <Group>
            {isAccreditor ? (
              <Button component={Link} to={`/registers/${slug}`} variant="default">
                Public register
              </Button>
            ) : null}
            {isAccreditor && canManage ? (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setIsSchemeOpen(true)}>
                New scheme
              </Button>
            ) : null}
            {isProvider && canApply ? (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setIsApplyOpen(true)}>
                Apply
              </Button>
            ) : null}
          </Group>
        }
      />
      <Tabs defaultValue={isAccreditor ? 'received' : 'sent'} keepMounted={false}>
        <Tabs.List>
          {isAccreditor ? <Tabs.Tab value="received">Applications received</Tabs.Tab> : null}
          {isAccreditor ? <Tabs.Tab value="granted">Granted</Tabs.Tab> : null}
          {isAccreditor ? <Tabs.Tab value="schemes">Schemes</Tabs.Tab> : null}
          {isProvider ? <Tabs.Tab value="sent">Our applications</Tabs.Tab> : null}
          {isProvider ? <Tabs.Tab value="held">Our accreditations</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="received" pt="md">
          <ApplicationsTable slug={slug} side="received" />
        </Tabs.Panel>
        <Tabs.Panel value="granted" pt="md">
          <Title order={2} size="h3" id="granted-title" mb="sm">
            Accreditations granted
          </Title>
          <GrantedTable slug={slug} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="schemes" pt="md">
          <SchemesTable slug={slug} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="sent" pt="md">
          <ApplicationsTable slug={slug} side="sent" />
        </Tabs.Panel>
        <Tabs.Panel value="held" pt="md">
          <HeldTable slug={slug} canApply={canApply} />
        </Tabs.Panel>
      </Tabs>
      {isAccreditor ? (
        <SchemeFormModal slug={slug} opened={isSchemeOpen} onClose={() => setIsSchemeOpen(false)} />
      ) : null}
      {isProvider ? <ApplyModal slug={slug} opened={isApplyOpen} onClose={() => setIsApplyOpen(false)} /> : null}
    </Stack>
  );
}

/** Accreditations a provider may renew: those granted through an application, not withdrawn. */
const isRenewable = (a: Accreditation) =>
  a.applicationId !== null && ['accredited', 'candidate', 'expired', 'suspended'].includes(a.status);

function renewalOf(a: Accreditation): Renewal {
  return {
    renewsId: a.applicationId!,
    schemeId: a.scheme.id,
    subjectType: a.subject.type,
    programmeIds: a.subject.type === 'programme' ? [a.subject.id] : [],
    label: `${a.subject.name} — ${a.scheme.name}`,
  };
}

function HeldTable({ slug, canApply }: { slug: string; canApply: boolean }) {
  const held = useHeld(slug);
  const [renewing, setRenewing] = useState<Accreditation | null>(null);
  return (
    <>
      <ListContent
        query={held}
        loadingLabel="Loading accreditations"
        empty={{ icon: <IconCertificate size={28} aria-hidden />, title: 'No accreditations yet' }}
        table={{
          rowKey: (r) => r.id,
          minWidth: 640,
          columns: [
            { header: 'Subject', isRowHeader: true, cell: (r) => r.subject.name },
            { header: 'By', cell: (r) => `${r.accreditor.name} — ${r.scheme.name}` },
            { header: 'Status', cell: (r) => <AccreditationStatusBadge status={r.status} /> },
            { header: 'Valid until', cell: (r) => day(r.validUntil) },
            {
              header: 'Credential',
              cell: (r) =>
                r.credentialId ? (
                  <Anchor component={Link} to={`/credentials/${r.credentialId}`}>
                    View
                  </Anchor>
                ) : (
                  '—'
                ),
            },
            ...(canApply
              ? [
                  {
                    header: <VisuallyHidden>Actions</VisuallyHidden>,
                    width: 90,
                    cell: (r: Accreditation) =>
                      isRenewable(r) ? (
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          leftSection={<IconRefresh size={16} aria-hidden />}
                          aria-label={`Renew ${r.subject.name} — ${r.scheme.name}`}
                          onClick={() => setRenewing(r)}
                        >
                          Renew
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ],
        }}
      />
      {renewing ? (
        <ApplyModal
          key={renewing.id}
          slug={slug}
          opened
          renewal={renewalOf(renewing)}
          onClose={() => setRenewing(null)}
        />
      ) : null}
    </>
  );
}
