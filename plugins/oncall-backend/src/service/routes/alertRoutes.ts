import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  FiringAlerts,
  oncallAlertReadPermission,
} from '@gogidix/plugin-oncall-common';
import { ALERT_SELECTOR_ANNOTATION } from '@gogidix/portal-common';
import { AlertmanagerClient } from '../AlertmanagerClient';
import { CONFIG_KEYS } from '../../config';
import { annotationKey, EntityAccess, notConfigured } from '../entityAccess';
import { entityAlertFilters } from '../matchers';
import { serviceEntities } from '../serviceEntities';
import { OnCallRouter } from './types';

/** Firing alerts from Alertmanager: org-wide, and one entity's. */
export function addAlertRoutes(
  router: OnCallRouter,
  options: {
    access: EntityAccess;
    catalog: CatalogService;
    alertmanager?: AlertmanagerClient;
    serviceLabel: string;
  },
) {
  const { access, catalog, alertmanager, serviceLabel } = options;

  /** The alerts the filters select, each linked to its entity if known. */
  async function firing(filters: string[], entities: Entity[]) {
    if (!alertmanager) {
      return notConfigured(CONFIG_KEYS.alertmanager);
    }
    const owners = serviceEntities(entities);
    const body: FiringAlerts = {
      status: 'ok',
      alerts: (await alertmanager.firingAlerts(filters)).map(alert => ({
        ...alert,
        entityRef: owners.get(alert.service),
      })),
    };
    return body;
  }

  router.get('/alerts', async (req, res) => {
    const credentials = await access.credentials(req);
    await access.authorize(credentials, {
      permission: oncallAlertReadPermission,
    });
    // Org-wide: link each service to its entity, as far as the caller may
    // see the catalog.
    const { items: entities } = await catalog.getEntities(
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
    );
    res.json(await firing([], entities));
  });

  router.get('/entities/:kind/:namespace/:name/alerts', async (req, res) => {
    const entity = await access.entityFor(req, req.params);
    const selector = entity.metadata.annotations?.[ALERT_SELECTOR_ANNOTATION];
    if (!selector) {
      res.json(notConfigured(annotationKey(ALERT_SELECTOR_ANNOTATION)));
      return;
    }
    const filters = entityAlertFilters(selector, {
      serviceLabel,
      service: entity.metadata.name,
      annotation: ALERT_SELECTOR_ANNOTATION,
    });
    res.json(await firing(filters, []));
  });
}
