import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { DeliveryCatalog, deliveryTargetsOf } from '../service/deliveryCatalog';
import { SourceEndpoint } from '../service/sources/sourceFetch';

/** A component with the given owner and annotations. */
export function component(
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace, annotations },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

/** A DeliveryCatalog over fixed entities. */
export function fixedCatalog(entities: Entity[]): DeliveryCatalog {
  const targets = deliveryTargetsOf(entities, []);
  return { targets: async () => targets };
}

/** An endpoint for a stand-in, with the given headers. */
export function standInEndpoint(
  name: string,
  baseUrl: string,
  headers: Record<string, string>,
  credential: string,
): SourceEndpoint {
  return {
    name,
    baseUrl,
    headers,
    timeoutMs: 5000,
    credential,
    logger: mockServices.logger.mock(),
  };
}
