import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { complianceApiRef } from './apiRef';
import { ComplianceClient } from '@gogidix/plugin-compliance-common';

export const rootRouteRef = createRouteRef();

const complianceApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: complianceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ComplianceClient(deps),
    }),
});

const orgPage = PageBlueprint.make({
  params: {
    path: '/compliance',
    title: 'Compliance',
    icon: <AssignmentTurnedInIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/OrgCompliancePage/OrgCompliancePage').then(m => (
        <m.OrgCompliancePage />
      )),
  },
});

const entityContent = EntityContentBlueprint.make({
  params: {
    path: 'compliance',
    title: 'Compliance',
    // The compliance round evaluates the catalog's components.
    filter: entity => entity.kind.toLocaleLowerCase('en-US') === 'component',
    loader: () =>
      import(
        './components/EntityComplianceContent/EntityComplianceContent'
      ).then(m => <m.EntityComplianceContent />),
  },
});

/** Compliance pages: the org page at /compliance and the entity Compliance tab. */
export const compliancePlugin = createFrontendPlugin({
  pluginId: 'compliance',
  routes: { root: rootRouteRef },
  extensions: [complianceApi, orgPage, entityContent],
});
