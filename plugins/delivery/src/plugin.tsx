import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import RocketLaunchIcon from '@mui/icons-material/RocketLaunch';
import { DeliveryClient } from '@gogidix/plugin-delivery-common';
import {
  PAGERDUTY_SERVICE_ANNOTATION,
  SOURCE_LOCATION_ANNOTATION,
} from '@gogidix/portal-common';
import { deliveryApiRef } from './apiRef';

const rootRouteRef = createRouteRef();

const deliveryApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: deliveryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DeliveryClient(deps),
    }),
});

const deliveryPage = PageBlueprint.make({
  params: {
    path: '/delivery',
    title: 'Delivery',
    icon: <RocketLaunchIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/DeliveryPage').then(m => <m.DeliveryPage />),
  },
});

// Components whose deploys or incidents can be found get the tab: a
// repository (the templates write source-location) or a PagerDuty service.
// One with neither configured still learns from the tab what to set.
const entityDeliveryContent = EntityContentBlueprint.make({
  params: {
    path: 'delivery',
    title: 'Delivery',
    filter: entity =>
      entity.kind === 'Component' &&
      [SOURCE_LOCATION_ANNOTATION, PAGERDUTY_SERVICE_ANNOTATION].some(key =>
        Boolean(entity.metadata.annotations?.[key]),
      ),
    loader: () =>
      import('./components/EntityDeliveryContent').then(m => (
        <m.EntityDeliveryContent />
      )),
  },
});

/** Delivery pages: `/delivery` for managers and a component's delivery tab. */
export const deliveryPlugin = createFrontendPlugin({
  pluginId: 'delivery',
  extensions: [deliveryApi, deliveryPage, entityDeliveryContent],
  routes: { root: rootRouteRef },
});
