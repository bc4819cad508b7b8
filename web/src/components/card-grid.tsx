import { SimpleGrid } from '@mantine/core';
import type { ReactNode } from 'react';

type CardGridProps<Item extends { id: string }> = {
  items: readonly Item[];
  /** The list's accessible name. */
  label: string;
  children: (item: Item) => ReactNode;
};

/** Cards, one to three a row by screen width, as a list: a screen reader says how many there are. */
export function CardGrid<Item extends { id: string }>({ items, label, children }: CardGridProps<Item>) {
  return (
    <SimpleGrid
      component="ul"
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="md"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={label}
    >
      {items.map((item) => (
        <li key={item.id}>{children(item)}</li>
      ))}
    </SimpleGrid>
  );
}
