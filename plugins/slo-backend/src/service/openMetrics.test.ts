import { formatObservations, parseObservations } from './openMetrics';

describe('OpenMetrics observations', () => {
  const observations = [
    { sloId: 'b', ts: 1700000300, good: 99, total: 100 },
    { sloId: 'a', ts: 1700000000, good: 10, total: 10 },
    { sloId: 'a', ts: 1700000300, good: 19, total: 20 },
  ];

  it('round-trips through the text format, grouped by family and in time order', () => {
    const text = formatObservations(observations);
    expect(text.split('\n').slice(0, 5)).toEqual([
      '# TYPE slo_good_events counter',
      '# HELP slo_good_events Good events (requests, or good timeslices) of an SLO.',
      'slo_good_events_total{slo_id="a"} 10 1700000000',
      'slo_good_events_total{slo_id="a"} 19 1700000300',
      'slo_good_events_total{slo_id="b"} 99 1700000300',
    ]);
    expect(text.endsWith('# EOF\n')).toBe(true);
    expect(parseObservations(text)).toEqual(
      expect.arrayContaining(observations),
    );
    expect(parseObservations(text)).toHaveLength(3);
  });

  it.each([
    [
      'no # EOF',
      'slo_events_total{slo_id="a"} 1 1\nslo_good_events_total{slo_id="a"} 1 1\n',
      /# EOF/,
    ],
    [
      'a sample without timestamp',
      'slo_events_total{slo_id="a"} 1\n# EOF\n',
      /line 1/,
    ],
    [
      'only one of the two counters',
      'slo_events_total{slo_id="a"} 1 1\n# EOF\n',
      /only one/,
    ],
    ['no slo_id', 'slo_events_total{service="a"} 1 1\n# EOF\n', /slo_id/],
  ])('rejects %s', (_, text, message) => {
    expect(() => parseObservations(text)).toThrow(message);
  });

  it('ignores other metric families', () => {
    expect(
      parseObservations('http_requests_total{code="200"} 5 1\n# EOF\n'),
    ).toEqual([]);
  });
});
