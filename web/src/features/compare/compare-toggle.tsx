import { Checkbox, Tooltip } from '@mantine/core';
import { MAX_COMPARE, useCompareSelection } from './compare-selection';

/** The "Compare" checkbox on a catalogue card. */
export function CompareToggle({ id, title }: { id: string; title: string }) {
  const { isPicked, isFull, toggle } = useCompareSelection();
  const isChecked = isPicked(id);
  const isDisabled = !isChecked && isFull;
  const box = (
    <Checkbox
      size="sm"
      label="Compare"
      aria-label={`Compare ${title}`}
      checked={isChecked}
      disabled={isDisabled}
      onChange={() => toggle({ id, title })}
    />
  );
  return isDisabled ? (
    <Tooltip label={`You can compare up to ${MAX_COMPARE} programmes`}>
      <span>{box}</span>
    </Tooltip>
  ) : (
    box
  );
}
