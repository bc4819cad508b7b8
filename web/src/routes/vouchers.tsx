import { ActionIcon, Alert, Badge, Button, Code, CopyButton, Group, Paper, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconCopy, IconLock, IconPlus, IconTicket } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useParams } from 'react-router';
import type { Voucher } from '../api/learning-types';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useOrg } from '../features/orgs/orgs-api';
import { isAdminRole } from '../features/orgs/roles';
import { CreateVoucherModal } from '../features/vouchers/create-voucher-modal';
import { usePublishedProgrammes, useVouchers, voucherStatus, type VoucherStatus } from '../features/vouchers/vouchers-api';

const statusBadge: Record<VoucherStatus, { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  used_up: { label: 'Used up', color: 'gray' },
  expired: { label: 'Expired', color: 'orange' },
};

function CodeWithCopy({ code }: { code: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Code fz="sm">{code}</Code>
      <CopyButton value={code} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} size="sm" onClick={copy} aria-label={copied ? `${code} copied` : `Copy ${code}`}>
              {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

function Usage({ voucher }: { voucher: Voucher }) {
  const percent = Math.min(100, (voucher.redeemed / Math.max(1, voucher.maxRedemptions)) * 100);
  const label = `Used ${voucher.redeemed.toLocaleString()} of ${voucher.maxRedemptions.toLocaleString()}`;
  return (
    <Stack gap={4} miw={110}>
      <Text size="sm">{label}</Text>
      <Progress value={percent} size="sm" aria-hidden />
    </Stack>
  );
}

export default function VouchersPage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  const canManage = isAdminRole(org?.myRole);
  const vouchers = useVouchers(slug, canManage);
  const programmes = usePublishedProgrammes(slug, canManage);
  const [isCreating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  usePageTitle('Vouchers');
  if (!org) return null;

  if (!canManage) {
    return (
      <Alert color="orange" icon={<IconLock aria-hidden />} title="Only admins manage vouchers" role="alert" maw={640}>
        Ask an owner or admin of {org.name} for a voucher code.
      </Alert>
    );
  }

  const programmeList = programmes.data ?? [];
  const programmeTitle = (id: string | null) =>
    id === null ? 'Any programme' : (programmeList.find((p) => p.id === id)?.title ?? (programmes.isPending ? '…' : 'A programme no longer published'));

  const createButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={openCreate}>
      Create vouchers
    </Button>
  );

  let content;
  if (vouchers.isPending) content = <PageLoader label="Loading vouchers" />;
  else if (vouchers.isError) content = <ErrorState error={vouchers.error} onRetry={() => void vouchers.refetch()} />;
  else if (vouchers.data.length === 0) {
    content = (
      <EmptyState icon={<IconTicket size={26} />} title="No vouchers yet" action={createButton}>
        Learners enrol in paid programmes with a voucher code: Cairn does not take card payments. Create codes, then hand them to the
        learners or employers who have paid you.
      </EmptyState>
    );
  } else {
    const now = new Date();
    content = (
      <Table.ScrollContainer minWidth={360}>
        <Table verticalSpacing="sm" aria-labelledby="vouchers-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Code</Table.Th>
              <Table.Th scope="col" visibleFrom="sm">
                Programme
              </Table.Th>
              <Table.Th scope="col">Uses</Table.Th>
              <Table.Th scope="col" visibleFrom="md">
                Expires
              </Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {vouchers.data.map((voucher) => {
              const status = statusBadge[voucherStatus(voucher, now)];
              return (
                <Table.Tr key={voucher.id}>
                  <Table.Td>
                    <CodeWithCopy code={voucher.code} />
                    <Text size="xs" c="dimmed" hiddenFrom="sm" mt={4}>
                      {programmeTitle(voucher.microcredentialId)}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{programmeTitle(voucher.microcredentialId)}</Table.Td>
                  <Table.Td>
                    <Usage voucher={voucher} />
                  </Table.Td>
                  <Table.Td visibleFrom="md">{voucher.expiresAt ? dayjs(voucher.expiresAt).format('D MMM YYYY') : 'Never'}</Table.Td>
                  <Table.Td>
                    <Badge color={status.color} variant="light">
                      {status.label}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} id="vouchers-heading">
            Vouchers
          </Title>
          <Text c="dimmed">Codes that enrol learners in {org.name}’s paid programmes. Cairn does not take card payments.</Text>
        </Stack>
        {vouchers.data && vouchers.data.length > 0 ? createButton : null}
      </Group>
      <Paper withBorder p="lg" bg="white">
        {content}
      </Paper>
      <CreateVoucherModal slug={slug} programmes={programmeList} opened={isCreating} onClose={closeCreate} />
    </Stack>
  );
}
