import { DataTable } from './data-table';

/** A line of an uploaded file that cannot be used, and why. */
export type CsvProblem = { line: number; column?: string | null; message: string };

/** The lines of an uploaded file that need fixing, as a named table. */
export function CsvProblems({ problems, label }: { problems: readonly CsvProblem[]; label: string }) {
  return (
    <DataTable
      rows={problems}
      rowKey={(p) => `${p.line}-${p.column ?? ''}-${p.message}`}
      label={label}
      minWidth={360}
      bordered
      columns={[
        { header: 'Line', cell: (p) => p.line, width: 70 },
        { header: 'Column', cell: (p) => p.column ?? '—' },
        { header: 'Problem', cell: (p) => p.message },
      ]}
    />
  );
}
