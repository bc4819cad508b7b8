import '@mantine/dates/styles.css';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import dayjs from 'dayjs';

type ExpiryDateInputProps = {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: React.ReactNode;
};

/**
 * The expiry date picker. Its own chunk (with the dates styles), loaded only when the issue
 * form opens: most pages never need a calendar.
 */
export default function ExpiryDateInput({ value, onChange, error }: ExpiryDateInputProps) {
  return (
    <DatePickerInput
      label="Expires on"
      description="Optional. Leave empty for a credential that does not expire."
      placeholder="No expiry"
      valueFormat="D MMMM YYYY"
      clearable
      minDate={dayjs().add(1, 'day').format('YYYY-MM-DD')}
      leftSection={<IconCalendar size={18} aria-hidden />}
      value={value}
      onChange={onChange}
      error={error}
      size="md"
      popoverProps={{ withinPortal: true }}
    />
  );
}
