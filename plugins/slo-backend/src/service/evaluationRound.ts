import { SloService } from './SloService';

/** What a round needs of the service, and of the demo feed when there is one. */
export interface EvaluationRoundDeps {
  service: Pick<
    SloService,
    'refreshDefinitions' | 'backfillHistory' | 'evaluateAll'
  >;
  /** The embedded demo observations; absent when Prometheus answers. */
  feed?: { catchUp(now: Date): Promise<unknown> };
  historyDays: number;
  now?: () => Date;
}

/**
 * The scheduled SLO work: the snapshot round re-reads the definitions and
 * evaluates every SLO; the minute round evaluates only when definitions
 * changed, so that a new SLO shows within a minute instead of at the next
 * snapshot.
 */
export class EvaluationRound {
  constructor(private readonly deps: EvaluationRoundDeps) {}

  /** Re-reads the OpenSLO documents, then evaluates and snapshots all SLOs. */
  async snapshot(): Promise<void> {
    await this.deps.service.refreshDefinitions();
    await this.evaluate();
  }

  /** Evaluates when the definitions changed; otherwise only feeds the demo. */
  async refreshDefinitions(): Promise<void> {
    if ((await this.deps.service.refreshDefinitions()) > 0) {
      await this.evaluate();
    } else {
      await this.deps.feed?.catchUp(this.now());
    }
  }

  private async evaluate(): Promise<void> {
    const now = this.now();
    await this.deps.feed?.catchUp(now);
    await this.deps.service.backfillHistory(now, this.deps.historyDays);
    await this.deps.service.evaluateAll(now);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
