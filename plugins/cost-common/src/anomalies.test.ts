import { CostDay, detectAnomalies } from './anomalies';

function days(totals: number[], spikeAt?: number): CostDay[] {
  return totals.map((total, i) => {
    const date = new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10);
    const base = [
      { service: 'listings-service', category: 'Compute', cost: total * 0.6 },
      { service: 'search-service', category: 'Databases', cost: total * 0.4 },
    ];
    if (i === spikeAt) {
      return {
        date,
        total: total + 80,
        parts: [
          ...base,
          { service: 'search-service', category: 'Analytics', cost: 80 },
        ],
      };
    }
    return { date, total, parts: base };
  });
}

const noisy = [100, 104, 97, 101, 99, 103, 98, 102, 100, 96, 105, 99, 101, 100];

describe('detectAnomalies', () => {
  it('finds a spike and names the service and category that moved', () => {
    const series = days([...noisy, 100, 101], 14);
    expect(detectAnomalies(series)).toEqual([
      {
        date: '2026-10-15',
        actual: 180,
        expected: 100,
        deviation: 80,
        service: 'search-service',
        category: 'Analytics',
        serviceDelta: 80,
      },
    ]);
  });

  it('finds a drop and names what fell most', () => {
    const series = days([...noisy, 100]);
    series[14] = {
      date: series[14].date,
      total: 40,
      parts: [
        { service: 'listings-service', category: 'Compute', cost: 0 },
        { service: 'search-service', category: 'Databases', cost: 40 },
      ],
    };
    const [drop] = detectAnomalies(series);
    expect(drop).toMatchObject({
      date: '2026-10-15',
      deviation: -60,
      service: 'listings-service',
      category: 'Compute',
    });
  });

  it.each([
    ['ordinary noise', days([...noisy, 106, 95])],
    ['fewer days than the baseline', days([100, 100, 300])],
    ['a flat series', days(Array(20).fill(50))],
    ['a jump below the relative floor', days([...Array(14).fill(100), 110])],
  ])('stays quiet on %s', (_, series) => {
    expect(detectAnomalies(series)).toEqual([]);
  });

  it('is not blinded by an earlier spike in the baseline', () => {
    const series = days([...noisy, 100, 100, 100, 100, 100, 100, 100], 14);
    const second = days([...noisy, 100, 100, 100, 100, 100, 100, 100], 20)[20];
    series[20] = second;
    const found = detectAnomalies(series).map(a => a.date);
    expect(found).toEqual(['2026-10-15', '2026-10-21']);
  });
});
