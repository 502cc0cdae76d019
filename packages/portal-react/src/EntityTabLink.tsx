import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';

/**
 * An entity's name, linking to one tab of its catalog page (e.g. its SLO or
 * Compliance tab); plain text where the catalog page is not installed.
 */
export function EntityTabLink(props: { entityRef: string; tab: string }) {
  const entityRoute = useRouteRef(entityRouteRef);
  const { kind, namespace, name } = parseEntityRef(props.entityRef);
  const base = entityRoute?.({ kind, namespace, name });
  return base ? <Link to={`${base}/${props.tab}`}>{name}</Link> : <>{name}</>;
}
