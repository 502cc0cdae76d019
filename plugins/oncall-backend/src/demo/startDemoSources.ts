import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { randomBytes } from 'node:crypto';
import {
  GrafanaInstanceSettings,
  PagerDutySettings,
  VaultSettings,
} from '../config';
import { AlertmanagerClient } from '../service/AlertmanagerClient';
import { DemoEstate } from './demoEstate';
import { grafanaDemo } from './grafanaDemo';
import { startLoopbackServer } from '@gogidix/portal-node';
import { pagerDutyDemo, PortalLinks } from './pagerDutyDemo';
import { vaultDemo } from './vaultDemo';

/** The stand-ins `onCall.demo` starts, as settings for the real clients. */
export interface DemoSources {
  pagerDuty: PagerDutySettings;
  grafana: GrafanaInstanceSettings;
  vault: VaultSettings;
  stop(): Promise<void>;
}

const TIMEOUT_MS = 5000;

/** Links into the portal's own entity pages (`/catalog/:ns/:kind/:name`). */
export function portalLinks(portalBaseUrl: string): PortalLinks {
  const base = portalBaseUrl.replace(/\/+$/, '');
  return {
    entity(ref, tab) {
      const { kind, namespace, name } = parseEntityRef(ref);
      return `${base}/catalog/${encodeURIComponent(
        namespace,
      )}/${encodeURIComponent(
        kind.toLocaleLowerCase('en-US'),
      )}/${encodeURIComponent(name)}${tab ? `/${tab}` : ''}`;
    },
  };
}

/**
 * Starts PagerDuty, Grafana and Vault stand-ins on loopback ports the kernel
 * picks, serving the demo organisation through each product's documented
 * API, each with its own random credential. The portal reads them through
 * the same clients as the real products. Grafana and Vault have no UI here,
 * so their settings have no `publicUrl` and the cards show names, not links.
 */
export async function startDemoSources(options: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** The real Alertmanager, when configured: firing alerts become incidents. */
  alertmanager?: AlertmanagerClient;
  portalBaseUrl: string;
  now?: () => Date;
}): Promise<DemoSources> {
  const estate = new DemoEstate(options);
  const now = options.now ?? (() => new Date());
  const token = () => randomBytes(24).toString('hex');
  const tokens = { pagerDuty: token(), grafana: token(), vault: token() };
  const mount = 'secret';
  const { alertmanager } = options;

  const servers = await Promise.all([
    startLoopbackServer(
      pagerDutyDemo({
        token: tokens.pagerDuty,
        estate,
        links: portalLinks(options.portalBaseUrl),
        // PagerDuty keeps answering when Alertmanager is down; it just
        // hears of no new incidents.
        firingAlerts: alertmanager
          ? service =>
              alertmanager
                .firingAlerts([
                  `${alertmanager.serviceLabel}="${service.name}"`,
                ])
                .catch(error => {
                  options.logger.warn(
                    `onCall.demo: no PagerDuty incidents for ${service.name}: ${error}`,
                  );
                  return [];
                })
          : undefined,
        now,
      }),
    ),
    startLoopbackServer(grafanaDemo({ token: tokens.grafana, estate })),
    startLoopbackServer(vaultDemo({ token: tokens.vault, mount, estate })),
  ]);
  const [pagerDuty, grafana, vault] = servers;
  options.logger.info(
    `onCall.demo: PagerDuty, Grafana and Vault stand-ins serve the demo organisation at ${servers
      .map(s => s.baseUrl)
      .join(', ')}`,
  );
  return {
    pagerDuty: {
      baseUrl: pagerDuty.baseUrl,
      token: tokens.pagerDuty,
      timeoutMs: TIMEOUT_MS,
    },
    grafana: {
      name: 'demo',
      baseUrl: grafana.baseUrl,
      token: tokens.grafana,
      timeoutMs: TIMEOUT_MS,
    },
    vault: {
      baseUrl: vault.baseUrl,
      token: tokens.vault,
      mount,
      teamPathPrefix: '{team}/',
      timeoutMs: TIMEOUT_MS,
    },
    stop: async () => {
      await Promise.all(servers.map(s => s.stop()));
    },
  };
}
