import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { LRUCache } from 'lru-cache';

interface Decision {
  allowed: Promise<boolean>;
  bornAt: number;
}

/**
 * Whether a caller may read every catalog entity, asked exactly as the
 * catalog asks (`authorizeConditional` for `catalog.entity.read`). Only an
 * unconditional ALLOW counts: a conditional decision or a DENY means the
 * catalog must filter for this caller, so the cache must not answer.
 *
 * A user's decision is reused for `maxAgeMs`, keyed by the user entity ref
 * (never by the token): asking the permission backend is an HTTP round trip
 * per request. A service principal's decision is computed in process from
 * its access restrictions, so it is asked every time.
 */
export class ReadDecisions {
  private readonly decisions: LRUCache<string, Decision>;
  private readonly now: () => number;

  constructor(
    private readonly deps: {
      auth: AuthService;
      permissions: PermissionsService;
      maxAgeMs: number;
      maxPrincipals?: number;
      now?: () => number;
    },
  ) {
    this.now = deps.now ?? (() => performance.now());
    this.decisions = new LRUCache({ max: deps.maxPrincipals ?? 10_000 });
  }

  async mayReadEverything(credentials: BackstageCredentials): Promise<boolean> {
    const { auth } = this.deps;
    if (auth.isPrincipal(credentials, 'service')) {
      return this.ask(credentials);
    }
    if (!auth.isPrincipal(credentials, 'user')) {
      return false;
    }
    const key = `user:${credentials.principal.userEntityRef}`;
    const known = this.decisions.get(key);
    if (known && this.now() - known.bornAt < this.deps.maxAgeMs) {
      return known.allowed;
    }
    const decision: Decision = {
      allowed: this.ask(credentials),
      bornAt: this.now(),
    };
    this.decisions.set(key, decision);
    return decision.allowed;
  }

  private async ask(credentials: BackstageCredentials): Promise<boolean> {
    try {
      const [decision] = await this.deps.permissions.authorizeConditional(
        [{ permission: catalogEntityReadPermission }],
        { credentials },
      );
      return decision.result === AuthorizeResult.ALLOW;
    } catch {
      // The catalog will ask again and report the failure itself.
      return false;
    }
  }
}
