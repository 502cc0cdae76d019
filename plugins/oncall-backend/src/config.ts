import { Config } from '@backstage/config';
import {
  ClaimResolution,
  DEFAULT_VAULT_TEAM_PATH_PREFIX,
  parseClaimResolutions,
} from '@gogidix/plugin-oncall-common';

export interface AlertmanagerSettings {
  baseUrl: string;
  serviceLabel: string;
  timeoutMs: number;
  /** How errors name the source; default `Alertmanager at <baseUrl>`. */
  sourceName?: string;
  headers?: Record<string, string>;
  /** Where the credential in `headers` is configured, for a 401 or 403. */
  credential?: string;
}

export interface GrafanaInstanceSettings {
  name: string;
  baseUrl: string;
  /**
   * Where people open dashboards; default `baseUrl`. Absent for the demo
   * stand-in, which has no UI: dashboards are then named, not linked.
   */
  publicUrl?: string;
  token: string;
  timeoutMs: number;
}

export interface PagerDutySettings {
  baseUrl: string;
  token: string;
  timeoutMs: number;
}

export interface VaultSettings {
  baseUrl: string;
  /**
   * Where people open Vault's UI; default `baseUrl`. Absent for the demo
   * stand-in, which has no UI: secrets are then named, not linked.
   */
  publicUrl?: string;
  token: string;
  /** The KV version 2 mount, default `secret`; the only one listed. */
  mount: string;
  /** Where a team's secrets sit in the mount; `{team}` is the owner's name. */
  teamPathPrefix: string;
  timeoutMs: number;
}

export interface OnCallConfig {
  /**
   * `onCall.demo`: PagerDuty, Grafana and Vault stand-ins serve the demo
   * organisation wherever those sources are not configured. Never in production.
   */
  demo: boolean;
  alertmanager?: AlertmanagerSettings;
  pagerDuty?: PagerDutySettings;
  grafana: GrafanaInstanceSettings[];
  vault?: VaultSettings;
  /** `gogidix.claims`: who holds a value two owners claim. */
  claims: ClaimResolution[];
}

/** The config keys an unconfigured card names, so people know what to set. */
export const CONFIG_KEYS = {
  alertmanager: 'onCall.alertmanager.baseUrl',
  pagerDuty: 'onCall.pagerDuty.token',
  grafana: 'onCall.grafana.instances',
  vault: 'onCall.vault.token',
} as const;

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Read once at start-up; a wrong value fails the backend with the key's
 * name. `env` is the process environment, to refuse demo data in production.
 */
export function readOnCallConfig(
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
): OnCallConfig {
  const demo = config.getOptionalBoolean('onCall.demo') ?? false;
  if (demo && env.NODE_ENV === 'production') {
    throw new Error(
      'onCall.demo is on under NODE_ENV=production: it serves made-up on-call schedules, incidents, dashboards and secret names. Remove onCall.demo (app-config.production.yaml sets it to false) and configure onCall.pagerDuty, onCall.grafana and onCall.vault',
    );
  }
  const am = config.getOptionalConfig('onCall.alertmanager');
  const pd = config.getOptionalConfig('onCall.pagerDuty');
  const vault = config.getOptionalConfig('onCall.vault');
  return {
    demo,
    alertmanager: am && {
      baseUrl: trimSlash(am.getString('baseUrl')),
      serviceLabel: am.getOptionalString('serviceLabel') ?? 'service',
      timeoutMs: am.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS,
    },
    pagerDuty: pd && {
      baseUrl: trimSlash(
        pd.getOptionalString('baseUrl') ?? 'https://api.pagerduty.com',
      ),
      token: pd.getString('token'),
      timeoutMs: pd.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS,
    },
    vault: vault && {
      baseUrl: trimSlash(vault.getString('baseUrl')),
      publicUrl: trimSlash(
        vault.getOptionalString('publicUrl') ?? vault.getString('baseUrl'),
      ),
      token: vault.getString('token'),
      mount: vault.getOptionalString('mount') ?? 'secret',
      teamPathPrefix: teamPathPrefix(vault),
      timeoutMs: vault.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS,
    },
    claims: readClaimResolutions(config),
    grafana: (
      config.getOptionalConfigArray('onCall.grafana.instances') ?? []
    ).map(instance => {
      const baseUrl = trimSlash(instance.getString('baseUrl'));
      return {
        name: instance.getString('name'),
        baseUrl,
        publicUrl: trimSlash(
          instance.getOptionalString('publicUrl') ?? baseUrl,
        ),
        token: instance.getString('token'),
        timeoutMs:
          instance.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS,
      };
    }),
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function teamPathPrefix(vault: Config): string {
  const template =
    vault.getOptionalString('teamPathPrefix') ?? DEFAULT_VAULT_TEAM_PATH_PREFIX;
  if (!template.includes('{team}')) {
    throw new Error(
      `onCall.vault.teamPathPrefix must contain {team}, e.g. ${DEFAULT_VAULT_TEAM_PATH_PREFIX}`,
    );
  }
  return template;
}

/** `gogidix.claims`, shared with the cost backend, which reads it as well. */
export function readClaimResolutions(config: Config): ClaimResolution[] {
  return parseClaimResolutions(
    (config.getOptionalConfigArray('gogidix.claims') ?? []).map(entry => ({
      annotation: entry.getString('annotation'),
      value: entry.getString('value'),
      owner: entry.getString('owner'),
    })),
  );
}
