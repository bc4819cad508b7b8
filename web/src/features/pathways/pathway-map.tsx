import { Anchor, Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconTrophy } from '@tabler/icons-react';
import { Link } from 'react-router';
import { costLabel, hoursLabel, programmePath } from '../catalog/catalog-format';
import { groupLabel, isGroup, weeksLabel } from './pathway-format';
import type { MapNode, NodeStatus, PathwayMapData } from './pathways-types';

type MapProps = {
  map: PathwayMapData;
  /** Each node's status, on a learner's own map. */
  statuses?: Record<string, NodeStatus>;
};

function StatusMark({ status }: { status: NodeStatus | undefined }) {
  if (!status) return null;
  return status.isSatisfied ? (
    <Badge color="teal" variant="light" leftSection={<IconCheck size={12} aria-hidden />}>
      Done
    </Badge>
  ) : (
    <Badge color="gray" variant="outline" leftSection={<IconCircleDashed size={12} aria-hidden />}>
      To do{status.required > 1 ? ` · ${status.done} of ${status.required}` : ''}
    </Badge>
  );
}

function LeafDetails({ node, status }: { node: MapNode; status: NodeStatus | undefined }) {
  const a = node.achievement;
  if (a) {
    const p = a.programme;
    return (
      <Stack gap={2}>
        {a.provider ? (
          <Text size="xs" c="dimmed">
            {a.provider.name}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            From another platform
            {a.issuerDids?.length
              ? ` (${a.issuerDids.length} accepted ${a.issuerDids.length === 1 ? 'issuer' : 'issuers'})`
              : ''}
          </Text>
        )}
        {p ? (
          <Text size="xs" c="dimmed">
            {costLabel(p.costMinor !== null && p.currency ? { amountMinor: p.costMinor, currency: p.currency } : null)}{' '}
            · {hoursLabel(p.effortHours)} · {weeksLabel(p.durationWeeks)}
            {p.cpdHours ? ` · ${hoursLabel(p.cpdHours)} CPD` : ''}
          </Text>
        ) : null}
      </Stack>
    );
  }
  if (node.kind === 'skills' && node.skills?.length) {
    return (
      <Group gap={4}>
        {node.skills.map((s) => (
          <Badge key={s.id} size="xs" variant="light" color="gray">
            {s.name}
          </Badge>
        ))}
      </Group>
    );
  }
  if (status?.amount) {
    return (
      <Text size="xs" c="dimmed">
        {status.amount.have} of {status.amount.need}
      </Text>
    );
  }
  return null;
}

function leafTitle(node: MapNode) {
  const a = node.achievement;
  if (a?.kind === 'microcredential' && a.provider && a.programme) {
    return (
      <Anchor component={Link} to={programmePath(a.provider.slug, a.programme.slug)} fw={600} inherit>
        {a.name}
      </Anchor>
    );
  }
  if (a?.kind === 'pathway') {
    return (
      <Anchor component={Link} to={`/pathways/${encodeURIComponent(a.id)}`} fw={600} inherit>
        {a.name}
      </Anchor>
    );
  }
  return a?.name ?? node.label;
}

function Stone({
  node,
  childrenOf,
  statuses,
}: {
  node: MapNode;
  childrenOf: Map<string, MapNode[]>;
  statuses?: Record<string, NodeStatus>;
}) {
  const kids = childrenOf.get(node.id) ?? [];
  const status = statuses?.[node.id];
  const done = status?.isSatisfied ?? false;
  if (isGroup(node)) {
    const heading = groupLabel(node);
    // The server names untitled groups "All of 3" or "2 of 3": the badge already says so.
    const title = /^(All of|\d+ of) \d+$/.test(node.label) || node.label === heading ? '' : node.label;
    return (
      <Box
        component="li"
        className="pathway-group"
        data-done={statuses ? done : undefined}
        aria-label={`${heading}${title ? `: ${title}` : ''}`}
      >
        <Group gap="xs" mb={6} wrap="wrap">
          <Badge variant="filled" color={node.kind === 'all' ? 'cairn' : 'ember'} radius="sm">
            {heading}
          </Badge>
          {title ? (
            <Text size="sm" fw={600}>
              {title}
            </Text>
          ) : null}
          <StatusMark status={status} />
        </Group>
        <Stack component="ul" gap={8} p={0} m={0} style={{ listStyle: 'none' }}>
          {kids.map((k) => (
            <Stone key={k.id} node={k} childrenOf={childrenOf} statuses={statuses} />
          ))}
        </Stack>
      </Box>
    );
  }
  return (
    <Paper component="li" className="pathway-stone" data-done={statuses ? done : undefined} withBorder px="md" py="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            {node.recommendedPosition !== null ? (
              <Badge
                size="sm"
                circle
                variant="light"
                aria-label={`Step ${node.recommendedPosition} in the recommended order`}
              >
                {node.recommendedPosition}
              </Badge>
            ) : null}
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {leafTitle(node)}
            </Text>
          </Group>
          <LeafDetails node={node} status={status} />
        </Stack>
        <StatusMark status={status} />
      </Group>
    </Paper>
  );
}

/**
 * The requirement tree as a map of stones: each requirement is a stone that stacks onto the
 * qualification at the top; groups say "All of" or "2 of 3". Nested lists keep it readable
 * without sight, and statuses are words, not colours.
 */
export function PathwayMap({ map, statuses }: MapProps) {
  const childrenOf = new Map<string, MapNode[]>();
  for (const node of map.nodes) {
    if (node.parentId === null) continue;
    const list = childrenOf.get(node.parentId) ?? [];
    list.push(node);
    childrenOf.set(node.parentId, list);
  }
  const root = map.nodes.find((n) => n.kind === 'qualification') ?? map.nodes.find((n) => n.parentId === null);
  if (!root) return <Text c="dimmed">This pathway has no requirements yet.</Text>;
  const rootStatus = statuses?.[root.id];
  const top = childrenOf.get(root.id) ?? [];
  return (
    <Box className="pathway-map">
      <Paper
        className="pathway-capstone"
        p="md"
        radius="lg"
        data-done={statuses ? (rootStatus?.isSatisfied ?? false) : undefined}
      >
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <IconTrophy size={24} aria-hidden />
            <Stack gap={0}>
              <Text size="xs" tt="uppercase" fw={700} c="dimmed">
                Leads to
              </Text>
              <Text fw={700}>{root.label}</Text>
            </Stack>
          </Group>
          <StatusMark status={rootStatus} />
        </Group>
      </Paper>
      <Text size="xs" c="dimmed" ta="center" my={6} aria-hidden>
        ▲ stacks onto ▲
      </Text>
      <Stack
        component="ul"
        gap={8}
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={`Requirements for ${root.label}`}
      >
        {top.map((n) => (
          <Stone key={n.id} node={n} childrenOf={childrenOf} statuses={statuses} />
        ))}
      </Stack>
    </Box>
  );
}
