import { Button, Group, Paper, Stack, type PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from './page-header';
import { EmptyState, ErrorState, PageLoader } from './page-states';

/** What a list needs of a TanStack query (plain or infinite, its pages flattened by `select`). */
export type ListQuery<Row> = {
  isPending: boolean;
  data: Row[] | undefined;
  error: unknown;
  refetch: () => unknown;
  /** An infinite query's: the list then ends with "Load more". */
  hasNextPage?: boolean;
  isFetchingNextPage?: boolean;
  isFetchNextPageError?: boolean;
  fetchNextPage?: () => unknown;
};

export type EmptyListProps = { icon: ReactNode; title: string; description?: ReactNode; action?: ReactNode };

type ListContentProps<Row> = {
  query: ListQuery<Row>;
  /** Names the loading state for screen readers, e.g. "Loading API keys". */
  loadingLabel: string;
  empty: EmptyListProps;
  /** The rows, e.g. a `DataTable`; called only when there is at least one. */
  children: (rows: Row[]) => ReactNode;
};

/** A list's four states: loading, failed (with a retry), empty (with the next step) and its rows. */
export function ListContent<Row>({ query, loadingLabel, empty, children }: ListContentProps<Row>) {
  if (query.isPending) return <PageLoader label={loadingLabel} />;
  // A failed refetch or "Load more" keeps the rows already shown: only a list with nothing to show is an error.
  if (!query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) {
    return (
      <EmptyState icon={empty.icon} title={empty.title} action={empty.action}>
        {empty.description}
      </EmptyState>
    );
  }
  if (!query.fetchNextPage) return children(query.data);
  const { fetchNextPage } = query;
  return (
    <Stack gap="md">
      {children(query.data)}
      {query.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" onClick={() => void fetchNextPage()} loading={query.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      ) : null}
      {query.isFetchNextPageError ? <ErrorState error={query.error} onRetry={() => void fetchNextPage()} /> : null}
    </Stack>
  );
}

type ListPageProps<Row> = ListContentProps<Row> & {
  title: ReactNode;
  /** The h1's id: the table names itself after it. */
  titleId: string;
  description?: ReactNode;
  /** The page's main action (create, issue): in the header once there are rows, else in the empty state. */
  primaryAction?: ReactNode;
  /** Actions always in the header (export). */
  actions?: ReactNode;
  /** Above the list: filters. */
  filters?: ReactNode;
  /** Between the header and the list: a notice about the whole page. */
  notice?: ReactNode;
  /** Dialogs the page opens (create, confirm). */
  dialogs?: ReactNode;
  maw?: number;
  padding?: PaperProps['p'];
};

/**
 * A page that lists things: header, filters, then the list in its loading, failed, empty or
 * filled state, and the dialogs its actions open.
 */
export function ListPage<Row>({
  title,
  titleId,
  description,
  primaryAction,
  actions,
  filters,
  notice,
  dialogs,
  maw,
  padding = 'lg',
  query,
  loadingLabel,
  empty,
  children,
}: ListPageProps<Row>) {
  const hasRows = query.data !== undefined && query.data.length > 0;
  return (
    <Stack gap="xl">
      <PageHeader
        title={title}
        titleId={titleId}
        description={description}
        maw={maw}
        actions={
          actions || (hasRows && primaryAction) ? (
            <Group gap="sm">
              {actions}
              {hasRows ? primaryAction : null}
            </Group>
          ) : null
        }
      />
      {notice}
      {filters}
      <Paper withBorder p={padding} bg="white">
        <ListContent query={query} loadingLabel={loadingLabel} empty={{ action: primaryAction, ...empty }}>
          {children}
        </ListContent>
      </Paper>
      {dialogs}
    </Stack>
  );
}
