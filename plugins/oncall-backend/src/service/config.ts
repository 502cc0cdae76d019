import { Config } from '@backstage/config';

export interface AlertmanagerSettings {
  baseUrl: string;
  serviceLabel: string;
  timeoutMs: number;
}

export interface PagerDutySettings {
  baseUrl: string;
  token: string;
  timeoutMs: number;
}

export interface OnCallSettings {
  alertmanager?: AlertmanagerSettings;
  pagerDuty?: PagerDutySettings;
}

/** The config keys an unconfigured card names, so people know what to set. */
export const CONFIG_KEYS = {
  alertmanager: 'onCall.alertmanager.baseUrl',
  pagerDuty: 'onCall.pagerDuty.token',
} as const;

const DEFAULT_TIMEOUT_MS = 5000;

/** Read once at start-up; a wrong value fails the backend with the key's name. */
export function readOnCallSettings(config: Config): OnCallSettings {
  const am = config.getOptionalConfig('onCall.alertmanager');
  const pd = config.getOptionalConfig('onCall.pagerDuty');
  return {
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
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
