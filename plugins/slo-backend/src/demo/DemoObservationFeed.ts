import { LoggerService } from '@backstage/backend-plugin-api';
import { SliObservation, SloStore } from '../database/SloStore';
import { formatObservations, parseObservations } from '../service/openMetrics';
import { generateDemoObservations } from '@gogidix/demo-observability';

const DAY = 86400;
/** Fine-grained history (every 5 minutes): what short burn-rate windows need. */
export const FINE_STEP = 300;
/** Older history, hourly: enough for the 28/30-day periods of back-filled snapshots. */
export const COARSE_STEP = 3600;

/** A document read from disk (the demo catalog), not from a repository URL. */
export function isLocalDocument(source: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}

/**
 * The embedded SLI source for a portal without Prometheus: writes the demo
 * organisation's observations as OpenMetrics text and ingests that text
 * into the store, the same format Prometheus is backfilled from. Each round
 * extends the series up to now.
 */
export class DemoObservationFeed {
  constructor(
    private readonly store: SloStore,
    private readonly logger: LoggerService,
    private readonly fineDays = 30,
    private readonly coarseDays = 30,
  ) {}

  async catchUp(now: Date): Promise<number> {
    // Only the demo organisation's documents (files on this machine) get a
    // generated history; a service published to a repository shows "no data"
    // until a real Prometheus is configured, never invented figures.
    const slos = (await this.store.listSlos())
      .map(s => s.slo)
      .filter(slo => isLocalDocument(slo.source));
    const to = Math.floor(now.getTime() / 1000 / FINE_STEP) * FINE_STEP;
    const fineFrom = to - this.fineDays * DAY;
    const latest = await this.store.latestObservationTs();
    const previous = new Map<string, SliObservation>();
    if (latest !== undefined) {
      const found = await this.store.observationsAtOrBefore(
        [latest],
        this.coarseDays * DAY,
      );
      for (const o of found.get(latest) ?? []) previous.set(o.sloId, o);
    }
    let ingested = 0;
    for (const slo of slos) {
      const last = previous.get(slo.id);
      const generated: SliObservation[] = [];
      if (!last) {
        generated.push(
          ...generateDemoObservations([slo], {
            from: fineFrom - this.coarseDays * DAY,
            to: fineFrom - COARSE_STEP,
            stepSeconds: COARSE_STEP,
          }),
        );
      }
      const before = last ?? generated[generated.length - 1];
      generated.push(
        ...generateDemoObservations([slo], {
          from: Math.max(fineFrom, (before?.ts ?? 0) + FINE_STEP),
          to,
          stepSeconds: FINE_STEP,
          ...(before ? { previous: new Map([[slo.id, before]]) } : {}),
        }),
      );
      if (generated.length === 0) continue;
      // Through the text format on purpose: the demo takes the ingest path
      // real OpenMetrics files take.
      const observations = parseObservations(formatObservations(generated));
      await this.store.insertObservations(observations);
      ingested += observations.length;
    }
    if (ingested > 0)
      this.logger.info(`Ingested ${ingested} demo SLI observations`);
    return ingested;
  }
}
