import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Content } from '@backstage/core-components';
import {
  AuditClient,
  auditEventReadPermission,
} from '@gogidix/plugin-audit-common';
import { PermissionGate } from '@gogidix/portal-react';
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
    // Those the policy turns away see the one NotAllowed panel, not the
    // filter form above a refused request.
    loader: () =>
      import('./components/AuditPage').then(m => (
        <PermissionGate
          permission={auditEventReadPermission}
          notAllowed="The audit trail is for platform admins."
          wrap={panel => <Content>{panel}</Content>}
        >
          <m.AuditPage />
        </PermissionGate>
      )),
  },
});

/** The audit trail page at `/audit`, for platform admins. */
export const auditPlugin = createFrontendPlugin({
  pluginId: 'audit',
  extensions: [auditApi, auditPage],
  routes: { root: rootRouteRef },
});
