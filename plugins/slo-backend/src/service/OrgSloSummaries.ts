import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  OrgSloSummary,
  sloOrgReadPermission,
} from '@gogidix/plugin-slo-common';
import {
  actorRef,
  CachedLoader,
  scopeTeams,
  visibleTeams,
} from '@gogidix/portal-node';
import { SloStore } from '../database/SloStore';
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
  readonly summary: (
    credentials: BackstageCredentials,
    query: { owner?: unknown; tier?: unknown },
  ) => Promise<
    OrgSloSummary & { filters: { owners: string[]; tiers: string[] } }
  >;

  constructor(options: {
    permissions: PermissionsService;
    store: SloStore;
    now: () => Date;
  }) {
    const { permissions, store, now } = options;
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

    const summary = async (
      credentials: BackstageCredentials,
      query: { owner?: unknown; tier?: unknown },
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
      if (scope.owners.length === 0) return orgSummary([], [], filters);
      // Keyed by the allowed scope, not the caller: callers who may see the
      // same teams share the summary, no one gets another scope's.
      const computed = await summaries.get(JSON.stringify(scope), async () => {
        const since = new Date(now().getTime() - TREND_DAYS * 86400_000);
        const [stored, trend] = await Promise.all([
          store.listSlos(scope),
          store.dailyStatusCounts(scope, since),
        ]);
        return orgSummary(stored, trend, scope);
      });
      return { ...computed, filters };
    };

    this.summary = summary;
  }
}
