import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LearningStats } from '../../api/types';
import { renderWithProviders } from '../../test/render';
import DashboardCharts from './dashboard-charts';

const stats = {
  enrolmentsByWeek: [{ week: '2026-11-02', enrolments: 4, completions: 1 }],
  quizzes: [{ title: 'Safety basics', programme: 'First aid', attempts: 9, passRate: 0.756 }],
} as unknown as LearningStats;

describe('DashboardCharts', () => {
  it('gives each chart a table of the same figures for screen readers', () => {
    renderWithProviders(<DashboardCharts stats={stats} />);
    const weekly = screen.getByRole('table', { name: 'Enrolments and completions by week' });
    expect(
      within(weekly)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Week of', 'Enrolments', 'Completions']);
    expect(
      within(weekly)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['2 Nov', '4', '1']);
    const quiz = screen.getByRole('table', { name: 'Pass rate per quiz' });
    expect(
      within(quiz)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Safety basics', 'First aid', '9', '76%']);
  });

  it('says so when there is nothing to chart yet', () => {
    renderWithProviders(<DashboardCharts stats={{ ...stats, enrolmentsByWeek: [], quizzes: [] }} />);
    expect(screen.getByText('No enrolments yet.')).toBeInTheDocument();
    expect(screen.getByText('No quiz attempts yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
