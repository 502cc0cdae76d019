import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';

export interface StartupIndexingOptions {
  /** The regular schedule, e.g. every 10 minutes. */
  runner: SchedulerServiceTaskRunner;
  scheduler: SchedulerService;
  logger: LoggerService;
  /** How many entities declare runbooks now. */
  countEntities: () => Promise<number>;
  /** How long after start the catalog is watched, and how often. */
  watchMs: number;
  everyMs: number;
  /** True once the backend shuts down: the watch ends with it. */
  stopped?: () => boolean;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Runs the collator on its regular schedule and, while the catalog fills in
 * after start, again each time more entities declare runbooks: the first
 * run comes before the catalog has read its locations, and without this
 * the runbooks would be searchable only at the next regular run.
 */
export class StartupIndexingRunner implements SchedulerServiceTaskRunner {
  constructor(private readonly options: StartupIndexingOptions) {}

  async run(task: SchedulerServiceTaskInvocationDefinition): Promise<void> {
    await this.options.runner.run(task);
    // In the background: the scheduler's run only schedules.
    this.watch(task.id).catch(error =>
      this.options.logger.warn(
        `Watching the catalog to index runbooks early stopped: ${error}`,
      ),
    );
  }

  /** Triggers the task whenever the count grows, until `watchMs` is over. */
  async watch(taskId: string): Promise<void> {
    const { scheduler, countEntities, watchMs, everyMs } = this.options;
    const sleep =
      this.options.sleep ??
      ((ms: number) => new Promise<void>(r => setTimeout(r, ms).unref()));
    const now = this.options.now ?? Date.now;
    const until = now() + watchMs;
    let indexed = 0;
    const stopped = this.options.stopped ?? (() => false);
    while (now() < until && !stopped()) {
      await sleep(everyMs);
      // A failed count is a look without news.
      const count = await countEntities().catch(() => 0);
      if (count > indexed) {
        try {
          await scheduler.triggerTask(taskId);
          indexed = count;
        } catch {
          // Running already: try again at the next look.
        }
      }
    }
  }
}
