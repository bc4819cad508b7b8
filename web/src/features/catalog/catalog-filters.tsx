import { Button, Checkbox, Divider, Group, NumberInput, Select, Slider, Stack, Text, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { CatalogFacets, FacetValue } from '../../api/types';
import { useSkillNames } from './catalog-api';
import { useSkillTypeahead } from './use-skill-typeahead';
import { formatLabel, languageLabel } from './catalog-format';
import {
  COST_CURRENCIES,
  defaultCostCurrency,
  type CatalogSearch,
  type ListKey,
  type NumberKey,
} from './catalog-query';

/** Values shown per facet before "Show all". */
const FACET_PREVIEW = 8;

type FiltersProps = {
  search: CatalogSearch;
  facets: CatalogFacets | undefined;
  onListChange: (key: ListKey, values: string[]) => void;
  onNumberChange: (key: NumberKey, value: number | undefined) => void;
  /** The cost filter: a maximum price and the currency it is in, changed together. */
  onCostChange: (cost: { maxCost: number | undefined; currency: string | null }) => void;
  onClear: () => void;
  /** Distinguishes the ids of the sidebar and the mobile drawer copies. */
  idPrefix: string;
};

/** Facets with counts and the numeric limits; every change goes straight to the URL. */
export function CatalogFilters({
  search,
  facets,
  onListChange,
  onNumberChange,
  onCostChange,
  onClear,
  idPrefix,
}: FiltersProps) {
  const [expanded, setExpanded] = useState<Partial<Record<ListKey, boolean>>>({});
  const skillNames = useSkillNames(search.lists.skill.filter((id) => !facets?.skill.some((f) => f.value === id)));
  const labelOf: Partial<Record<ListKey, (value: string) => string>> = {
    skill: (value) => skillNames[value] ?? 'Skill',
    level: (value) => `Level ${value}`,
    format: (value) => formatLabel(value as never),
    language: (value) => languageLabel(value),
  };

  const facet = (
    key: ListKey,
    title: string,
    options?: { labelOf?: (f: FacetValue) => string; hideWhenEmpty?: boolean },
  ) => {
    const values = facets?.[key] ?? [];
    const selected = search.lists[key];
    // Keep a selected value visible even when no result carries it any more, so it can be unticked.
    const missing = selected
      .filter((v) => !values.some((f) => f.value === v))
      .map((v): FacetValue => ({ value: v, label: labelOf[key]?.(v) ?? v, count: 0 }));
    const all = [...values, ...missing];
    if (all.length === 0 && options?.hideWhenEmpty) return null;
    const isLong = all.length > FACET_PREVIEW;
    const shown =
      isLong && !expanded[key] ? all.filter((f, i) => i < FACET_PREVIEW || selected.includes(f.value)) : all;
    return (
      <Checkbox.Group
        label={
          <Text fw={600} size="sm">
            {title}
          </Text>
        }
        value={selected}
        onChange={(next) => onListChange(key, next)}
      >
        <Stack gap={6} mt={6}>
          {all.length === 0 ? (
            <Text size="sm" c="dimmed">
              None in these results
            </Text>
          ) : (
            shown.map((f) => (
              <Checkbox
                key={f.value}
                id={`${idPrefix}-${key}-${f.value}`}
                value={f.value}
                label={
                  <Group gap={6} wrap="nowrap" justify="space-between">
                    <span>{options?.labelOf?.(f) ?? f.label}</span>
                    <Text
                      span
                      size="xs"
                      c="dimmed"
                      aria-label={`${f.count} ${f.count === 1 ? 'programme' : 'programmes'}`}
                    >
                      {f.count}
                    </Text>
                  </Group>
                }
                styles={{ labelWrapper: { flex: 1 } }}
              />
            ))
          )}
          {isLong ? (
            <Button
              variant="subtle"
              size="compact-sm"
              w="fit-content"
              onClick={() => setExpanded({ ...expanded, [key]: !expanded[key] })}
              aria-expanded={Boolean(expanded[key])}
            >
              {expanded[key] ? 'Show fewer' : `Show all ${all.length}`}
            </Button>
          ) : null}
        </Stack>
      </Checkbox.Group>
    );
  };

  return (
    <Stack gap="md" component="section" aria-label="Filters">
      <Group justify="space-between">
        <Title order={2} fz="md">
          Filters
        </Title>
        <Button variant="subtle" size="compact-sm" onClick={onClear}>
          Clear all
        </Button>
      </Group>
      {facet('skill', 'Skills')}
      <SkillFinder
        id={`${idPrefix}-skill-search`}
        onPick={(id) => {
          if (!search.lists.skill.includes(id)) onListChange('skill', [...search.lists.skill, id]);
        }}
      />
      <Divider />
      {facet('provider', 'Provider')}
      {facet('partner', 'Industry partner', { hideWhenEmpty: true })}
      {facet('accreditedBy', 'Accredited by', { hideWhenEmpty: true })}
      {facet('endorsedBy', 'Endorsed by', { hideWhenEmpty: true })}
      <Divider />
      {facet('level', 'Level (EQF)', { labelOf: (f) => `Level ${f.value}` })}
      {facet('format', 'Format', { labelOf: (f) => formatLabel(f.value as never) })}
      {facet('language', 'Language', { labelOf: (f) => languageLabel(f.value) })}
      <Divider />
      <MaxCost
        value={search.numbers.maxCost}
        currency={search.currency}
        onChange={onCostChange}
        id={`${idPrefix}-max-cost`}
      />
      <DebouncedNumber
        id={`${idPrefix}-max-hours`}
        label="Most effort (hours)"
        value={search.numbers.maxHours}
        onChange={(v) => onNumberChange('maxHours', v === 0 ? undefined : v)}
        min={1}
      />
      <DebouncedNumber
        id={`${idPrefix}-min-cpd`}
        label="At least this many CPD hours"
        value={search.numbers.minCpd}
        onChange={(v) => onNumberChange('minCpd', v === 0 ? undefined : v)}
        min={0}
      />
    </Stack>
  );
}

function SkillFinder({ id, onPick }: { id: string; onPick: (skillId: string) => void }) {
  const { found, setTerm, searchProps } = useSkillTypeahead();
  const data = found.map((s) => ({ value: s.id, label: s.name }));
  return (
    <Select
      id={id}
      label="Find another skill"
      placeholder="Type a skill, e.g. SQL"
      size="sm"
      clearable={false}
      value={null}
      {...searchProps}
      data={data}
      leftSection={<IconSearch size={16} aria-hidden />}
      onChange={(value) => {
        if (value) onPick(value);
        setTerm('');
      }}
    />
  );
}

/** A number that writes to the URL after typing pauses, and at once on blur. */
function DebouncedNumber({
  id,
  label,
  value,
  onChange,
  min,
}: {
  id: string;
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min: number;
}) {
  const [local, setLocal] = useState<string | number>(value ?? '');
  useEffect(() => setLocal(value ?? ''), [value]);
  const commit = (next: string | number) =>
    onChange(next === '' || Number.isNaN(Number(next)) ? undefined : Number(next));
  const debounced = useDebouncedCallback(commit, 500);
  return (
    <NumberInput
      id={id}
      size="sm"
      label={label}
      min={min}
      allowNegative={false}
      value={local}
      onChange={(next) => {
        setLocal(next);
        debounced(next);
      }}
      onBlur={() => commit(local)}
      placeholder="Any"
    />
  );
}

const COST_STEPS = 1000;

/**
 * The most a programme may cost, in a named currency: paid programmes priced in another
 * currency are left out (the API never compares amounts across currencies). Choosing a price
 * without a currency takes the reader's; 0 lists free programmes only, in any currency.
 */
function MaxCost({
  id,
  value,
  currency,
  onChange,
}: {
  id: string;
  value: number | undefined;
  currency: string | null;
  onChange: (cost: { maxCost: number | undefined; currency: string | null }) => void;
}) {
  const [local, setLocal] = useState<number | undefined>(value);
  useEffect(() => setLocal(value), [value]);
  const commit = (maxCost: number | undefined) =>
    onChange({ maxCost, currency: (maxCost ?? 0) > 0 ? (currency ?? defaultCostCurrency()) : currency });
  const debounced = useDebouncedCallback(commit, 500);
  const shownCurrency = currency ?? ((local ?? 0) > 0 ? defaultCostCurrency() : null);
  const currencies = [...new Set([...COST_CURRENCIES, ...(currency ? [currency] : [])])];
  const isPriced = (value ?? 0) > 0;
  return (
    <Stack gap={6}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <NumberInput
          id={id}
          size="sm"
          style={{ flex: 1 }}
          label={shownCurrency ? `Most it may cost (${shownCurrency})` : 'Most it may cost'}
          min={0}
          allowNegative={false}
          placeholder="Any price"
          value={local ?? ''}
          onChange={(next) => {
            const v = next === '' ? undefined : Number(next);
            setLocal(v);
            debounced(v);
          }}
          onBlur={() => commit(local)}
        />
        <Select
          size="sm"
          w={110}
          aria-label="Currency of the cost filter"
          placeholder="Any"
          data={currencies}
          value={currency}
          clearable={!isPriced}
          allowDeselect={!isPriced}
          onChange={(next) => onChange({ maxCost: value, currency: next })}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {currency
          ? `Paid programmes priced in another currency than ${currency} are left out; 0 shows free programmes only.`
          : 'Choose a price and its currency; 0 shows free programmes only.'}
      </Text>
      <Slider
        min={0}
        max={COST_STEPS}
        step={10}
        value={Math.min(local ?? COST_STEPS, COST_STEPS)}
        onChange={(v) => setLocal(v >= COST_STEPS ? undefined : v)}
        onChangeEnd={(v) => commit(v >= COST_STEPS ? undefined : v)}
        label={(v) => (v >= COST_STEPS ? 'Any price' : v === 0 ? 'Free' : `Up to ${v} ${shownCurrency ?? ''}`.trim())}
        // Mantine's thumb (the role="slider" element) takes no aria-valuetext, so its name says
        // what the number means; aria-valuetext on the Slider root is not allowed there.
        thumbLabel={`Most it may cost: ${local === undefined ? 'any price' : local === 0 ? 'free only' : `up to ${local} ${shownCurrency ?? ''}`.trim()}`}
      />
    </Stack>
  );
}
