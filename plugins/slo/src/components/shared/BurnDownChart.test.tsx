import { renderInTestApp } from '@backstage/frontend-test-utils';
import { BudgetPoint } from '@gogidix/plugin-slo-common';
import { screen } from '@testing-library/react';
import { BurnDownChart } from './BurnDownChart';

const point = (day: number, remaining: number): BudgetPoint => ({
  at: `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z`,
  remaining,
  sli: null,
});

describe('BurnDownChart', () => {
  it('says so with less than two points', async () => {
    await renderInTestApp(<BurnDownChart points={[point(1, 1)]} />);
    expect(
      screen.getByText('Not enough history for a burn-down yet.'),
    ).toBeInTheDocument();
  });

  it('keeps the minus sign on an overspent budget axis', async () => {
    const { container } = await renderInTestApp(
      <div style={{ width: 600 }}>
        <BurnDownChart
          points={[point(1, 1), point(10, 0.2), point(20, -1.1)]}
        />
      </div>,
    );
    // The y axis' tick labels.
    const ticks = [...container.querySelectorAll('text')]
      .filter(tick => tick.getAttribute('orientation') === 'left')
      .map(tick => tick.textContent);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.some(tick => tick?.startsWith('\u2212'))).toBe(true);
    expect(ticks.filter(tick => tick?.includes('-'))).toEqual([]);
    // Every negative tick is written with the minus sign and the percent.
    for (const tick of ticks) expect(tick).toMatch(/^\u2212?\d+%$/);
  });
});
