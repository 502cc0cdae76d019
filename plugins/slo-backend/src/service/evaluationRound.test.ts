import { EvaluationRound } from './evaluationRound';

const NOW = new Date('2026-03-01T10:00:00Z');

function setup(options: { changed: number; feed: boolean }) {
  const calls: string[] = [];
  const service = {
    refreshDefinitions: jest.fn(async () => {
      calls.push('refreshDefinitions');
      return options.changed;
    }),
    backfillHistory: jest.fn(async (at: Date, days: number) => {
      calls.push(`backfillHistory ${at.toISOString()} ${days}`);
      return 0;
    }),
    evaluateAll: jest.fn(async (at: Date) => {
      calls.push(`evaluateAll ${at.toISOString()}`);
      return [];
    }),
  };
  const feed = {
    catchUp: jest.fn(async (at: Date) => {
      calls.push(`catchUp ${at.toISOString()}`);
      return 0;
    }),
  };
  const round = new EvaluationRound({
    service,
    feed: options.feed ? feed : undefined,
    historyDays: 30,
    now: () => NOW,
  });
  return { round, calls };
}

describe('EvaluationRound', () => {
  it('snapshot: reads definitions, feeds the demo, back-fills, evaluates', async () => {
    const { round, calls } = setup({ changed: 0, feed: true });
    await round.snapshot();
    expect(calls).toEqual([
      'refreshDefinitions',
      `catchUp ${NOW.toISOString()}`,
      `backfillHistory ${NOW.toISOString()} 30`,
      `evaluateAll ${NOW.toISOString()}`,
    ]);
  });

  it('snapshot without the demo feed (Prometheus) skips the feed', async () => {
    const { round, calls } = setup({ changed: 0, feed: false });
    await round.snapshot();
    expect(calls).toEqual([
      'refreshDefinitions',
      `backfillHistory ${NOW.toISOString()} 30`,
      `evaluateAll ${NOW.toISOString()}`,
    ]);
  });

  it('minute round: evaluates when a definition changed', async () => {
    const { round, calls } = setup({ changed: 2, feed: true });
    await round.refreshDefinitions();
    expect(calls).toContain(`evaluateAll ${NOW.toISOString()}`);
  });

  it('minute round: only keeps the demo feed up when nothing changed', async () => {
    const { round, calls } = setup({ changed: 0, feed: true });
    await round.refreshDefinitions();
    expect(calls).toEqual([
      'refreshDefinitions',
      `catchUp ${NOW.toISOString()}`,
    ]);
  });
});
