import { ActionIcon, Badge, Group, Paper, Select, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import {
  leavesOf,
  moveInList,
  nodeLabel,
  pruneOrder,
  type DraftNode,
  type FieldProblem,
  type RefNames,
} from './pathway-tree';

type RecommendedOrderProps = {
  tree: DraftNode;
  order: string[];
  onChange: (order: string[]) => void;
  names: RefNames;
  problems: FieldProblem[];
};

/**
 * The order the provider suggests taking requirements in (optional): numbered on the map.
 * Requirements are added from a list and moved with buttons.
 */
export function RecommendedOrder({ tree, order, onChange, names, problems }: RecommendedOrderProps) {
  const [announcement, setAnnouncement] = useState('');
  const leaves = leavesOf(tree);
  const steps = pruneOrder(tree, order);
  const byId = new Map(leaves.map((l) => [l.id, l]));
  const available = leaves.filter((l) => !steps.includes(l.id));
  const label = (id: string) => {
    const node = byId.get(id);
    return node ? nodeLabel(node, names) : id;
  };
  return (
    <Stack gap="sm">
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          No suggested order: learners take the requirements in any order.
        </Text>
      ) : (
        <Stack component="ol" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Suggested order">
          {steps.map((id, i) => (
            <Paper component="li" key={id} withBorder px="sm" py={6} bg="white">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Badge circle variant="light" aria-hidden>
                    {i + 1}
                  </Badge>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {label(id)}
                  </Text>
                </Group>
                <Group gap={2} wrap="nowrap">
                  <Tooltip label="Earlier" openDelay={300}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Earlier: ${label(id)}`}
                      disabled={i === 0}
                      onClick={() => {
                        onChange(moveInList(steps, i, -1));
                        setAnnouncement(`${label(id)} is now step ${i}.`);
                      }}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Later" openDelay={300}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Later: ${label(id)}`}
                      disabled={i === steps.length - 1}
                      onClick={() => {
                        onChange(moveInList(steps, i, 1));
                        setAnnouncement(`${label(id)} is now step ${i + 2}.`);
                      }}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Take out of the order" openDelay={300}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Take out of the order: ${label(id)}`}
                      onClick={() => {
                        onChange(steps.filter((s) => s !== id));
                        setAnnouncement(`${label(id)} taken out of the suggested order.`);
                      }}
                    >
                      <IconX size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {available.length > 0 ? (
        <Select
          label="Add a step"
          placeholder="Choose a requirement"
          data={available.map((l) => ({ value: l.id, label: nodeLabel(l, names) }))}
          value={null}
          onChange={(id) => {
            if (!id) return;
            onChange([...steps, id]);
            setAnnouncement(`${label(id)} added as step ${steps.length + 1}.`);
          }}
          size="sm"
          maw={420}
        />
      ) : null}
      {problems.map((p) => (
        <Text key={`${p.field}:${p.message}`} size="sm" c="red.8">
          {p.message}
        </Text>
      ))}
    </Stack>
  );
}
