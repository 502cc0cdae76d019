import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  NO_SLI_SOURCE_NOTICE,
  OrgSloSummary,
  SliSourceKind,
  sloOrgReadPermission,
} from '@gogidix/plugin-slo-common';
import {
  actorRef,
  CachedLoader,
  scopeTeams,
  visibleTeams,
} from '@gogidix/portal-node';
import { SloStore, StoredSlo } from '../database/SloStore';
import { orgSummary } from './orgSummary';

const TREND_DAYS = 90;

/**
 * How long a caller's team decisions and a computed org summary are reused.
 * Snapshots land every few minutes, so a new snapshot, a new team or a
 * changed permission shows on the org page within this bound.
 */
export const SUMMARY_CACHE_SECONDS = 10;

interface VisibleOwners {
  all: string[];
  visible: string[];
}

/**
 * Whom permission decisions are about: the user, or the calling service,
 * and the service acting for the user, if any.
 */
function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as { actor?: { subject: string } };
  return JSON.stringify([
    actorRef(credentials),
    principal.actor?.subject ?? '',
  ]);
}

const asList = (value: unknown): string[] =>
  value === undefined
    ? []
    : (Array.isArray(value) ? value : [value]).map(String);

/**
 * The org SLO summary as one caller may read it: the caller's team
 * decisions, the owners and each computed scope are kept for
 * SUMMARY_CACHE_SECONDS.
 */
export class OrgSloSummaries {
  /** The summary now, or as of `at` (already checked by the router). */
  readonly summary: (
    credentials: BackstageCredentials,
    query: { owner?: unknown; tier?: unknown },
    at?: Date,
  ) => Promise<
    OrgSloSummary & { filters: { owners: string[]; tiers: string[] } }
  >;

  constructor(options: {
    permissions: PermissionsService;
    store: SloStore;
    now: () => Date;
    sliSource: SliSourceKind;
  }) {
    const { permissions, store, now, sliSource } = options;
    const cached = {
      // Served while younger than the bound: a value is at most 1 ms short of it.
      ttlMs: SUMMARY_CACHE_SECONDS * 1000 - 1,
      now: () => now().getTime(),
    };
    const owners = new CachedLoader<string[]>({ ...cached, maxEntries: 1 });
    const decisions = new CachedLoader<VisibleOwners>({
      ...cached,
      maxEntries: 10_000,
    });
    // One entry per scope (a set of teams and tiers), at most an org's size each.
    const summaries = new CachedLoader<OrgSloSummary>({
      ...cached,
      maxEntries: 100,
    });

    /**
     * The owners (teams) the caller may see, among all owners of an SLO:
     * one batch of `slo.org.read` checks with each owner as the resource,
     * kept per caller for SUMMARY_CACHE_SECONDS.
     */
    const visibleOwners = (credentials: BackstageCredentials) =>
      decisions.get(callerKey(credentials), async () => {
        const all = await owners.get('', () => store.listOwners());
        const visible = await visibleTeams({
          permissions,
          credentials,
          permission: sloOrgReadPermission,
          teams: all,
        });
        return { all, visible };
      });

    /**
     * The SLOs of a scope as of `at`: each with its last snapshot at or
     * before it instead of its latest evaluation. With no SLI source,
     * none is shown: stored values may be an earlier run's demo figures.
     */
    const slosAsOf = async (
      scope: { owners: string[]; tiers: string[] },
      at: Date | undefined,
    ): Promise<StoredSlo[]> => {
      const stored = await store.listSlos(scope);
      if (sliSource === 'none') return stored.map(({ latest, ...s }) => s);
      if (!at) return stored;
      const snapshots = await store.latestSnapshots(
        stored.map(s => s.slo.id),
        at,
      );
      return stored.map(({ latest, ...s }) => {
        const snapshot = snapshots.get(s.slo.id);
        return snapshot ? { ...s, latest: snapshot } : s;
      });
    };

    const summary = async (
      credentials: BackstageCredentials,
      query: { owner?: unknown; tier?: unknown },
      at?: Date,
    ) => {
      const filters = {
        owners: asList(query.owner),
        tiers: asList(query.tier),
      };
      const { all, visible } = await visibleOwners(credentials);
      const { shown } = scopeTeams(
        { teams: all, visible, requested: filters.owners },
        {
          noTeam: "Not allowed to read any team's SLOs",
          refused: denied =>
            `Not allowed to read the SLOs of ${denied.join(', ')}`,
        },
      );
      // The store is always asked for allowed teams by name, so a team that
      // appeared since the caller's decisions were taken stays out of sight.
      const scope = {
        owners: filters.owners.length ? [...shown].sort() : shown,
        tiers: [...filters.tiers].sort(),
      };
      const answer = (computed: OrgSloSummary) => ({
        ...computed,
        ...(at ? { at: at.toISOString() } : {}),
        ...(sliSource === 'none' ? { notice: NO_SLI_SOURCE_NOTICE } : {}),
        filters,
      });
      if (scope.owners.length === 0)
        return answer(orgSummary([], [], filters, sliSource));
      // Keyed by the allowed scope and moment, not the caller: callers who
      // may see the same teams share the summary, no one gets another scope's.
      const key = JSON.stringify({ ...scope, at: at?.toISOString() });
      const computed = await summaries.get(key, async () => {
        const until = at ?? now();
        const since = new Date(until.getTime() - TREND_DAYS * 86400_000);
        const [stored, trend] = await Promise.all([
          slosAsOf(scope, at),
          sliSource === 'none' ? [] : store.dailyStatusCounts(scope, since, at),
        ]);
        return orgSummary(stored, trend, scope, sliSource);
      });
      return answer(computed);
    };

    this.summary = summary;
  }
}
