import { NumberInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormModal } from '../../components/form-modal';
import { useSeatBudgets, useSetSeatBudget } from './workforce-api';

/** Sets how many seats the employer sponsors on one programme (never below those granted). */
export function SeatsModal({
  slug,
  programme,
  onClose,
}: {
  slug: string;
  programme: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const budgets = useSeatBudgets(slug);
  const setBudget = useSetSeatBudget(slug);
  const current = budgets.data?.find((b) => b.microcredentialId === programme?.id);
  const form = useForm<{ seats: number | string }>({
    initialValues: { seats: 5 },
    validate: { seats: (v) => (Number.isInteger(Number(v)) && Number(v) >= 0 ? null : 'A whole number, 0 or more') },
  });
  return (
    <FormModal
      opened={programme !== null}
      onClose={onClose}
      title={programme ? `Sponsored seats: ${programme.name}` : 'Sponsored seats'}
      form={form}
      submitLabel="Save seats"
      onSubmit={async (values) => {
        if (!programme) return;
        await setBudget.mutateAsync({ microcredentialId: programme.id, seats: Number(values.seats) });
        onClose();
      }}
    >
      <Text size="sm">
        {current
          ? `${current.seatsUsed} of ${current.seatsTotal} seats granted so far.`
          : 'No seats on this programme yet. People you assign on a sponsored seat enrol without a voucher.'}
      </Text>
      <NumberInput label="Seats" min={0} max={100000} data-autofocus {...form.getInputProps('seats')} />
    </FormModal>
  );
}
