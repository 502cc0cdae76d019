import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import {
  ALERT_SELECTOR_ANNOTATION,
  GRAFANA_ALERT_SELECTOR_ANNOTATION,
  GRAFANA_DASHBOARD_SELECTOR_ANNOTATION,
  LOGS_QUERY_ANNOTATION,
  PAGERDUTY_SERVICE_ANNOTATION,
  RUNBOOKS_ANNOTATION,
  TRACE_SERVICE_ANNOTATION,
  VAULT_SECRETS_PATH_ANNOTATION,
} from '@gogidix/portal-common';
import { OnCallClient } from '@gogidix/plugin-oncall-common';
import { onCallApiRef } from './apiRef';

const onCallApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: onCallApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new OnCallClient(deps),
    }),
});

/** Takes over the `/on-call` path the upcoming page held. */
const onCallPage = PageBlueprint.make({
  params: {
    path: '/on-call',
    title: 'On-call',
    icon: <NotificationsActiveIcon />,
    // The sidebar lists pages that have a route.
    routeRef: createRouteRef(),
    loader: () =>
      import('./components/OnCallPage/OnCallPage').then(m => <m.OnCallPage />),
  },
});

/**
 * `/runbooks/<namespace>/<kind>/<name>/<runbook>`: a fixed URL other plugins
 * and alert rules link to. No route ref, so it is not a sidebar item.
 */
const runbooksPage = PageBlueprint.make({
  name: 'runbooks',
  params: {
    path: '/runbooks',
    title: 'Runbook',
    loader: () =>
      import('./components/RunbookPage/RunbookPage').then(m => (
        <m.RunbooksRoutes />
      )),
  },
});

const ON_CALL_ANNOTATIONS = [
  RUNBOOKS_ANNOTATION,
  ALERT_SELECTOR_ANNOTATION,
  PAGERDUTY_SERVICE_ANNOTATION,
  LOGS_QUERY_ANNOTATION,
  TRACE_SERVICE_ANNOTATION,
  GRAFANA_DASHBOARD_SELECTOR_ANNOTATION,
  GRAFANA_ALERT_SELECTOR_ANNOTATION,
  VAULT_SECRETS_PATH_ANNOTATION,
];

const entityOnCallContent = EntityContentBlueprint.make({
  params: {
    path: 'on-call',
    title: 'On-call',
    filter: (entity: Entity) =>
      ON_CALL_ANNOTATIONS.some(a => !!entity.metadata.annotations?.[a]),
    loader: () =>
      import('./components/EntityOnCallContent/EntityOnCallContent').then(m => (
        <m.EntityOnCallContent />
      )),
  },
});

export const onCallPlugin = createFrontendPlugin({
  pluginId: 'oncall',
  title: 'On-call',
  icon: <NotificationsActiveIcon />,
  extensions: [onCallApi, onCallPage, runbooksPage, entityOnCallContent],
});
