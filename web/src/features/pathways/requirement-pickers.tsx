import { MultiSelect, Select, Stack, Text, type ComboboxItem, type ComboboxItemGroup } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useSkillTypeahead } from '../catalog/use-skill-typeahead';
import { useMicrocredentials } from '../authoring/authoring-api';
import { useCatalogueOptions, usePathwayOptions } from './pathway-editor-api';
import type { RefNames } from './pathway-tree';

type Named = RefNames[string];

type PickerProps = {
  value: string;
  /** The picked id, with its name and provider for the editor to show at once. */
  onChange: (id: string, named: Named) => void;
  names: RefNames;
  error?: string | undefined;
  description?: string | undefined;
  /** Set on the first field of a requirement, so the editor can focus it when it is added. */
  isFirstField?: boolean;
  isReadOnly?: boolean;
};

type Option = ComboboxItem & { provider: string };
const matches = (text: string, term: string) => text.toLowerCase().includes(term.trim().toLowerCase());

/** What the combobox shows: the provider's name on a second line, read as part of the option. */
function renderWithProvider({ option }: { option: ComboboxItem }) {
  const o = option as Option;
  return (
    <Stack gap={0}>
      <Text size="sm">{o.label}</Text>
      <Text size="xs" c="dimmed">
        {o.provider}
      </Text>
    </Stack>
  );
}

/**
 * A searchable list of published micro-credentials: this provider's own first, then other
 * providers' from the catalogue (searched as the author types), each with its provider's name.
 */
export function MicrocredentialPicker({
  orgSlug,
  orgName,
  value,
  onChange,
  names,
  error,
  description,
  isFirstField,
  isReadOnly,
}: PickerProps & { orgSlug: string; orgName: string }) {
  const selected = value ? names[`microcredential:${value}`] : undefined;
  const [search, setSearch] = useState(selected?.name ?? '');
  // The input shows the chosen programme's name: that is no search.
  const term = search === selected?.name ? '' : search;
  const [debounced] = useDebouncedValue(term, 250);
  const own = useMicrocredentials(orgSlug);
  const catalogue = useCatalogueOptions(debounced);

  const ownOptions: Option[] = (own.data ?? [])
    .filter((mc) => mc.publishedVersion !== null)
    .map((mc) => ({ value: mc.id, label: mc.publishedVersion?.title ?? mc.title, provider: orgName }))
    .filter((o) => matches(o.label, term));
  const ownIds = new Set((own.data ?? []).map((mc) => mc.id));
  const otherOptions: Option[] = (catalogue.data ?? [])
    .filter((item) => !ownIds.has(item.id))
    .map((item) => ({ value: item.id, label: item.title, provider: item.provider.name }));
  const listed = new Set([...ownOptions, ...otherOptions].map((o) => o.value));
  const current: Option[] =
    value && selected && !listed.has(value)
      ? [{ value, label: selected.name, provider: selected.provider?.name ?? '' }]
      : [];
  const data: ComboboxItemGroup<Option>[] = [
    ...(current.length ? [{ group: 'Chosen', items: current }] : []),
    ...(ownOptions.length ? [{ group: `${orgName} (you)`, items: ownOptions }] : []),
    ...(otherOptions.length ? [{ group: 'Other providers', items: otherOptions }] : []),
  ];
  const byId = new Map([...current, ...ownOptions, ...otherOptions].map((o) => [o.value, o]));

  return (
    <Select
      aria-label="Micro-credential"
      description={
        description ??
        (selected?.provider ? `By ${selected.provider.name}` : 'Published programmes of every provider on Cairn')
      }
      placeholder="Search programmes by title"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={({ options }) => options}
      renderOption={renderWithProvider}
      value={value || null}
      onChange={(id) => {
        const o = id ? byId.get(id) : undefined;
        if (id && o) onChange(id, { name: o.label, provider: { slug: '', name: o.provider } });
      }}
      allowDeselect={false}
      nothingFoundMessage={catalogue.isFetching || own.isPending ? 'Searching…' : 'No published programme matches'}
      error={error}
      readOnly={isReadOnly}
      data-first-field={isFirstField ? 'true' : undefined}
      maxDropdownHeight={320}
    />
  );
}

/** A searchable list of published pathways (any provider's), leaving this one out. */
export function PathwayPicker({
  value,
  onChange,
  names,
  error,
  isFirstField,
  isReadOnly,
  excludeId,
}: PickerProps & { excludeId: string | null }) {
  const selected = value ? names[`pathway:${value}`] : undefined;
  const [search, setSearch] = useState(selected?.name ?? '');
  const term = search === selected?.name ? '' : search;
  const [debounced] = useDebouncedValue(term, 250);
  const pathways = usePathwayOptions(debounced);
  const options: Option[] = (pathways.data ?? [])
    .filter((p) => p.id !== excludeId)
    .map((p) => ({ value: p.id, label: p.name, provider: p.provider.name }));
  if (value && selected && !options.some((o) => o.value === value))
    options.unshift({ value, label: selected.name, provider: selected.provider?.name ?? '' });
  const byId = new Map(options.map((o) => [o.value, o]));
  return (
    <Select
      aria-label="Pathway"
      description={
        selected?.provider
          ? `By ${selected.provider.name}: its award counts here`
          : 'A published pathway whose award counts here'
      }
      placeholder="Search pathways by name"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      filter={({ options: all }) => all}
      renderOption={renderWithProvider}
      value={value || null}
      onChange={(id) => {
        const o = id ? byId.get(id) : undefined;
        if (id && o) onChange(id, { name: o.label, provider: { slug: '', name: o.provider } });
      }}
      allowDeselect={false}
      nothingFoundMessage={pathways.isFetching ? 'Searching…' : 'No published pathway matches'}
      error={error}
      readOnly={isReadOnly}
      data-first-field={isFirstField ? 'true' : undefined}
    />
  );
}

/** Skills searched by name across the frameworks; picked skills keep their names. */
export function SkillsPicker({
  value,
  onChange,
  names,
  error,
  isFirstField,
  isReadOnly,
}: {
  value: string[];
  onChange: (ids: string[], named: RefNames) => void;
  names: RefNames;
  error?: string | undefined;
  isFirstField?: boolean;
  isReadOnly?: boolean;
}) {
  const { found, searchProps } = useSkillTypeahead();
  const data = [
    ...value.map((id) => ({ value: id, label: names[`skill:${id}`]?.name ?? 'Skill' })),
    ...found
      .filter((s) => !value.includes(s.id))
      .map((s) => ({ value: s.id, label: `${s.name} (${s.framework.name})` })),
  ];
  return (
    <MultiSelect
      label="Skills"
      description="Credentials aligned to these skills count"
      placeholder={value.length ? undefined : 'Search skills, e.g. data analysis'}
      {...searchProps}
      data={data}
      hidePickedOptions
      maxValues={100}
      value={value}
      onChange={(ids) => onChange(ids, Object.fromEntries(found.map((s) => [`skill:${s.id}`, { name: s.name }])))}
      error={error}
      readOnly={isReadOnly}
      data-first-field={isFirstField ? 'true' : undefined}
    />
  );
}
