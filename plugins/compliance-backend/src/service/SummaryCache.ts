import {
  CampaignDay,
  ComplianceStore,
  DailyTeamCounts,
} from '../database/ComplianceStore';
import { RuleSet } from '../rules/ruleSet';
import { isActive } from './ComplianceService';
import { ComplianceDigest, complianceDigest } from './complianceDigest';
import { applyWaivers } from './resultsWithWaivers';

const TREND_DAYS = 90;
const DAY = 86400_000;

/** Everything the org page derives from, for every team; not yet filtered by permission. */
export interface SummarySource {
  digest: ComplianceDigest;
  /** Every team with an evaluated component, sorted. */
  teams: string[];
  trend: DailyTeamCounts[];
  campaignHistory: CampaignDay[];
  evaluatedAt: string | null;
}

/**
 * The org page's source, built once per round instead of per request.
 * Results only change when a round is stored or a waiver is created, and a
 * waiver's effect when it expires, so an entry is used while the store's
 * `resultsVersion` (read from the database on every request, so a round or
 * waiver of another instance counts too), the trend's first day and the
 * caller's time before the next waiver expiry all still hold: a new round,
 * waiver or expiry shows on the next request.
 *
 * The entry holds every team's data; callers apply their own team
 * permissions to it, so nothing here is shared by scope.
 */
export class SummaryCache {
  private entry?: {
    key: string;
    built: Promise<{ source: SummarySource; validUntil: number }>;
  };

  constructor(
    private readonly deps: { store: ComplianceStore; ruleSet: RuleSet },
  ) {}

  async get(now: Date): Promise<SummarySource> {
    const since = new Date(now.getTime() - TREND_DAYS * DAY)
      .toISOString()
      .slice(0, 10);
    const key = `${await this.deps.store.resultsVersion()} ${since}`;
    if (this.entry?.key === key) {
      const { source, validUntil } = await this.entry.built;
      if (now.getTime() < validUntil) return source;
    }
    const entry = { key, built: this.build(since, now) };
    this.entry = entry;
    entry.built.catch(() => {
      if (this.entry === entry) this.entry = undefined;
    });
    return (await entry.built).source;
  }

  private async build(since: string, now: Date) {
    const { store, ruleSet } = this.deps;
    const [results, waivers, trend, campaignHistory, evaluatedAt] =
      await Promise.all([
        store.latestResults(),
        store.listWaivers(),
        store.dailyTeamCounts(since),
        store.campaignHistory(since),
        store.latestRoundAt(),
      ]);
    const applied = applyWaivers(results, ruleSet, waivers, now);
    // The first active waiver to expire changes the results at that moment.
    const validUntil = waivers
      .filter(w => isActive(w, now))
      .reduce(
        (soonest, w) => Math.min(soonest, Date.parse(w.expiresAt)),
        Infinity,
      );
    const source: SummarySource = {
      digest: complianceDigest(applied, ruleSet),
      teams: [...new Set(results.map(r => r.team))].sort(),
      trend,
      campaignHistory,
      evaluatedAt: evaluatedAt ?? null,
    };
    return { source, validUntil };
  }
}
