import { Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendar } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { MicrocredentialListItem } from '../../api/types';
import type { Voucher, VoucherInput } from '../../api/types';
import { CopyField } from '../../components/copy-field';
import { FormModal } from '../../components/form-modal';
import { useCreateVoucher } from './vouchers-api';

/** The form's value for a voucher valid for any programme. */
const ANY = '';
const CODE_PATTERN = /^[A-Z0-9-]{4,40}$/;

type VoucherForm = { microcredentialId: string; maxRedemptions: number | string; expiresAt: string; code: string };

type CreateVoucherModalProps = {
  slug: string;
  programmes: MicrocredentialListItem[];
  opened: boolean;
  onClose: () => void;
};

/** Creates a voucher code (generated unless one is given), then shows it ready to copy. */
export function CreateVoucherModal({ slug, programmes, opened, onClose }: CreateVoucherModalProps) {
  const create = useCreateVoucher(slug);
  const [created, setCreated] = useState<Voucher | null>(null);
  const form = useForm<VoucherForm>({
    mode: 'controlled',
    initialValues: { microcredentialId: ANY, maxRedemptions: 1, expiresAt: '', code: '' },
    validate: {
      maxRedemptions: (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100_000
          ? null
          : 'Enter a whole number from 1 to 100,000.',
      expiresAt: (value) => (value && !dayjs(value).isAfter(dayjs(), 'day') ? 'Choose a date after today.' : null),
      code: (value) => {
        const code = value.trim().toUpperCase();
        return code && !CODE_PATTERN.test(code) ? 'Use 4 to 40 letters, digits and hyphens.' : null;
      },
    },
  });

  const close = () => {
    setCreated(null);
    create.reset();
    form.reset();
    onClose();
  };

  const submit = async (values: VoucherForm) => {
    const code = values.code.trim().toUpperCase();
    const input: VoucherInput = {
      maxRedemptions: Number(values.maxRedemptions),
      ...(values.microcredentialId ? { microcredentialId: values.microcredentialId } : {}),
      ...(values.expiresAt ? { expiresAt: dayjs(values.expiresAt).endOf('day').toISOString() } : {}),
      ...(code ? { code } : {}),
    };
    setCreated(await create.mutateAsync(input));
  };

  const programmeTitle = (id: string | null) =>
    id ? (programmes.find((p) => p.id === id)?.title ?? 'One programme') : 'Any programme';

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title="Create vouchers"
      resultTitle="Your voucher code"
      size="lg"
      form={form}
      submitLabel="Create voucher"
      onSubmit={submit}
      result={
        created ? (
          <Stack gap="md">
            <CopyField value={created.code} label="voucher code" />
            <Text size="sm" c="dimmed">
              {programmeTitle(created.microcredentialId)} ·{' '}
              {created.maxRedemptions === 1 ? '1 use' : `${created.maxRedemptions.toLocaleString()} uses`} ·{' '}
              {created.expiresAt ? `expires ${dayjs(created.expiresAt).format('D MMM YYYY')}` : 'no expiry'}. Learners
              enter this code when they enrol.
            </Text>
            <Group justify="flex-end">
              <Button onClick={close}>Done</Button>
            </Group>
          </Stack>
        ) : null
      }
    >
      <Select
        label="Programme"
        description="The code enrols learners in this programme only, or in any of yours."
        data={[{ value: ANY, label: 'Any programme' }, ...programmes.map((p) => ({ value: p.id, label: p.title }))]}
        allowDeselect={false}
        searchable={programmes.length > 8}
        data-autofocus
        {...form.getInputProps('microcredentialId')}
      />
      <NumberInput
        label="Number of uses"
        description="How many learners can enrol with this code."
        min={1}
        max={100_000}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=","
        required
        {...form.getInputProps('maxRedemptions')}
      />
      <TextInput
        type="date"
        label="Expires on"
        description="Optional. The code works until the end of this day."
        leftSection={<IconCalendar size={18} aria-hidden />}
        min={dayjs().add(1, 'day').format('YYYY-MM-DD')}
        {...form.getInputProps('expiresAt')}
      />
      <TextInput
        label="Code"
        description="Optional. Leave empty for a generated code, or choose 4 to 40 letters, digits and hyphens."
        placeholder="Generated"
        autoComplete="off"
        spellCheck={false}
        styles={{ input: { textTransform: 'uppercase', fontFamily: 'var(--mantine-font-family-monospace)' } }}
        {...form.getInputProps('code')}
      />
    </FormModal>
  );
}
