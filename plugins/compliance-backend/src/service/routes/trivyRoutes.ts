import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { complianceTrivyCreatePermission } from '@gogidix/plugin-compliance-common';
import { actorRef, authorizeOrThrow } from '@gogidix/portal-node';
import { ComplianceStore } from '../../database/ComplianceStore';
import { ingestTrivyReport } from '../trivyIngest';
import { ComplianceRouter } from './types';

/** How far ahead of our clock a scanner's clock may run. */
export const TRIVY_CLOCK_SKEW_MS = 5 * 60_000;

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
    const createdAt = (req.body as { CreatedAt?: unknown } | undefined)
      ?.CreatedAt;
    const scannedAt = Date.parse(String(createdAt));
    if (scannedAt > now().getTime() + TRIVY_CLOCK_SKEW_MS) {
      throw new InputError(
        `CreatedAt ${String(
          createdAt,
        )} is in the future: check the clock of the machine that ran Trivy`,
      );
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
