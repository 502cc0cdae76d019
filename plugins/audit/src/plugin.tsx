import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { AuditClient } from '@gogidix/plugin-audit-common';
import { auditApiRef } from './apiRef';

const rootRouteRef = createRouteRef();

const auditApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: auditApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new AuditClient(deps),
    }),
});

const auditPage = PageBlueprint.make({
  params: {
    path: '/audit',
    title: 'Audit trail',
    icon: <FactCheckIcon />,
    routeRef: rootRouteRef,
    loader: () => import('./components/AuditPage').then(m => <m.AuditPage />),
  },
});

/** The audit trail page at `/audit`, for platform admins. */
export const auditPlugin = createFrontendPlugin({
  pluginId: 'audit',
  extensions: [auditApi, auditPage],
  routes: { root: rootRouteRef },
});
