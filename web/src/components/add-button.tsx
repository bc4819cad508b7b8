import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

type AddButtonProps = {
  onClick: () => void;
  /** What it adds, e.g. "Add a question". */
  children: ReactNode;
  /** Adds to a list inside a list item (an option, a level): a lighter, smaller button. */
  isNested?: boolean;
};

/** The button under a list someone builds (questions, criteria, links) that adds one more. */
export function AddButton({ onClick, children, isNested = false }: AddButtonProps) {
  return (
    <Button
      variant={isNested ? 'subtle' : 'light'}
      size={isNested ? 'compact-sm' : undefined}
      w="fit-content"
      leftSection={<IconPlus size={isNested ? 14 : 16} aria-hidden />}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}
