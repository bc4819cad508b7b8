import {
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Group,
  Pagination,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconRoute, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { pathwayPath } from '../features/pathways/pathway-format';
import { PATHWAYS_PAGE_SIZE, usePathwaySearch } from '../features/pathways/pathways-api';
import type { PathwaySummary } from '../features/pathways/pathways-types';
import { CardGrid } from '../components/card-grid';

function PathwayCard({ pathway: p }: { pathway: PathwaySummary }) {
  return (
    <Card component="article" withBorder bg="white" h="100%">
      <Stack gap="xs" h="100%">
        <Group gap="xs">
          <Badge variant="light">{p.achievementType}</Badge>
          <Text size="xs" c="dimmed">
            {p.provider.name}
          </Text>
        </Group>
        <Title order={2} fz="lg">
          <Anchor component={Link} to={pathwayPath(p.id)} inherit c="cairn.9">
            {p.name}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed" lineClamp={3} style={{ flex: 1 }}>
          {p.description || 'No description yet.'}
        </Text>
        <Group>
          <Button
            component={Link}
            to={pathwayPath(p.id)}
            variant="light"
            size="sm"
            aria-label={`See the map of ${p.name}`}
          >
            See the map
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** `/pathways`: published pathways, searchable; the query and page are in the URL. */
export default function PathwaysPage() {
  usePageTitle('Pathways');
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const result = usePathwaySearch(search, page);
  const [q, setQ] = useState(search);
  useEffect(() => setQ(search), [search]);
  const update = (next: { q?: string; page?: number }) => {
    const p = new URLSearchParams();
    const nq = next.q ?? search;
    const np = next.page ?? 1;
    if (nq) p.set('q', nq);
    if (np > 1) p.set('page', String(np));
    setParams(p, { replace: next.page === undefined });
  };
  const debounced = useDebouncedCallback((value: string) => update({ q: value.trim() }), 350);
  const pages = result.data ? Math.max(1, Math.ceil(result.data.total / PATHWAYS_PAGE_SIZE)) : 1;

  let body;
  if (result.isPending) body = <PageLoader label="Loading pathways" />;
  else if (result.isError) body = <ErrorState error={result.error} onRetry={() => void result.refetch()} />;
  else if (result.data.items.length === 0) {
    body = (
      <EmptyState
        icon={<IconRoute size={28} />}
        title={search ? 'No pathway matches' : 'No pathways yet'}
        action={
          search ? (
            <Button onClick={() => update({ q: '' })}>Clear the search</Button>
          ) : (
            <Button component={Link} to="/catalog">
              Browse programmes
            </Button>
          )
        }
      >
        {search ? 'Try other words.' : 'Providers’ pathways appear here as soon as they publish them.'}
      </EmptyState>
    );
  } else {
    body = (
      <Stack gap="md" style={{ opacity: result.isPlaceholderData ? 0.6 : 1 }}>
        <Text size="sm" c="dimmed" role="status">
          {result.data.total} {result.data.total === 1 ? 'pathway' : 'pathways'}
        </Text>
        <CardGrid items={result.data.items} label="Pathways">
          {(p) => <PathwayCard pathway={p} />}
        </CardGrid>
        {pages > 1 ? (
          <Group justify="center">
            <Pagination total={pages} value={page} onChange={(n) => update({ page: n })} />
          </Group>
        ) : null}
      </Stack>
    );
  }

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>Pathways</Title>
          <Text c="dimmed">
            Micro-credentials from any issuer that stack into a larger qualification. Each pathway shows what stacks
            onto what, and what it costs.
          </Text>
        </Stack>
        <TextInput
          label="Search pathways"
          placeholder="Name, description or provider"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            debounced(event.currentTarget.value);
          }}
          maw={520}
          type="search"
        />
        {body}
      </Stack>
    </Container>
  );
}
