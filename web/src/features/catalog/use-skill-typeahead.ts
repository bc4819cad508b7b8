import type { ComboboxParsedItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useSkillSearch } from './catalog-api';

/**
 * Search-as-you-type for a skill picker: what is typed, the skills it finds once typing pauses,
 * and the props that put both on a Mantine `Select` or `MultiSelect`.
 */
export function useSkillTypeahead() {
  const [term, setTerm] = useState('');
  const [debounced] = useDebouncedValue(term, 250);
  const skills = useSkillSearch(debounced);
  const searchProps = {
    searchable: true,
    searchValue: term,
    onSearchChange: setTerm,
    // The server already matched the term: show what it found as it is.
    filter: ({ options }: { options: ComboboxParsedItem[] }) => options,
    nothingFoundMessage:
      debounced.trim().length < 2
        ? 'Type two letters or more'
        : skills.isFetching
          ? 'Searching…'
          : 'No skill by that name',
  };
  return { found: skills.data?.items ?? [], setTerm, searchProps };
}
