import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { complianceTrivyCreatePermission } from '@gogidix/plugin-compliance-common';
import { actorRef, authorizeOrThrow } from '@gogidix/portal-node';
import { ComplianceStore } from '../../database/ComplianceStore';
import { ingestTrivyReport } from '../trivyIngest';
import { ComplianceRouter } from './types';

/** A Trivy report uploaded for a component, e.g. from its CI. */
export function addTrivyRoutes(
  router: ComplianceRouter,
  options: {
    httpAuth: HttpAuthService;
    catalog: CatalogService;
    store: ComplianceStore;
    now: () => Date;
    permissions: PermissionsService;
  },
) {
  const { httpAuth, catalog, store, now, permissions } = options;

  router.post('/entities/:kind/:namespace/:name/trivy', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorizeOrThrow(
      permissions,
      credentials,
      { permission: complianceTrivyCreatePermission },
      'You may not upload Trivy reports',
    );
    const entityRef = stringifyEntityRef(req.params);
    const component = await catalog.getEntityByRef(entityRef, { credentials });
    if (component?.kind.toLocaleLowerCase('en-US') !== 'component') {
      throw new NotFoundError(`${entityRef} is not a catalog component`);
    }
    const summary = await ingestTrivyReport(store, {
      entityRef,
      report: req.body,
      source: `uploaded by ${actorRef(credentials)}`,
      now: now(),
    });
    res.status(201).json({ ...summary });
  });
}
