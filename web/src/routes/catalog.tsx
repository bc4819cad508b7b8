import {
  Box,
  Button,
  Container,
  Drawer,
  Grid,
  Group,
  Pagination,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconZoomQuestion } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useCatalogSearch } from '../features/catalog/catalog-api';
import { CatalogFilters } from '../features/catalog/catalog-filters';
import {
  CATALOG_PAGE_SIZE,
  clearedSearch,
  hasFilters,
  LIST_KEYS,
  readCatalogSearch,
  SORTS,
  writeCatalogSearch,
  type CatalogSearch,
  type CatalogSort,
} from '../features/catalog/catalog-query';
import { CatalogResultCard } from '../features/catalog/catalog-result-card';
import { CompareTray } from '../features/compare/compare-tray';
import { useRatingSummaries } from '../features/ratings/ratings-api';
import { PrivateProgrammes } from '../features/workforce/private-programmes';

/** `/catalog`: the public search. Everything about the search is in the URL. */
export default function CatalogPage() {
  usePageTitle('Catalogue');
  const [params, setParams] = useSearchParams();
  const search = readCatalogSearch(params);
  const result = useCatalogSearch(search);
  const ratings = useRatingSummaries(result.data?.items.map((i) => i.id) ?? []);
  const [filtersOpened, filters] = useDisclosure(false);
  const [q, setQ] = useState(search.q);
  useEffect(() => setQ(search.q), [search.q]);

  /** Any change but paging starts again at page 1. */
  const update = (change: Partial<CatalogSearch>) => {
    const next: CatalogSearch = { ...search, page: 1, ...change };
    setParams(writeCatalogSearch(next), { replace: change.page === undefined && change.sort === undefined });
  };
  const debouncedQuery = useDebouncedCallback((value: string) => update({ q: value.trim() }), 350);

  const activeCount =
    LIST_KEYS.reduce((n, key) => n + search.lists[key].length, 0) +
    Object.keys(search.numbers).length +
    // A currency alone filters too: it leaves out paid programmes priced in other currencies.
    (search.currency !== null && search.numbers.maxCost === undefined ? 1 : 0);
  const filterProps = {
    search,
    facets: result.data?.facets,
    onListChange: (key: (typeof LIST_KEYS)[number], values: string[]) =>
      update({ lists: { ...search.lists, [key]: values } }),
    onNumberChange: (key: 'maxCost' | 'maxHours' | 'minCpd', value: number | undefined) => {
      const numbers = { ...search.numbers };
      if (value === undefined) delete numbers[key];
      else numbers[key] = value;
      update({ numbers });
    },
    onCostChange: ({ maxCost, currency }: { maxCost: number | undefined; currency: string | null }) => {
      const numbers = { ...search.numbers };
      if (maxCost === undefined) delete numbers.maxCost;
      else numbers.maxCost = maxCost;
      update({ numbers, currency });
    },
    onClear: () => update(clearedSearch(search)),
  };

  const pages = result.data ? Math.max(1, Math.ceil(result.data.total / CATALOG_PAGE_SIZE)) : 1;

  let body;
  if (result.isPending) body = <PageLoader label="Searching the catalogue" />;
  else if (result.isError) body = <ErrorState error={result.error} onRetry={() => void result.refetch()} />;
  else if (result.data.items.length === 0) {
    body = (
      <EmptyState
        icon={<IconZoomQuestion size={28} />}
        title="No programme matches"
        action={
          hasFilters(search) ? (
            <Button onClick={() => update(clearedSearch(search))}>Clear the search and filters</Button>
          ) : null
        }
      >
        {hasFilters(search)
          ? 'Try fewer filters, a higher price or more hours, or other words.'
          : 'No programme is published yet. Providers’ programmes appear here as soon as they publish them.'}
      </EmptyState>
    );
  } else {
    body = (
      <Stack gap="md" style={{ opacity: result.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
        <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Programmes">
          {result.data.items.map((item) => (
            <li key={item.id}>
              <CatalogResultCard item={item} rating={ratings.data?.get(item.id)} />
            </li>
          ))}
        </Stack>
        {pages > 1 ? (
          <Group justify="center" mt="sm">
            <Pagination
              total={pages}
              value={search.page}
              onChange={(page) => {
                update({ page });
                window.scrollTo({ top: 0 });
              }}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
            />
          </Group>
        ) : null}
      </Stack>
    );
  }

  return (
    <Container size="lg" py={{ base: 'lg', sm: 'xl' }}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>Catalogue</Title>
          <Text c="dimmed">
            Short, skill-based programmes. Each ends in a signed Open Badges 3.0 credential you can share and anyone can
            verify.
          </Text>
        </Stack>
        <PrivateProgrammes />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Search programmes"
            placeholder="Title, skill, outcome…"
            leftSection={<IconSearch size={18} aria-hidden />}
            value={q}
            onChange={(event) => {
              setQ(event.currentTarget.value);
              debouncedQuery(event.currentTarget.value);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') update({ q: q.trim() });
            }}
            type="search"
            style={{ flex: '1 1 280px' }}
          />
          <Select
            label="Sort by"
            data={SORTS.map((s) => ({ value: s.value, label: s.label }))}
            value={search.sort}
            onChange={(value) => value && update({ sort: value as CatalogSort })}
            allowDeselect={false}
            size="md"
            w={{ base: '100%', xs: 180 }}
          />
          <Button
            hiddenFrom="md"
            variant="default"
            size="md"
            leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />}
            onClick={filters.open}
          >
            Filters{activeCount > 0 ? ` (${activeCount})` : ''}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {result.data
            ? `${result.data.total} ${result.data.total === 1 ? 'programme' : 'programmes'}${search.page > 1 ? `, page ${search.page} of ${pages}` : ''}`
            : ''}
        </Text>
        <Grid gutter="xl">
          <Grid.Col span={{ base: 12, md: 3 }} visibleFrom="md">
            <Box component="aside" aria-label="Search filters">
              <CatalogFilters {...filterProps} idPrefix="side" />
            </Box>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>{body}</Grid.Col>
        </Grid>
      </Stack>
      <Drawer
        opened={filtersOpened}
        onClose={filters.close}
        title="Filters"
        position="bottom"
        size="85%"
        hiddenFrom="md"
      >
        <Stack gap="md" pb="md">
          <CatalogFilters {...filterProps} idPrefix="drawer" />
          <Button onClick={filters.close}>Show {result.data?.total ?? ''} results</Button>
        </Stack>
      </Drawer>
      <CompareTray />
    </Container>
  );
}
