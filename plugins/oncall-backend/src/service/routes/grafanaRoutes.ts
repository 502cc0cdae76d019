import {
  GrafanaInstanceResult,
  GrafanaOverview,
} from '@gogidix/plugin-oncall-common';
import {
  GRAFANA_ALERT_SELECTOR_ANNOTATION,
  GRAFANA_DASHBOARD_SELECTOR_ANNOTATION,
} from '@gogidix/portal-common';
import { CONFIG_KEYS } from '../../config';
import { parseDashboardSelector } from '../dashboardSelector';
import { annotationKey, EntityAccess, notConfigured } from '../entityAccess';
import { GrafanaClient } from '../GrafanaClient';
import { entityAlertFilters } from '../matchers';
import { OnCallRouter } from './types';

/** An entity's dashboards and firing alerts in every Grafana instance. */
export function addGrafanaRoutes(
  router: OnCallRouter,
  options: {
    access: EntityAccess;
    grafana: GrafanaClient[];
    serviceLabel: string;
  },
) {
  const { access, grafana, serviceLabel } = options;

  router.get('/entities/:kind/:namespace/:name/grafana', async (req, res) => {
    const entity = await access.entityFor(req, req.params);
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
}
