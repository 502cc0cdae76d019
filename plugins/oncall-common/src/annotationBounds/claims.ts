import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ownerRefOf } from './ownership';

/**
 * An entity's annotation naming something that belongs to one owner only:
 * a PagerDuty service, a workload id, a Kubernetes namespace.
 */
export interface Claim {
  annotation: string;
  value: string;
  entityRef: string;
  /** The claiming entity's owner; claims are compared by owner, not entity. */
  owner: string;
}

/** `gogidix.claims` in app-config: who holds a value two owners claim. */
export interface ClaimResolution {
  annotation: string;
  value: string;
  owner: string;
}

export type ClaimVerdict =
  | { status: 'held' }
  | {
      status: 'contested';
      /** Every claimant, so both sides see who else claims the value. */
      claimants: Array<{ entityRef: string; owner: string }>;
      reason: string;
    }
  | { status: 'overruled'; holder: string; reason: string };

/** The claims an entity makes through the given annotations. */
export function claimsOf(entity: Entity, annotations: string[]): Claim[] {
  const owner = ownerRefOf(entity);
  const values = entity.metadata.annotations ?? {};
  const entityRef = stringifyEntityRef(entity);
  return annotations.flatMap(annotation => {
    const value = values[annotation]?.trim();
    return value && owner ? [{ annotation, value, entityRef, owner }] : [];
  });
}

const keyOf = (annotation: string, value: string) =>
  `${annotation}\u0000${value}`;

/**
 * Decides every claimed value at once. One owner claiming a value holds it.
 * Two or more owners contest it until `gogidix.claims` names the holder;
 * nobody wins by being first. A resolution also overrules a lone claimant
 * who is not the named holder.
 */
export class ClaimBook {
  readonly #claims = new Map<string, Claim[]>();
  readonly #resolutions = new Map<string, string>();

  constructor(claims: Claim[], resolutions: ClaimResolution[] = []) {
    for (const claim of claims) {
      const key = keyOf(claim.annotation, claim.value);
      this.#claims.set(key, [...(this.#claims.get(key) ?? []), claim]);
    }
    for (const r of resolutions) {
      this.#resolutions.set(keyOf(r.annotation, r.value), r.owner);
    }
  }

  verdict(annotation: string, value: string, owner: string): ClaimVerdict {
    const key = keyOf(annotation, value);
    const holder = this.#resolutions.get(key);
    if (holder) {
      return holder === owner
        ? { status: 'held' }
        : {
            status: 'overruled',
            holder,
            reason: `${annotation} "${value}" belongs to ${holder} (gogidix.claims); remove it from this entity`,
          };
    }
    const claims = this.#claims.get(key) ?? [];
    const owners = new Set([owner, ...claims.map(c => c.owner)]);
    if (owners.size <= 1) {
      return { status: 'held' };
    }
    const claimants = claims
      .map(c => ({ entityRef: c.entityRef, owner: c.owner }))
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    return {
      status: 'contested',
      claimants,
      reason: `${annotation} "${value}" is claimed by ${claimants
        .map(c => `${c.entityRef} (${c.owner})`)
        .join(
          ' and ',
        )}; until one removes it, or gogidix.claims in app-config names the holder, it counts for neither`,
    };
  }

  /** Every contested value, for pages that list conflicts. */
  contested(): Array<{
    annotation: string;
    value: string;
    verdict: ClaimVerdict;
  }> {
    return [...this.#claims.values()].flatMap(([first]) => {
      const verdict = this.verdict(first.annotation, first.value, first.owner);
      return verdict.status === 'contested'
        ? [{ annotation: first.annotation, value: first.value, verdict }]
        : [];
    });
  }
}

/**
 * Reads `gogidix.claims` (already validated against config.d.ts): a list of
 * `{ annotation, value, owner }`; the owner must be a full group ref.
 */
export function parseClaimResolutions(
  entries: Array<{ annotation: string; value: string; owner: string }>,
): ClaimResolution[] {
  const seen = new Set<string>();
  return entries.map(({ annotation, value, owner }, i) => {
    if (!/^[a-z]+:[^/]+\/.+$/i.test(owner)) {
      throw new Error(
        `gogidix.claims[${i}].owner must be a full entity ref such as group:default/payments, not "${owner}"`,
      );
    }
    const key = keyOf(annotation, value);
    if (seen.has(key)) {
      throw new Error(
        `gogidix.claims names ${annotation} "${value}" twice; keep one holder`,
      );
    }
    seen.add(key);
    return { annotation, value, owner: owner.toLowerCase() };
  });
}
