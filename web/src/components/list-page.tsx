import { Button, Group, Paper, Stack, type PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { DataTable, type DataTableProps } from './data-table';
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

/** The rows as a `DataTable`: everything it needs but the rows. */
export type ListTable<Row> = Omit<DataTableProps<Row>, 'rows'>;

/** How the rows show once there is at least one: as a table, or drawn by `children`. */
type ListRows<Row> =
  { table: ListTable<Row>; children?: never } | { table?: never; children: (rows: Row[]) => ReactNode };

type ListContentProps<Row> = {
  query: ListQuery<Row>;
  /** Names the loading state for screen readers, e.g. "Loading API keys". */
  loadingLabel: string;
  empty: EmptyListProps;
} & ListRows<Row>;

/** A list's four states: loading, failed (with a retry), empty (with the next step) and its rows. */
export function ListContent<Row>({ query, loadingLabel, empty, table, children }: ListContentProps<Row>) {
  const showRows = (rows: Row[]) => (table ? <DataTable rows={rows} {...table} /> : children?.(rows));
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
  if (!query.fetchNextPage) return showRows(query.data);
  const { fetchNextPage } = query;
  return (
    <Stack gap="md">
      {showRows(query.data)}
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
  /** The h1's id: a `table` is named after it. */
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
  table,
  children,
}: ListPageProps<Row>) {
  const hasRows = query.data !== undefined && query.data.length > 0;
  // A table is named by the page's h1 unless it says otherwise.
  const rows: ListRows<Row> = table ? { table: { labelledBy: titleId, ...table } } : { children: children };
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
        <ListContent query={query} loadingLabel={loadingLabel} empty={{ action: primaryAction, ...empty }} {...rows} />
      </Paper>
      {dialogs}
    </Stack>
  );
}
