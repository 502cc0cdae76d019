/** The default `onCall.vault.teamPathPrefix`: a team's secrets sit under its name. */
export const DEFAULT_VAULT_TEAM_PATH_PREFIX = '{team}/';

export type VaultPathVerdict =
  | { status: 'allowed' }
  | { status: 'refused'; reason: string };

/**
 * Whether a `vault.io/secrets-path` entry is under the owner's prefix: the
 * template with `{team}` replaced by the owner's name, compared segment by
 * segment so `payments-old/` is not under `payments/`. Only names are
 * compared; the path was cleaned of `..` and empty segments before.
 */
export function vaultPathVerdict(
  path: string,
  options: { team: string | undefined; prefixTemplate: string },
): VaultPathVerdict {
  const { team, prefixTemplate } = options;
  if (!team) {
    return {
      status: 'refused',
      reason: `vault.io/secrets-path needs an owner (spec.owner) to bound it; set spec.owner`,
    };
  }
  const prefix = segments(prefixTemplate.split('{team}').join(team));
  const given = segments(path);
  const inside =
    given.length >= prefix.length && prefix.every((s, i) => given[i] === s);
  return inside
    ? { status: 'allowed' }
    : {
        status: 'refused',
        reason: `vault.io/secrets-path "${path}" is outside ${team}'s secrets; use a path under ${prefix.join(
          '/',
        )}/`,
      };
}

function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}
