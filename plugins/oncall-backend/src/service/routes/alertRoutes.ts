import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { oncallAlertReadPermission } from '@gogidix/plugin-oncall-common';
import { ALERT_SELECTOR_ANNOTATION } from '@gogidix/portal-common';
import { EntityAccess } from '../entityAccess';
import { EntityAlerts } from '../entityAlerts';
import { OnCallRouter } from './types';

/** Firing alerts from Alertmanager: org-wide, and one entity's. */
export function addAlertRoutes(
  router: OnCallRouter,
  options: {
    access: EntityAccess;
    catalog: CatalogService;
    alerts: EntityAlerts;
  },
) {
  const { access, catalog, alerts } = options;

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
    res.json(await alerts.firing([], entities));
  });

  router.get('/entities/:kind/:namespace/:name/alerts', async (req, res) => {
    const entity = await access.entityFor(req, req.params);
    res.json(await alerts.ofEntity(entity));
  });
}
