import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { StartupIndexingRunner } from './startupIndexing';

describe('StartupIndexingRunner', () => {
  function setUp(counts: number[], busy: number[] = []) {
    let clock = 0;
    let look = 0;
    const scheduler = mockServices.scheduler.mock();
    const triggeredAt: number[] = [];
    scheduler.triggerTask.mockImplementation(async () => {
      if (busy.includes(look)) throw new ConflictError('running');
      triggeredAt.push(look);
    });
    const runner = new StartupIndexingRunner({
      runner: { run: jest.fn(async () => {}) },
      scheduler,
      logger: mockServices.logger.mock(),
      countEntities: async () => counts[look - 1] ?? counts[counts.length - 1],
      watchMs: counts.length * 10,
      everyMs: 10,
      sleep: async ms => {
        clock += ms;
        look += 1;
      },
      now: () => clock,
    });
    return { runner, scheduler, triggeredAt };
  }

  it.each([
    ['the catalog fills in over three looks', [0, 12, 30, 30, 30], [2, 3]],
    ['the catalog is ready at the first look', [30, 30, 30], [1]],
    ['no entity declares runbooks', [0, 0, 0], []],
    ['a count that drops does not trigger', [20, 5, 20], [1]],
  ])('%s: counts %j trigger at looks %j', async (_, counts, expected) => {
    const { runner, triggeredAt } = setUp(counts);
    await runner.watch('search_index_runbook');
    expect(triggeredAt).toEqual(expected);
  });

  it('stops watching when the backend shuts down', async () => {
    let looks = 0;
    const scheduler = mockServices.scheduler.mock();
    const runner = new StartupIndexingRunner({
      runner: { run: jest.fn(async () => {}) },
      scheduler,
      logger: mockServices.logger.mock(),
      countEntities: async () => 5,
      watchMs: 1000,
      everyMs: 10,
      stopped: () => looks >= 2,
      sleep: async () => {
        looks += 1;
      },
      now: () => 0,
    });
    await runner.watch('search_index_runbook');
    expect(looks).toBe(2);
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(1);
  });

  it('tries again at the next look when the task is running', async () => {
    const { runner, triggeredAt } = setUp([10, 10, 10], [1]);
    await runner.watch('search_index_runbook');
    expect(triggeredAt).toEqual([2]);
  });
});
