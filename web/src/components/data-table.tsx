import { Table, type MantineBreakpoint, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

/** One column: its header, how a row fills its cell, and where it shows. */
export type Column<Row> = {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Hidden on narrower screens (the row's first cell then repeats what matters). */
  visibleFrom?: MantineBreakpoint;
  align?: 'right';
  /** A fixed width, e.g. for a column of icon buttons. */
  width?: number;
  /** The cell names its row: a `th scope="row"`, so a screen reader says it with each cell. */
  isRowHeader?: boolean;
};

export type DataTableProps<Row> = {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  /** The id of the heading that names the table (left out only where the caller has none to give). */
  labelledBy?: string;
  /** The table's name where no heading names it. */
  label?: string;
  /** Below this width the table scrolls sideways rather than squeeze. */
  minWidth: number;
  highlightOnHover?: boolean;
  /** Striped rows in a border: a file's lines, shown for checking. */
  bordered?: boolean;
  /** A row's text colour, e.g. dimmed for a revoked key. */
  rowColor?: (row: Row) => MantineColor | undefined;
};

/** A labelled table with column headers, in a container that scrolls on small screens. */
export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  labelledBy,
  label,
  minWidth,
  highlightOnHover,
  bordered,
  rowColor,
}: DataTableProps<Row>) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table
        verticalSpacing="sm"
        aria-labelledby={labelledBy}
        aria-label={label}
        highlightOnHover={highlightOnHover}
        striped={bordered}
        withTableBorder={bordered}
      >
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              <Table.Th key={index} scope="col" visibleFrom={column.visibleFrom} ta={column.align} w={column.width}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} c={rowColor?.(row)}>
              {columns.map((column, index) =>
                column.isRowHeader ? (
                  <Table.Th key={index} scope="row" fw="normal" visibleFrom={column.visibleFrom} ta={column.align}>
                    {column.cell(row)}
                  </Table.Th>
                ) : (
                  <Table.Td key={index} visibleFrom={column.visibleFrom} ta={column.align}>
                    {column.cell(row)}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
