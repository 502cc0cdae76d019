import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ResolvedSlo, WindowErrorRatios } from '@gogidix/plugin-slo-common';
import express from 'express';
import { Knex } from 'knex';
import { join } from 'node:path';
import { DatabaseDeployGateStore } from '../database/DatabaseDeployGateStore';
import { DatabaseSloStore } from '../database/DatabaseSloStore';
import { DeployGate } from '../service/DeployGate';
import { SloLinks } from '../service/links';
import { OpenSloDocumentReader } from '../service/OpenSloDocumentReader';
import { createRouter } from '../service/router';
import { SliSource } from '../service/SliSource';
import { ConfiguredSliSource, SloService } from '../service/SloService';

/** The demo organisation's services, whose OpenSLO documents tests read. */
export const demoDir = join(__dirname, '../../../../demo/services');

/** A tier-0 component of the marketplace system with an OpenSLO annotation. */
export function component(
  name: string,
  openslo: string,
  owner = 'listings',
  catalogFile = join(demoDir, name, 'catalog-info.yaml'),
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      labels: { 'gogidix.io/tier': 'tier-0' },
      annotations: {
        'gogidix.io/openslo': openslo,
        'backstage.io/managed-by-location': `file:${catalogFile}`,
      },
    },
    spec: {
      type: 'service',
      owner,
      system: 'property-marketplace',
    },
  };
}

/** An SLI source whose answers (or failure) the test sets. */
export class ScriptedSource implements SliSource {
  ratio: number | 'down' = 0.0002;
  async errorRatios(slos: ResolvedSlo[]) {
    if (this.ratio === 'down')
      throw new ServiceUnavailableError('connect ECONNREFUSED');
    const r = this.ratio;
    return new Map<string, WindowErrorRatios>(
      slos.map(s => [
        s.id,
        {
          period: r,
          '5m': r,
          '30m': r,
          '1h': r,
          '2h': r,
          '6h': r,
          '1d': r,
          '3d': r,
        },
      ]),
    );
  }
}

/** The SLO router over a fresh store on `knex`, with the real service and document reader. */
export async function sloTestApp(options: {
  knex: Knex;
  sli: ConfiguredSliSource;
  entities: Entity[];
  links: SloLinks;
  httpAuth?: HttpAuthService;
  permissions?: PermissionsService;
  urlReader?: UrlReaderService;
  auditor?: AuditorService;
  defaultDeployPolicy?: string;
  now: () => Date;
}) {
  const database = mockServices.database({
    knex: options.knex,
    migrations: { skip: false },
  });
  const store = await DatabaseSloStore.create({ database });
  const catalog = catalogServiceMock({ entities: options.entities });
  const service = new SloService({
    store,
    sli: options.sli,
    documents: new OpenSloDocumentReader(
      options.urlReader ?? mockServices.urlReader.mock(),
    ),
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    links: options.links,
  });
  const router = await createRouter({
    httpAuth: options.httpAuth ?? mockServices.httpAuth(),
    permissions: options.permissions ?? mockServices.permissions(),
    service,
    store,
    links: options.links,
    gate: new DeployGate({
      service,
      catalog,
      auth: mockServices.auth(),
      store: await DatabaseDeployGateStore.create({ database }),
      defaultPolicy:
        options.defaultDeployPolicy ?? 'min-budget=0%; allow=fix,rollback',
    }),
    auditor: options.auditor ?? mockServices.auditor.mock(),
    now: options.now,
  });
  return {
    app: express().use(router).use(mockErrorHandler()),
    service,
    store,
  };
}
