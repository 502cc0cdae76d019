import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { LEAD_ANNOTATION } from '@gogidix/portal-common';

/** `gogidix.roles`, read and checked once at start-up. */
export interface RoleSettings {
  /** Group refs whose members (or members of groups below) are platform admins. */
  platformAdmins: string[];
  /** Group refs whose members (or members of groups below) are on call. */
  onCall: string[];
  /** The group annotation that names the group's manager. */
  managerAnnotation: string;
  /** How long the group tree is reused, in milliseconds. */
  groupCacheMs: number;
}

const MAX_CACHE_SECONDS = 600;

function groupRefs(config: Config, key: string): string[] {
  return config.getStringArray(key).map((value, index) => {
    let ref;
    try {
      ref = parseEntityRef(value, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      });
    } catch (error) {
      throw new Error(
        `gogidix.roles.${key}[${index}]: ${(error as Error).message}`,
      );
    }
    if (ref.kind !== 'group') {
      throw new Error(
        `gogidix.roles.${key}[${index}]: "${value}" is not a group; name a group such as group:default/platform-admins`,
      );
    }
    return stringifyEntityRef(ref);
  });
}

export function readRoleSettings(root: Config): RoleSettings {
  const config = root.getOptionalConfig('gogidix.roles');
  if (!config) {
    throw new Error(
      'gogidix.roles is not set: name the platformAdmins and onCall groups (see README, "Roles")',
    );
  }
  const seconds = config.getOptionalNumber('groupCacheSeconds') ?? 60;
  if (!(seconds >= 0 && seconds <= MAX_CACHE_SECONDS)) {
    throw new Error(
      `gogidix.roles.groupCacheSeconds: must be from 0 to ${MAX_CACHE_SECONDS}, got ${seconds}`,
    );
  }
  return {
    platformAdmins: groupRefs(config, 'platformAdmins'),
    onCall: groupRefs(config, 'onCall'),
    managerAnnotation:
      config.getOptionalString('managerAnnotation') ?? LEAD_ANNOTATION,
    groupCacheMs: seconds * 1000,
  };
}
