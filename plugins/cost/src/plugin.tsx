import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import PaymentsIcon from '@mui/icons-material/Payments';
import { CostClient } from '@gogidix/plugin-cost-common';
import { costApiRef } from './apiRef';
import { COST_CENTER_ANNOTATION } from '@gogidix/portal-common';

const rootRouteRef = createRouteRef();

const costApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: costApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new CostClient(deps),
    }),
});

const costPage = PageBlueprint.make({
  params: {
    path: '/cost',
    title: 'Cost',
    icon: <PaymentsIcon />,
    routeRef: rootRouteRef,
    loader: () => import('./components/CostPage').then(m => <m.CostPage />),
  },
});

// Components that name the team their spend is charged to get a cost tab.
const entityCostContent = EntityContentBlueprint.make({
  params: {
    path: 'cost',
    title: 'Cost',
    filter: entity =>
      entity.kind === 'Component' &&
      Boolean(entity.metadata.annotations?.[COST_CENTER_ANNOTATION]),
    loader: () =>
      import('./components/EntityCostContent').then(m => (
        <m.EntityCostContent />
      )),
  },
});

/** Cost pages: the `/cost` page for managers and a component's cost tab. */
export const costPlugin = createFrontendPlugin({
  pluginId: 'cost',
  extensions: [costApi, costPage, entityCostContent],
  routes: { root: rootRouteRef },
});
