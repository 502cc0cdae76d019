import { stringifyEntityRef } from '@backstage/catalog-model';
import { oncallRunbookReadPermission } from '@gogidix/plugin-oncall-common';
import { EntityAccess } from '../entityAccess';
import { RunbookReader } from '../RunbookReader';
import { OnCallRouter } from './types';

/** An entity's runbooks: the list, and one runbook's markdown. */
export function addRunbookRoutes(
  router: OnCallRouter,
  { access, runbooks }: { access: EntityAccess; runbooks: RunbookReader },
) {
  router.get('/entities/:kind/:namespace/:name/runbooks', async (req, res) => {
    const entity = await access.entityFor(
      req,
      req.params,
      oncallRunbookReadPermission,
    );
    res.json({
      entityRef: stringifyEntityRef(entity),
      expectedLocation: runbooks.expectedLocation(entity),
      runbooks: await runbooks.list(entity),
    });
  });

  router.get(
    '/entities/:kind/:namespace/:name/runbooks/:runbook',
    async (req, res) => {
      const entity = await access.entityFor(
        req,
        req.params,
        oncallRunbookReadPermission,
      );
      res.json(await runbooks.get(entity, req.params.runbook));
    },
  );
}
