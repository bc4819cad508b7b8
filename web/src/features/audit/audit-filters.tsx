import '@mantine/dates/styles.css';
import { Button, Group, MultiSelect } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconFilterOff } from '@tabler/icons-react';
import type { AuditFilters } from './audit-api';
import { AUDIT_EVENT_TYPES } from './event-labels';

const groups = [...new Set(AUDIT_EVENT_TYPES.map((t) => t.group))].map((group) => ({
  group,
  items: AUDIT_EVENT_TYPES.filter((t) => t.group === group).map(({ value, label }) => ({ value, label })),
}));

export const NO_AUDIT_FILTERS: AuditFilters = { types: [], since: null, until: null };

/** What to show: event types, and a period of whole days (both ends included). */
export function AuditFiltersBar({
  value,
  onChange,
}: {
  value: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}) {
  const isFiltered = value.types.length > 0 || value.since !== null || value.until !== null;
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <MultiSelect
        label="Event types"
        placeholder={value.types.length === 0 ? 'All events' : undefined}
        data={groups}
        value={value.types}
        onChange={(types) => onChange({ ...value, types })}
        searchable
        clearable
        w={{ base: '100%', sm: 340 }}
        comboboxProps={{ withinPortal: true }}
      />
      <DatePickerInput
        label="From"
        placeholder="Any day"
        valueFormat="D MMM YYYY"
        clearable
        maxDate={value.until ?? undefined}
        leftSection={<IconCalendar size={18} aria-hidden />}
        value={value.since}
        onChange={(since) => onChange({ ...value, since })}
        w={{ base: '100%', xs: 180 }}
        popoverProps={{ withinPortal: true }}
      />
      <DatePickerInput
        label="To"
        placeholder="Today"
        valueFormat="D MMM YYYY"
        clearable
        minDate={value.since ?? undefined}
        leftSection={<IconCalendar size={18} aria-hidden />}
        value={value.until}
        onChange={(until) => onChange({ ...value, until })}
        w={{ base: '100%', xs: 180 }}
        popoverProps={{ withinPortal: true }}
      />
      {isFiltered ? (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => onChange(NO_AUDIT_FILTERS)}
        >
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
