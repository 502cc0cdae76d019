import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import SpeedIcon from '@mui/icons-material/Speed';
import { SloClient } from '@gogidix/plugin-slo-common';
import { sloApiRef } from './apiRef';
import { OPENSLO_ANNOTATION } from '@gogidix/portal-common';

export const rootRouteRef = createRouteRef();

const sloApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: sloApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new SloClient(deps),
    }),
});

const orgPage = PageBlueprint.make({
  params: {
    path: '/slo',
    title: 'SLOs',
    icon: <SpeedIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/OrgSloPage/OrgSloPage').then(m => <m.OrgSloPage />),
  },
});

const entityContent = EntityContentBlueprint.make({
  params: {
    path: 'slo',
    title: 'SLOs',
    // Only components that name an OpenSLO document get the tab.
    filter: entity =>
      Boolean(entity.metadata.annotations?.[OPENSLO_ANNOTATION]),
    loader: () =>
      import('./components/EntitySloContent/EntitySloContent').then(m => (
        <m.EntitySloContent />
      )),
  },
});

const homeCard = HomePageWidgetBlueprint.make({
  name: 'your-slos',
  params: {
    name: 'GogidixYourSlos',
    title: 'Your SLOs',
    description: 'Error budgets of the services you and your teams own',
    components: () =>
      import('./components/HomeSloCard/HomeSloCard').then(m => ({
        Content: m.HomeSloCard,
      })),
  },
});

/** SLO pages: the org page at /slo, the entity SLO tab and a home card. */
export const sloPlugin = createFrontendPlugin({
  pluginId: 'slo',
  routes: { root: rootRouteRef },
  extensions: [sloApi, orgPage, entityContent, homeCard],
});
