import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AuthorizePermissionRequest,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClaimBook,
  ClaimResolution,
  claimsOf,
  FiringAlerts,
  GrafanaInstanceResult,
  GrafanaOverview,
  NotConfigured,
  oncallAlertReadPermission,
  oncallEntityReadPermission,
  oncallRunbookReadPermission,
  ownerNameOf,
  ownerRefOf,
  ServiceOnCall,
  vaultPathVerdict,
  VaultSecretList,
} from '@gogidix/plugin-oncall-common';
import { authorizeOrThrow } from '@gogidix/portal-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { AlertmanagerClient } from './AlertmanagerClient';
import { CONFIG_KEYS } from '../config';
import { parseDashboardSelector } from './dashboardSelector';
import { GrafanaClient } from './GrafanaClient';
import { entityAlertFilters } from './matchers';
import { PagerDutyClient } from './PagerDutyClient';
import { RunbookReader } from './RunbookReader';
import { serviceEntities } from './serviceEntities';
import { VaultClient } from './VaultClient';
import {
  ALERT_SELECTOR_ANNOTATION,
  GRAFANA_ALERT_SELECTOR_ANNOTATION,
  GRAFANA_DASHBOARD_SELECTOR_ANNOTATION,
  PAGERDUTY_SERVICE_ANNOTATION,
  VAULT_SECRETS_ENGINE_ANNOTATION,
  VAULT_SECRETS_PATH_ANNOTATION,
} from '@gogidix/portal-common';

export interface RouterOptions {
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  runbooks: RunbookReader;
  /** Absent when `onCall.alertmanager` is not configured. */
  alertmanager?: AlertmanagerClient;
  /** Absent when `onCall.pagerDuty` is not configured. */
  pagerDuty?: PagerDutyClient;
  /** One per `onCall.grafana.instances` entry. */
  grafana: GrafanaClient[];
  /** Absent when `onCall.vault` is not configured. */
  vault?: VaultClient;
  /** The alert label naming the service, in Alertmanager and Grafana. */
  serviceLabel: string;
  /** `gogidix.claims`: who holds a value two owners claim. */
  claims: ClaimResolution[];
}

const annotationKey = (name: string) => `metadata.annotations["${name}"]`;

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { auth, httpAuth, permissions, catalog, runbooks } = options;
  const { alertmanager, pagerDuty, grafana, vault, serviceLabel } = options;
  const router = Router();
  router.use(express.json());

  async function authorize(
    credentials: BackstageCredentials,
    request: AuthorizePermissionRequest,
  ) {
    await authorizeOrThrow(
      permissions,
      credentials,
      request,
      `Not allowed to read ${
        request.resourceRef
          ? `the on-call data of ${request.resourceRef}`
          : 'every alert'
      }`,
    );
  }

  /**
   * Every route is for signed-in people and services only, and each
   * entity's data for those the policy lets read it.
   */
  async function entityFor(
    req: Request,
    ref: unknown,
    permission: ResourcePermission<'catalog-entity'> = oncallEntityReadPermission,
  ): Promise<Entity> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (typeof ref !== 'string' || !ref) {
      throw new InputError('entityRef is required, e.g. component:default/x');
    }
    let entityRef: string;
    try {
      entityRef = stringifyEntityRef(parseEntityRef(ref));
    } catch (error) {
      throw new InputError(`entityRef: ${(error as Error).message}`);
    }
    await authorize(credentials, { permission, resourceRef: entityRef });
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${ref} in the catalog`);
    }
    return entity;
  }

  /**
   * An annotation value only one owner may hold: every entity claiming it is
   * read with the plugin's own credentials, since the caller may not see
   * the other claimant.
   */
  async function checkClaim(entity: Entity, annotation: string, value: string) {
    const owner = ownerRefOf(entity);
    if (!owner) {
      throw new NotAllowedError(
        `${annotation} needs an owner (spec.owner) to hold it; set spec.owner`,
      );
    }
    const { items } = await catalog.getEntities(
      {
        filter: { [`metadata.annotations.${annotation}`]: value },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
          'spec.owner',
        ],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const book = new ClaimBook(
      [entity, ...items].flatMap(e => claimsOf(e, [annotation])),
      options.claims,
    );
    const verdict = book.verdict(annotation, value, owner);
    if (verdict.status === 'contested') {
      throw new ConflictError(verdict.reason);
    }
    if (verdict.status === 'overruled') {
      throw new NotAllowedError(verdict.reason);
    }
  }

  const routeRef = (req: Request) =>
    `${req.params.kind}:${req.params.namespace}/${req.params.name}`;

  router.get('/runbooks/:namespace/:kind/:name', async (req, res) => {
    const entity = await entityFor(
      req,
      routeRef(req),
      oncallRunbookReadPermission,
    );
    res.json({
      entityRef: stringifyEntityRef(entity),
      expectedLocation: runbooks.expectedLocation(entity),
      runbooks: await runbooks.list(entity),
    });
  });

  router.get('/runbooks/:namespace/:kind/:name/:runbook', async (req, res) => {
    const entity = await entityFor(
      req,
      routeRef(req),
      oncallRunbookReadPermission,
    );
    res.json(await runbooks.get(entity, req.params.runbook));
  });

  router.get('/alerts', async (req, res) => {
    const { entityRef } = req.query;
    let filters: string[] = [];
    let entities: Entity[] = [];
    if (entityRef === undefined) {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      await authorize(credentials, { permission: oncallAlertReadPermission });
      // Org-wide: link each service to its entity, as far as the caller may
      // see the catalog.
      ({ items: entities } = await catalog.getEntities(
        {
          filter: {
            [`metadata.annotations.${ALERT_SELECTOR_ANNOTATION}`]:
              CATALOG_FILTER_EXISTS,
          },
          fields: [
            'kind',
            'metadata.namespace',
            'metadata.name',
            'metadata.annotations',
          ],
        },
        { credentials },
      ));
    } else {
      const entity = await entityFor(req, entityRef);
      const selector = entity.metadata.annotations?.[ALERT_SELECTOR_ANNOTATION];
      if (!selector) {
        res.json(notConfigured(annotationKey(ALERT_SELECTOR_ANNOTATION)));
        return;
      }
      filters = entityAlertFilters(selector, {
        serviceLabel,
        service: entity.metadata.name,
        annotation: ALERT_SELECTOR_ANNOTATION,
      });
    }
    if (!alertmanager) {
      res.json(notConfigured(CONFIG_KEYS.alertmanager));
      return;
    }
    const owners = serviceEntities(entities);
    const body: FiringAlerts = {
      status: 'ok',
      alerts: (await alertmanager.firingAlerts(filters)).map(alert => ({
        ...alert,
        entityRef: owners.get(alert.service),
      })),
    };
    res.json(body);
  });

  router.get('/pagerduty', async (req, res) => {
    const entity = await entityFor(req, req.query.entityRef);
    const serviceId =
      entity.metadata.annotations?.[PAGERDUTY_SERVICE_ANNOTATION];
    if (!serviceId) {
      res.json(notConfigured(annotationKey(PAGERDUTY_SERVICE_ANNOTATION)));
      return;
    }
    await checkClaim(entity, PAGERDUTY_SERVICE_ANNOTATION, serviceId);
    if (!pagerDuty) {
      res.json(notConfigured(CONFIG_KEYS.pagerDuty));
      return;
    }
    const body: ServiceOnCall = await pagerDuty.serviceOnCall(serviceId);
    res.json(body);
  });

  router.get('/grafana', async (req, res) => {
    const entity = await entityFor(req, req.query.entityRef);
    const annotations = entity.metadata.annotations ?? {};
    const dashboardSelector =
      annotations[GRAFANA_DASHBOARD_SELECTOR_ANNOTATION];
    const alertSelector = annotations[GRAFANA_ALERT_SELECTOR_ANNOTATION];
    if (!dashboardSelector && !alertSelector) {
      res.json(
        notConfigured(annotationKey(GRAFANA_DASHBOARD_SELECTOR_ANNOTATION)),
      );
      return;
    }
    if (grafana.length === 0) {
      res.json(notConfigured(CONFIG_KEYS.grafana));
      return;
    }
    // Parsed before any request so a bad annotation is a 400, not a 503.
    const matches = dashboardSelector
      ? parseDashboardSelector(dashboardSelector)
      : undefined;
    const filters = alertSelector
      ? entityAlertFilters(alertSelector, {
          serviceLabel,
          service: entity.metadata.name,
          annotation: GRAFANA_ALERT_SELECTOR_ANNOTATION,
        })
      : undefined;
    const instances = await Promise.all(
      grafana.map(async (client): Promise<GrafanaInstanceResult> => {
        try {
          const [dashboards, alerts] = await Promise.all([
            matches ? client.dashboards(matches) : [],
            filters ? client.alerts(filters) : [],
          ]);
          return { instance: client.name, status: 'ok', dashboards, alerts };
        } catch (error) {
          return {
            instance: client.name,
            status: 'error',
            message: (error as Error).message,
          };
        }
      }),
    );
    const body: GrafanaOverview = { status: 'ok', instances };
    res.json(body);
  });

  router.get('/vault', async (req, res) => {
    const entity = await entityFor(req, req.query.entityRef);
    const annotations = entity.metadata.annotations ?? {};
    const paths = (annotations[VAULT_SECRETS_PATH_ANNOTATION] ?? '')
      .split(',')
      .map(p => p.trim())
      .filter(Boolean);
    if (paths.length === 0) {
      res.json(notConfigured(annotationKey(VAULT_SECRETS_PATH_ANNOTATION)));
      return;
    }
    if (!vault) {
      res.json(notConfigured(CONFIG_KEYS.vault));
      return;
    }
    const mount =
      annotations[VAULT_SECRETS_ENGINE_ANNOTATION]?.trim() ||
      vault.defaultMount;
    // Team prefixes are in the configured mount; another mount has none.
    if (mount !== vault.defaultMount) {
      throw new NotAllowedError(
        `${VAULT_SECRETS_ENGINE_ANNOTATION} may only name the ${vault.defaultMount} mount; remove the annotation`,
      );
    }
    const team = ownerNameOf(entity);
    for (const path of paths) {
      const verdict = vaultPathVerdict(path, {
        team,
        prefixTemplate: vault.teamPathPrefix,
      });
      if (verdict.status === 'refused') {
        throw new NotAllowedError(verdict.reason);
      }
    }
    const body: VaultSecretList = {
      status: 'ok',
      mount,
      paths: await Promise.all(
        paths.map(async path => ({
          path,
          secrets: await vault.listSecretNames(path, mount),
        })),
      ),
    };
    res.json(body);
  });

  return router;
}

function notConfigured(configKey: string): NotConfigured {
  return { status: 'not-configured', configKey };
}
