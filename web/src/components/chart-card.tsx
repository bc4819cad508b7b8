import { Box, Card, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

export type ChartCardProps<Row> = {
  headingId: string;
  title: string;
  emptyText: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The chart, hidden from screen readers: they read the table of the same figures instead. */
  chart: ReactNode;
  headers: readonly string[];
  cells: (row: Row) => ReactNode[];
  /**
   * Where the table of the figures is: for screen readers only (`hidden`, the default), or also
   * for anyone who opens "Show as a table" under the chart (`details`).
   */
  table?: 'hidden' | 'details';
  withBorder?: boolean;
};

/**
 * A titled card with one chart and a table of the same figures, or a short sentence when there
 * is nothing to chart yet. Chart modules are loaded in chunks of their own (recharts is large);
 * this card does not import them.
 */
export function ChartCard<Row>({
  headingId,
  title,
  emptyText,
  rows,
  rowKey,
  chart,
  headers,
  cells,
  table = 'hidden',
  withBorder = false,
}: ChartCardProps<Row>) {
  return (
    <Card bg="white" withBorder={withBorder} component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} fz="md" id={headingId}>
          {title}
        </Title>
        {rows.length === 0 ? (
          <Text c="dimmed" size="sm">
            {emptyText}
          </Text>
        ) : (
          <>
            <div aria-hidden>{chart}</div>
            {table === 'hidden' ? (
              <VisuallyHidden>
                <FiguresTable title={title} rows={rows} rowKey={rowKey} headers={headers} cells={cells} />
              </VisuallyHidden>
            ) : (
              <Box component="details">
                <Box component="summary" fz="sm" style={{ cursor: 'pointer' }}>
                  Show as a table
                </Box>
                <FiguresTable title={title} rows={rows} rowKey={rowKey} headers={headers} cells={cells} mt="xs" />
              </Box>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function FiguresTable<Row>({
  title,
  rows,
  rowKey,
  headers,
  cells,
  mt,
}: Pick<ChartCardProps<Row>, 'title' | 'rows' | 'rowKey' | 'headers' | 'cells'> & { mt?: string }) {
  return (
    <Table {...(mt ? { mt } : {})} captionSide="top">
      <Table.Caption>{title}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {headers.map((header) => (
            <Table.Th key={header}>{header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={rowKey(row)}>
            {cells(row).map((cell, index) => (
              <Table.Td key={index}>{cell}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
