import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import {
  oncallRunbookReadPermission,
  Runbook,
  RunbookSummary,
  runbookPath,
} from '@gogidix/plugin-oncall-common';
import { Readable } from 'node:stream';
import { runbookText } from './runbookText';
import { entityPath, RUNBOOKS_ANNOTATION } from '@gogidix/portal-common';

export interface RunbookDocument extends IndexableDocument {
  entityRef: string;
  owner?: string;
}

/**
 * Collects every runbook of every entity that declares a runbooks folder.
 * Runbooks are read through the on-call backend, so search indexes exactly
 * what the runbook page shows and the same path rules apply. One entity whose
 * runbooks cannot be read is logged and skipped; the rest are indexed.
 */
export class RunbookCollatorFactory implements DocumentCollatorFactory {
  readonly type = 'runbook';
  // Results are only shown to people who may read the entity.
  // A runbook is found by those who may read that entity's runbooks.
  readonly visibilityPermission = oncallRunbookReadPermission;

  constructor(
    private readonly deps: {
      auth: AuthService;
      discovery: DiscoveryService;
      catalog: CatalogService;
      logger: LoggerService;
    },
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<RunbookDocument> {
    const { auth, catalog, logger } = this.deps;
    const { items } = await catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${RUNBOOKS_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    for (const entity of items) {
      try {
        yield* await this.entityDocuments(entity);
      } catch (error) {
        logger.warn(
          `Runbooks of ${stringifyEntityRef(entity)} not indexed: ${
            (error as Error).message
          }`,
        );
      }
    }
  }

  private async entityDocuments(entity: Entity): Promise<RunbookDocument[]> {
    const ref = getCompoundEntityRef(entity);
    const runbooksPath = `/entities/${entityPath(ref)}/runbooks`;
    const { runbooks } = await this.get<{ runbooks: RunbookSummary[] }>(
      runbooksPath,
    );
    const entityRef = stringifyEntityRef(entity);
    const documents: RunbookDocument[] = [];
    for (const summary of runbooks) {
      const runbook = await this.get<Runbook>(
        `${runbooksPath}/${encodeURIComponent(summary.name)}`,
      );
      documents.push({
        title: `${runbook.title} (${entity.metadata.title ?? ref.name})`,
        text: runbookText(runbook.markdown),
        location: runbookPath(ref, runbook.name),
        entityRef,
        owner: (entity.spec as { owner?: string } | undefined)?.owner,
        authorization: { resourceRef: entityRef },
      });
    }
    return documents;
  }

  private async get<T>(path: string): Promise<T> {
    const { auth, discovery } = this.deps;
    const [baseUrl, { token }] = await Promise.all([
      discovery.getBaseUrl('oncall'),
      auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'oncall',
      }),
    ]);
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
