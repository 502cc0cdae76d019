import { LoggerService } from '@backstage/backend-plugin-api';
import { WorkloadAllocation } from '@gogidix/plugin-cost-common';
import { CostStore } from '../database/CostStore';
import { loadDemoCost } from '../demo/loadDemo';

/**
 * The cost plugin's scheduled work: the demo bill, loaded again each day so
 * that it keeps reaching yesterday, and OpenCost's allocations of the last
 * days. plugin.ts only schedules these.
 */
export class CostTasks {
  constructor(
    private readonly options: {
      store: CostStore;
      logger: LoggerService;
      /** OpenCost's daily allocations over a window such as `3d`. */
      openCost?: {
        dailyAllocations(window: string): Promise<WorkloadAllocation[]>;
      };
      now?: () => Date;
    },
  ) {}

  /** Generates and imports the demo bill and allocations up to yesterday. */
  async loadDemo(): Promise<void> {
    const today = (this.options.now?.() ?? new Date())
      .toISOString()
      .slice(0, 10);
    const loaded = await loadDemoCost(this.options.store, today);
    this.options.logger.info(
      `Loaded the demo cost data: ${loaded.rows} FOCUS rows, ${loaded.allocations} OpenCost allocations`,
    );
  }

  /**
   * Replaces the stored allocations with OpenCost's last three days, so
   * that a missed run or a late day is filled in.
   */
  async syncOpenCost(): Promise<void> {
    const { openCost, store, logger } = this.options;
    if (!openCost) {
      throw new Error('No cost.opencost configured: nothing to sync');
    }
    const allocations = await openCost.dailyAllocations('3d');
    await store.replaceAllocations(allocations);
    logger.info(`Stored ${allocations.length} OpenCost allocations`);
  }
}
