import { ActionIcon, Badge, Button, Code, CopyButton, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconCopy, IconPlus, IconTicket } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useParams } from 'react-router';
import type { Voucher } from '../api/types';
import type { Column } from '../components/data-table';
import { ListPage } from '../components/list-page';
import { RestrictedNotice } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useOrg } from '../features/orgs/orgs-api';
import { isAdminRole } from '../features/orgs/roles';
import { CreateVoucherModal } from '../features/vouchers/create-voucher-modal';
import {
  usePublishedProgrammes,
  useVouchers,
  voucherStatus,
  type VoucherStatus,
} from '../features/vouchers/vouchers-api';

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
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={copied ? `${code} copied` : `Copy ${code}`}
            >
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
      <RestrictedNotice title="Only admins manage vouchers">
        Ask an owner or admin of {org.name} for a voucher code.
      </RestrictedNotice>
    );
  }

  const programmeList = programmes.data ?? [];
  const programmeTitle = (id: string | null) =>
    id === null
      ? 'Any programme'
      : (programmeList.find((p) => p.id === id)?.title ??
        (programmes.isPending ? '…' : 'A programme no longer published'));

  const createButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={openCreate}>
      Create vouchers
    </Button>
  );

  const now = new Date();
  const columns: Column<Voucher>[] = [
    {
      header: 'Code',
      cell: (voucher) => (
        <>
          <CodeWithCopy code={voucher.code} />
          <Text size="xs" c="dimmed" hiddenFrom="sm" mt={4}>
            {programmeTitle(voucher.microcredentialId)}
          </Text>
        </>
      ),
    },
    { header: 'Programme', visibleFrom: 'sm', cell: (voucher) => programmeTitle(voucher.microcredentialId) },
    { header: 'Uses', cell: (voucher) => <Usage voucher={voucher} /> },
    {
      header: 'Expires',
      visibleFrom: 'md',
      cell: (voucher) => (voucher.expiresAt ? dayjs(voucher.expiresAt).format('D MMM YYYY') : 'Never'),
    },
    {
      header: 'Status',
      cell: (voucher) => {
        const status = statusBadge[voucherStatus(voucher, now)];
        return (
          <Badge color={status.color} variant="light">
            {status.label}
          </Badge>
        );
      },
    },
  ];

  return (
    <ListPage
      title="Vouchers"
      titleId="vouchers-heading"
      description={`Codes that enrol learners in ${org.name}’s paid programmes. Cairn does not take card payments.`}
      primaryAction={createButton}
      query={vouchers}
      loadingLabel="Loading vouchers"
      empty={{
        icon: <IconTicket size={26} />,
        title: 'No vouchers yet',
        description:
          'Learners enrol in paid programmes with a voucher code: Cairn does not take card payments. Create codes, then hand them to the learners or employers who have paid you.',
      }}
      dialogs={<CreateVoucherModal slug={slug} programmes={programmeList} opened={isCreating} onClose={closeCreate} />}
      table={{
        columns: columns,
        rowKey: (voucher) => voucher.id,
        minWidth: 360,
      }}
    />
  );
}
