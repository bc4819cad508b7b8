import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { ChartCard } from './chart-card';

const rows = [
  { month: '2026-10', done: 3 },
  { month: '2026-11', done: 5 },
];

function card(table?: 'hidden' | 'details') {
  return (
    <ChartCard
      headingId="done-heading"
      title="Done by month"
      emptyText="Nothing done yet."
      rows={rows}
      rowKey={(r) => r.month}
      chart={<svg data-testid="chart" />}
      headers={['Month', 'Done']}
      cells={(r) => [r.month, r.done]}
      {...(table ? { table } : {})}
    />
  );
}

describe('ChartCard', () => {
  it('hides the chart from screen readers and gives them a table of the same figures', () => {
    renderWithProviders(card());
    expect(screen.getByRole('region', { name: 'Done by month' })).toBeInTheDocument();
    expect(screen.getByTestId('chart').parentElement).toHaveAttribute('aria-hidden');
    const table = screen.getByRole('table', { name: 'Done by month' });
    expect(
      within(table)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['2026-10', '3', '2026-11', '5']);
    expect(screen.queryByText('Show as a table')).toBeNull();
  });

  it('puts the table under "Show as a table" when asked', () => {
    renderWithProviders(card('details'));
    const summary = screen.getByText('Show as a table');
    expect(summary.closest('details')).toContainElement(screen.getByRole('table', { name: 'Done by month' }));
  });

  it('says so when there is nothing to chart yet', () => {
    renderWithProviders(
      <ChartCard
        headingId="empty-heading"
        title="Done by month"
        emptyText="Nothing done yet."
        rows={[]}
        rowKey={() => ''}
        chart={<svg data-testid="chart" />}
        headers={['Month', 'Done']}
        cells={() => []}
      />,
    );
    expect(screen.getByText('Nothing done yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByTestId('chart')).toBeNull();
  });
});
