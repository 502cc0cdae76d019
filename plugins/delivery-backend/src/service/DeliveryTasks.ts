import { LoggerService } from '@backstage/backend-plugin-api';
import { DeliveryStore } from '../database/DeliveryStore';
import { DeliverySource } from './sources/DeliverySource';

/** What one round of reading stored, per source; failed sources say why. */
export type ReadReport = Record<
  string,
  { deployments: number; incidents: number; alerts: number } | { error: string }
>;

const DAY_MS = 86_400_000;

/**
 * Reads every source over the look-back window and stores what it found.
 * Each source is read on its own: one that is down leaves the others'
 * events current, and its own stored events in place until it answers.
 */
export class DeliveryTasks {
  constructor(
    private readonly options: {
      store: DeliveryStore;
      sources: DeliverySource[];
      lookbackDays: number;
      logger: LoggerService;
      /** Called after each round, e.g. to compute the pages' rollups ahead of requests. */
      afterRead?: () => Promise<void>;
      now?: () => Date;
    },
  ) {}

  async readSources(): Promise<ReadReport> {
    const { store, sources, logger, lookbackDays } = this.options;
    const now = this.options.now?.() ?? new Date();
    const since = new Date(now.getTime() - lookbackDays * DAY_MS);
    const report: ReadReport = {};
    for (const source of sources) {
      try {
        const events = await source.read(since);
        await store.upsertDeployments(events.deployments);
        await store.upsertIncidents(events.incidents);
        await store.upsertAlerts(events.alerts);
        report[source.name] = {
          deployments: events.deployments.length,
          incidents: events.incidents.length,
          alerts: events.alerts.length,
        };
      } catch (error) {
        // The error names the source and what to check, never the token.
        logger.warn(
          `Reading ${source.name} failed: ${(error as Error).message}`,
        );
        report[source.name] = { error: (error as Error).message };
      }
    }
    logger.info(`Read delivery sources: ${JSON.stringify(report)}`);
    try {
      await this.options.afterRead?.();
    } catch (error) {
      // Pages still compute what is stale themselves, only slower.
      logger.warn(
        `Refreshing the delivery rollups failed: ${(error as Error).message}`,
      );
    }
    return report;
  }
}
