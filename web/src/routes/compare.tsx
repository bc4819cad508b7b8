import { Anchor, Badge, Button, Container, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconScale } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { client, data } from '../api/client';
import type { CatalogItem } from '../api/types';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import {
  costLabel,
  formatLabel,
  hoursLabel,
  languageLabel,
  levelLabel,
  programmePath,
} from '../features/catalog/catalog-format';
import { compareIds, comparePath, useCompareSelection } from '../features/compare/compare-selection';
import { RatingSummaryLine } from '../features/ratings/rating-summary';
import { useRatingSummaries } from '../features/ratings/ratings-api';

type Row = { label: string; cell: (item: CatalogItem) => ReactNode };

const list = (values: string[]) => (values.length > 0 ? values.join(', ') : 'None');
const slugsOf = (item: CatalogItem, key: 'accreditedBy' | 'endorsedBy'): string[] =>
  (item as Partial<Record<typeof key, string[]>>)[key] ?? [];

/** Up to four programmes side by side, one column each: what a learner weighs before enrolling. */
export default function ComparePage() {
  const [params] = useSearchParams();
  const ids = compareIds(params);
  const selection = useCompareSelection();
  usePageTitle('Compare programmes');
  const programmes = useQuery({
    queryKey: ['catalog', 'compare', ids],
    queryFn: ({ signal }) => data(client.GET('/api/v1/catalog/programmes', { params: { query: { id: ids } }, signal })),
    enabled: ids.length > 0,
  });
  const ratings = useRatingSummaries(ids);

  let body: ReactNode;
  if (ids.length === 0) {
    body = (
      <EmptyState
        icon={<IconScale size={28} aria-hidden />}
        title="Nothing to compare yet"
        action={
          <Button component={Link} to="/catalog">
            Browse the catalogue
          </Button>
        }
      >
        Tick “Compare” on two to four programmes in the catalogue.
      </EmptyState>
    );
  } else if (programmes.isPending) {
    body = <PageLoader label="Loading the programmes" />;
  } else if (programmes.isError) {
    body = <ErrorState error={programmes.error} onRetry={() => void programmes.refetch()} />;
  } else {
    // Keep the order the learner picked them in; unpublished ones drop out.
    const items = ids.flatMap((id) => programmes.data.items.filter((i) => i.id === id));
    const rows: Row[] = [
      { label: 'Provider', cell: (i) => i.provider.name },
      {
        label: 'Rating',
        cell: (i) => {
          const r = ratings.data?.get(i.id);
          return r ? <RatingSummaryLine average={r.average} count={r.count} size="xs" /> : '…';
        },
      },
      { label: 'Accredited by', cell: (i) => list(slugsOf(i, 'accreditedBy')) },
      {
        label: 'Industry partners and endorsements',
        cell: (i) => list([...new Set([...i.partners.map((p) => p.name), ...slugsOf(i, 'endorsedBy')])]),
      },
      {
        label: 'Skills',
        cell: (i) =>
          i.skills.length === 0 ? (
            'None listed'
          ) : (
            <Group gap={4}>
              {i.skills.map((s) => (
                <Badge key={s.id} variant="outline" tt="none" fw={500}>
                  {s.name}
                </Badge>
              ))}
            </Group>
          ),
      },
      { label: 'Level', cell: (i) => levelLabel(i.level) },
      { label: 'Effort', cell: (i) => hoursLabel(i.effortHours) },
      { label: 'Duration', cell: (i) => `${i.durationWeeks} ${i.durationWeeks === 1 ? 'week' : 'weeks'}` },
      { label: 'Format', cell: (i) => formatLabel(i.format) },
      { label: 'Language', cell: (i) => languageLabel(i.language) },
      { label: 'Cost', cell: (i) => costLabel(i.cost) },
      { label: 'CPD', cell: (i) => hoursLabel(i.cpdHours) },
    ];
    const missing = ids.length - items.length;
    body = (
      <Stack gap="sm">
        {missing > 0 ? (
          <Text size="sm" c="dimmed">
            {missing === 1 ? 'One programme is' : `${missing} programmes are`} no longer published and left out.
          </Text>
        ) : null}
        <ScrollArea type="auto">
          <Table withTableBorder withColumnBorders verticalSpacing="sm" miw={items.length * 220 + 160} layout="fixed">
            <Table.Caption>Programmes side by side: one column each</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Td w={160} />
                {items.map((i) => (
                  <Table.Th key={i.id} scope="col">
                    <Stack gap={4}>
                      <Anchor component={Link} to={programmePath(i.provider.slug, i.slug)} fw={650}>
                        {i.title}
                      </Anchor>
                      <Button
                        variant="subtle"
                        size="compact-xs"
                        w="fit-content"
                        component={Link}
                        to={comparePath(ids.filter((id) => id !== i.id))}
                        onClick={() => selection.remove(i.id)}
                        aria-label={`Remove ${i.title} from the comparison`}
                      >
                        Remove
                      </Button>
                    </Stack>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.label}>
                  <Table.Th scope="row">{row.label}</Table.Th>
                  {items.map((i) => (
                    <Table.Td key={i.id}>{row.cell(i)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Stack>
    );
  }

  return (
    <Container size="xl" py={{ base: 'lg', sm: 'xl' }}>
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Title order={1}>Compare programmes</Title>
            <Text c="dimmed">Provider, recognition, skills, effort, cost and what holders say, side by side.</Text>
          </Stack>
          <Anchor component={Link} to="/catalog">
            Back to the catalogue
          </Anchor>
        </Group>
        {body}
      </Stack>
    </Container>
  );
}
